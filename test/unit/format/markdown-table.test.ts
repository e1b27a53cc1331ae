import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { alignTable, cellsDocument, printTable, readCells, tableLayout } from '../../../generator/format/markdown-table.js';

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

describe('tableLayout and alignTable', () => {
  // Cells that are not plain inline markdown are printed by prettier one by one (cellsDocument,
  // readCells) and the table aligned here: the result must be prettier's print of the whole table.
  it.each([
    { name: 'emphasis in one cell of many', block: ['| a | Name |', '|-|-|', '| *x* | y |', '| 1 | two |'], prettierCells: 1 },
    { name: 'HTML escaped as entities and a link', block: ['| Method | Description |', '| --- | --- |', '| get | &lt;p&gt;See &lt;a href="https://x.y/z"&gt;the docs&lt;/a&gt;.&lt;/p&gt; |'], prettierCells: 1 },
    { name: 'wide characters, measured as prettier measures them', block: ['| Key | 値 |', '| :-: | --: |', '| *名前* | 😀 **x** |', '| a | b |'], prettierCells: 3 },
    { name: 'a cell prettier rewrites (emphasis marker, escapes)', block: ['| a | b |', '| :-- | --- |', '| *x* and __y__ | \\* star |'], prettierCells: 2 },
    { name: 'a cell shorter than three columns, centred', block: ['| h | i |', '| :-: | :-: |', '| *x* | 1 |'], prettierCells: 1 },
    { name: 'an escaped pipe in a cell prettier prints', block: ['| a |', '| --- |', '| *a \\| b* |'], prettierCells: 1 },
    { name: 'an autolink and a bare address', block: ['| a | b |', '| --- | --- |', '| <https://x.y> | see https://x.y/z |'], prettierCells: 2 },
  ])('$name', async ({ block, prettierCells }) => {
    const layout = tableLayout(block)!;
    expect(layout.cells.length).toBe(prettierCells);
    const cells = readCells(await format(cellsDocument(layout.cells), MARKDOWN), layout.cells.length);
    expect(cells).toBeDefined();
    expect(alignTable(layout, cells!) + '\n').toBe(await format(block.join('\n') + '\n', MARKDOWN));
  });

  it.each([
    { name: 'one cell', formatted: '| *x* |\n| --- |\n', count: 1, want: [{ text: '*x*', width: 3 }] },
    { name: 'padded to three', formatted: '| a   |\n| --- |\n\n| 値  |\n| --- |\n', count: 2, want: [{ text: 'a', width: 1 }, { text: '値', width: 2 }] },
    { name: 'fewer tables than cells', formatted: '| a   |\n| --- |\n', count: 2, want: undefined },
    { name: 'not a table', formatted: 'a\n\nb\n\n', count: 1, want: undefined },
    { name: 'an empty cell', formatted: '|     |\n| --- |\n', count: 1, want: undefined },
  ])('readCells: $name', ({ formatted, count, want }) => {
    expect(readCells(formatted, count)).toEqual(want);
  });
});
