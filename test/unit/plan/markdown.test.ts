import { describe, expect, it } from 'vitest';
import { cell, codeSpan } from '../../../generator/plan/markdown.js';

describe('codeSpan', () => {
  it.each([
    { code: 'string', place: 'cell', want: '`string`' },
    { code: '"a" | "b"', place: 'cell', want: '`"a" \\| "b"`' },
    { code: '"a" | "b"', place: 'text', want: '`"a" | "b"`' },
    { code: 'a `tick` here', place: 'text', want: '``a `tick` here``' },
    { code: '`edge`', place: 'cell', want: '`` `edge` ``' },
    { code: 'Record<string,\n  number>', place: 'text', want: '`Record<string, number>`' },
  ] as const)('$code in a $place → $want', ({ code, place, want }) => {
    expect(codeSpan(code, place)).toBe(want);
  });
});

describe('cell', () => {
  it.each([
    { text: 'a | b', want: 'a \\| b' },
    { text: 'line one\nline two', want: 'line one<br>line two' },
    { text: '<b>&</b>', want: '&lt;b&gt;&amp;&lt;/b&gt;' },
  ])('$text → $want', ({ text, want }) => {
    expect(cell(text)).toBe(want);
  });
});
