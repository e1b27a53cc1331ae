import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { assembleMarkdown, planMarkdown, printCodePiece, type MarkdownPlan } from '../../../generator/format/markdown-blocks.js';
import { alignTable, cellsDocument, readCells } from '../../../generator/format/markdown-table.js';

const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, proseWrap: 'preserve' as const };

/** The document as formatFiles prints it from `plan`: code pieces and the rest through prettier. */
async function printPlan(plan: MarkdownPlan): Promise<string> {
  const pieces = await Promise.all(
    plan.pieces.map(async (piece) => {
      if (piece.kind === 'text') return piece.text;
      if (piece.kind === 'table') {
        const cells = readCells(await format(cellsDocument(piece.layout.cells), { ...OPTIONS, parser: 'markdown' }), piece.layout.cells.length);
        return alignTable(piece.layout, cells!);
      }
      const formatted = await format(piece.code, { ...OPTIONS, parser: 'typescript' }).catch(() => undefined);
      return printCodePiece(piece, formatted);
    }),
  );
  const rest = plan.rest === undefined ? undefined : await format(plan.rest, { ...OPTIONS, parser: 'markdown' });
  return assembleMarkdown(plan, pieces, rest);
}

const lines = (...text: string[]): string => text.join('\n') + '\n';

describe('planMarkdown', () => {
  // `pieces` counts the blocks printed without prettier; `rest` whether prettier still sees a document.
  it.each([
    { name: 'a doc page of heading, paragraph, table and list', text: lines('# Pet', '', 'A pet for sale.', '', '| Name | Type |', '|-|-|', '| id | number |', '', '- one', '- two'), pieces: 4, rest: false },
    { name: 'a ts example, formatted as TypeScript', text: lines('### Example', '', '```ts', "const x = {a:1}", '```'), pieces: 2, rest: false },
    { name: 'a ts example that does not parse, kept as it is', text: lines('```ts', 'const = ;', '```'), pieces: 1, rest: false },
    { name: 'a ts example that does not parse, its lines without trailing blanks', text: lines('```ts', 'const = ;   ', '\tx\t', '```'), pieces: 1, rest: false },
    { name: 'a block of another language, left to prettier', text: lines('# Title', '', '```json', '{"a":1}', '```'), pieces: 1, rest: true },
    { name: 'emphasis, left to prettier with the blocks around it as placeholders', text: lines('# Title', '', 'Some *emphasis* here', '', 'Plain.'), pieces: 2, rest: true },
    { name: 'a list before another list, its sibling', text: lines('- a', '', '* b'), pieces: 0, rest: true },
    { name: 'a list after another list (prettier marks the second *)', text: lines('* a', '', '- b', '', 'End.'), pieces: 1, rest: true },
    { name: 'a list followed by an indented line that continues it', text: lines('- a', '', '  more of a', '', 'End.'), pieces: 1, rest: true },
    { name: 'a one-line quote and an anchor', text: lines('<a id="x"></a>', '', '> Quoted words', '', 'After.'), pieces: 3, rest: false },
    { name: 'a heading ending in #', text: lines('## C#', '', 'Text.'), pieces: 1, rest: true },
    { name: 'a paragraph line that starts another block', text: lines('Text', '', '1. item'), pieces: 1, rest: true },
    {
      name: 'runs of blocks on either side of one left to prettier, each run one placeholder, blank lines collapsed',
      text: lines('# Title', '', '', '', 'Plain.', '', '| a | b |', '|-|-|', '| 1 | 2 |', '', 'Some *emphasis* here', '', '- one', '- two', '', '', '```ts', 'const x = {a:1}', '```', '', 'End.'),
      pieces: 6,
      rest: true,
    },
    { name: 'a paragraph of lines, joined by prettier only when a line breaks', text: lines('First line', 'second line'), pieces: 1, rest: false },
    { name: 'a table with a cell prettier prints, aligned here', text: lines('| Name | Description |', '|-|-|', '| a | some *emphasis* here |', '| b | plain |'), pieces: 1, rest: false },
  ])('$name', async ({ text, pieces, rest }) => {
    const plan = planMarkdown(text);
    expect(plan).toBeDefined();
    expect(plan!.pieces.length).toBe(pieces);
    expect(plan!.rest !== undefined).toBe(rest);
    if (rest) expect((plan!.rest!.match(/<!-- oasgen-piece-/g) ?? []).length).toBeLessThanOrEqual(2);
    expect(await printPlan(plan!)).toBe(await format(text, { ...OPTIONS, parser: 'markdown' }));
  });

  it.each([
    { name: 'front matter', text: lines('---', 'title: x', '---', '', 'Text') },
    { name: 'a link reference definition', text: lines('See [x].', '', '[x]: https://example.com') },
    { name: 'a link reference definition whose label runs over two lines', text: lines('See [x y].', '', '[x', 'y]: https://example.com') },
    { name: 'an HTML block indented by three spaces', text: lines('Text', '', '   <pre>', 'x', '</pre>') },
    { name: 'an HTML comment', text: lines('<!-- note -->', '', 'Text') },
    { name: 'prettier-ignore', text: lines('<!-- prettier-ignore -->', '| a |', '|-|') },
    { name: 'a tilde fence', text: lines('~~~', 'code', '~~~') },
    { name: 'an indented fence', text: lines('- item', '', '  ```ts', '  x', '  ```') },
    { name: 'math', text: lines('$$', 'x', '$$') },
    { name: 'a carriage return', text: 'Text\r\n' },
    { name: 'a fence never closed', text: lines('```ts', 'const x = 1;') },
    { name: 'a fence of four backticks that three do not close', text: lines('````ts', 'x', '```', '', '| a |', '| - |') },
    { name: 'a line of backticks with a backtick in its info (not a fence)', text: lines('```ts`', 'x', '```') },
    { name: 'text that looks like a placeholder', text: lines('<!-- oasgen-piece-0 -->') },
  ])('gives the whole document to prettier for $name', ({ text }) => {
    expect(planMarkdown(text)).toBeUndefined();
  });
});
