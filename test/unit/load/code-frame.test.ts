import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../../generator/load/source-map.js';

describe('codeFrame', () => {
  const long = `{"a":"${'x'.repeat(400)}","bad":1,"c":"${'y'.repeat(400)}"}`;
  it.each([
    { given: 'a middle line', text: 'one\ntwo\nthree\nfour', line: 3, column: 1, want: '  2 | two\n> 3 | three\n  4 | four' },
    { given: 'the first line', text: 'one\ntwo', line: 1, column: 2, want: '> 1 | one\n  2 | two' },
    { given: 'CRLF and CR line ends', text: 'one\r\ntwo\rthree', line: 2, column: 1, want: '  1 | one\n> 2 | two\n  3 | three' },
    { given: 'the last line of ten (numbers padded)', text: Array.from({ length: 10 }, (_, i) => `l${i + 1}`).join('\n'), line: 10, column: 1, want: '   9 | l9\n> 10 | l10' },
    { given: 'a long line shows the part around the column', text: long, line: 1, column: long.indexOf('"bad"') + 1, want: `> 1 | …${long.slice(long.indexOf('"bad"') - 80, long.indexOf('"bad"') + 80)}` },
    { given: 'a long line near its end shows its last characters', text: long, line: 1, column: long.length, want: `> 1 | …${long.slice(-160)}` },
  ])('$given', ({ text, line, column, want }) => {
    expect(codeFrame(text, line, column)).toBe(want);
  });
});
