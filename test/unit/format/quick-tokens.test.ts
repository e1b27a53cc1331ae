import { describe, expect, it } from 'vitest';
import { quickSameTokens, quickTokens } from '../../../generator/format/quick-tokens.js';
import { sameTokens } from '../../../generator/format/typescript-source.js';

describe('quickTokens', () => {
  it.each([
    { name: 'names, brackets and operator runs; ; , ( ) and a lone | dropped', given: 'export type A = { a?: B | C; b: D[] };', tokens: ['export', 'type', 'A', '=', '{', 'a', '?:', 'B', 'C', 'b', ':', 'D', '[', ']', '}'] },
    { name: 'strings by value: name-like bare, others as JSON', given: `x('a', "b c", 'it\\'s', "\\u0041\\x42\\n")`, tokens: ['x', 'a', '"b c"', `"it's"`, '"AB\\n"'] },
    { name: 'numbers by value', given: 'f(1.50, 1E+5, 0x10, .5, 1_000)', tokens: ['f', '#1.5', '#100000', '#16', '#0.5', '#1000'] },
    { name: 'comments counted, not tokens; a // inside a string is no comment', given: "/** Doc. */\nconst a = 'http://x'; // after\n/* c */", tokens: ['const', 'a', '=', '"http://x"'], comments: 3 },
    { name: 'a template literal is not read here', given: 'const a = `x${y}`;', tokens: undefined },
    { name: 'a name outside ASCII is not read here', given: 'const é = 1;', tokens: undefined },
    { name: 'an unterminated string or comment is not read here', given: "const a = 'x\n';\n/* open", tokens: undefined },
    { name: 'an octal escape is not read here', given: "const a = '\\1';", tokens: undefined },
  ])('$name', ({ given, tokens, comments }) => {
    const read = quickTokens(given);
    expect(read?.tokens).toEqual(tokens);
    if (comments !== undefined) expect(read?.comments).toBe(comments);
  });
});

describe('quickSameTokens', () => {
  // It answers only "the same"; wherever it does, TypeScript's scanner (sameTokens) must agree.
  it.each([
    { name: 'a reformatted interface', original: "export interface A { a: string; 'b-c'?: \"x\" | 'y' }", printed: "export interface A {\n  a: string;\n  'b-c'?: 'x' | 'y';\n}\n", same: true },
    { name: 'requoted strings and respelled numbers', original: 'const a = { b: "it\'s", c: 1.50 };', printed: "const a = { b: \"it's\", c: 1.5 };\n", same: true },
    { name: 'a union broken one a line with leading bars', original: "type A = 'a' | 'b';", printed: "type A =\n  | 'a'\n  | 'b';\n", same: true },
    { name: 'a dropped token', original: 'const a = { b: 1, c: 2 };', printed: 'const a = { b: 1 };\n', same: false },
    { name: 'a changed name', original: 'type A = B;', printed: 'type A = C;\n', same: false },
    { name: 'an operator split by a space (left to the exact check)', original: 'a = -1;', printed: 'a =- 1;\n', same: false },
    { name: 'a dropped comment is counted on the original side only', original: '/** a */\ntype A = B;', printed: 'type A = B;\n', same: true, comments: 1 },
  ])('$name', ({ original, printed, same, comments }) => {
    const quick = quickSameTokens(original, printed);
    expect(quick !== undefined).toBe(same);
    if (quick) {
      const exact = sameTokens(original, printed);
      expect(exact.same).toBe(true);
      expect(quick.comments).toBe(exact.comments);
      if (comments !== undefined) expect(quick.comments).toBe(comments);
    }
  });
});
