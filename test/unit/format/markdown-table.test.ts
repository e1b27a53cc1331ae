import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { printTable } from '../../../generator/format/markdown-table.js';

const MARKDOWN = { parser: 'markdown', proseWrap: 'preserve' as const };

describe('printTable', () => {
  // Every printed table is checked against prettier; undefined leaves the table to prettier.
  it.each([
    { name: 'aligns columns to the widest cell, at least 3', block: ['| a | Name |', '|-|-|', '| 1 | x |'], printed: true },
    { name: 'keeps the colons of left, right and centred columns', block: ['| Left | Right | Centre | None |', '|:--|--:|:-:|---|', '| a | bb | c | dddd |', '| longer cell | 1 | two words | x |'], printed: true },
    { name: 'pads a centred cell with the odd space after', block: ['| Centred |', '| :-: |', '| ab |', '| abc |'], printed: true },
    { name: 'keeps escaped pipes and line breaks in cells', block: ['| Header | Value |', '| --- | --- |', '| `a \\| b` | * one<br>* two |'], printed: true },
    { name: 'prints links and strong text', block: ['| Name | Type |', '| --- | --- |', '| **pet** | [**Pet**](Pet.md) |'], printed: true },
    { name: 'prints a header-only table', block: ['| Only | Header |', '| --- | --- |'], printed: true },
    { name: 'leaves a row with a missing cell', block: ['| a | b |', '| --- | --- |', '| 1 |'], printed: false },
    { name: 'leaves a row without closing pipe', block: ['| a | b |', '| --- | --- |', '| 1 | 2'], printed: false },
    { name: 'leaves a table without delimiter row', block: ['| a | b |', '| 1 | 2 |'], printed: false },
    { name: 'leaves a cell with emphasis', block: ['| a |', '| --- |', '| *x* |'], printed: false },
    { name: 'leaves a cell with a tab', block: ['| a |', '| --- |', '| x\ty |'], printed: false },
    { name: 'leaves a one-line block', block: ['| a |'], printed: false },
  ])('$name', async ({ block, printed }) => {
    const table = printTable(block);
    expect(table !== undefined).toBe(printed);
    if (table !== undefined) expect(table + '\n').toBe(await format(block.join('\n') + '\n', MARKDOWN));
  });
});
