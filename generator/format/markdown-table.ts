import { printCell } from './markdown-inline.js';

type Align = 'left' | 'right' | 'center' | 'none';

/** A cell as printed: its text and how many columns it takes. */
export interface PrintedCell {
  text: string;
  width: number;
}

/**
 * A table to print once prettier has printed the cells that are not plain inline markdown: the
 * columns' alignment, and per row each cell printed here, or the index in `cells` of one for prettier.
 */
export interface TableLayout {
  aligns: readonly Align[];
  rows: readonly (PrintedCell | number)[][];
  cells: readonly string[];
  /** The block as written, for prettier whole should its cells not read back. */
  source: string;
}

/**
 * A GFM table as prettier prints it with `proseWrap: 'preserve'`: every column padded to its widest
 * cell (at least 3), the delimiter row in dashes with the column's colons, centred cells with the
 * odd space after. Undefined when a row is not a plain `| … |` row with the header's cell count, or
 * a cell holds anything but plain inline markdown (markdown-inline.ts). Every character plain
 * inline markdown allows is one column wide.
 */
export function printTable(block: readonly string[]): string | undefined {
  const layout = tableLayout(block);
  return layout && layout.cells.length === 0 ? alignTable(layout, []) : undefined;
}

/**
 * The table's layout: its plain cells printed (as `printTable` prints them), the others left for
 * prettier to print one by one (`cellsDocument`), so that one link split over a cell no longer sends
 * a table of hundreds of rows to prettier. Undefined when the block is not a table of that shape.
 */
export function tableLayout(block: readonly string[]): TableLayout | undefined {
  if (block.length < 2) return undefined;
  const rows = block.map(cellsOf);
  const header = rows[0];
  const aligns = rows[1]?.map(alignOf);
  if (!header || !aligns || aligns.length !== header.length || aligns.some((align) => align === undefined)) return undefined;
  const body = [header, ...rows.slice(2)];
  if (body.some((row) => row === undefined || row.length !== header.length)) return undefined;
  const cells: string[] = [];
  const printed = (body as string[][]).map((row) =>
    row.map((cell): PrintedCell | number => {
      const text = printCell(cell);
      return text === undefined ? cells.push(cell) - 1 : { text, width: text.length };
    }),
  );
  return { aligns: aligns as Align[], rows: printed, cells, source: block.join('\n') };
}

/** The table of `layout`, its prettier cells taken from `printed` (in the order of `layout.cells`). */
export function alignTable(layout: TableLayout, printed: readonly PrintedCell[]): string {
  const { aligns } = layout;
  const rows = layout.rows.map((row) => row.map((cell) => (typeof cell === 'number' ? printed[cell]! : cell)));
  const widths = aligns.map((_, column) => Math.max(3, ...rows.map((row) => row[column]!.width)));
  const delimiter = aligns.map((align, column) => {
    const first = align === 'left' || align === 'center' ? ':' : '-';
    const last = align === 'right' || align === 'center' ? ':' : '-';
    return first + '-'.repeat(widths[column]! - 2) + last;
  });
  const print = (row: readonly string[]): string => `| ${row.join(' | ')} |`;
  const pad = (row: readonly PrintedCell[]): string[] =>
    row.map((cell, column) => {
      const space = widths[column]! - cell.width;
      const align = aligns[column];
      const before = align === 'right' ? space : align === 'center' ? Math.floor(space / 2) : 0;
      return ' '.repeat(before) + cell.text + ' '.repeat(space - before);
    });
  return [print(pad(rows[0]!)), print(delimiter), ...rows.slice(1).map((row) => print(pad(row)))].join('\n');
}

/**
 * A markdown document for prettier holding each cell as a table of its own, one header cell wide: a
 * cell's inline markdown prints the same in any table, and prettier pads that one cell to its width
 * in columns (as it measures wide characters), which its delimiter row then shows.
 */
export function cellsDocument(cells: readonly string[]): string {
  return cells.map((cell) => `| ${cell} |\n| --- |\n`).join('\n');
}

/** The cells of `cellsDocument` as prettier printed it, or undefined when it is not `count` one-cell tables. */
export function readCells(formatted: string, count: number): PrintedCell[] | undefined {
  const lines = formatted.split('\n');
  if (lines.length !== 3 * count || lines.pop() !== '') return undefined;
  const cells: PrintedCell[] = [];
  for (let i = 0; i < count; i++) {
    const [row, delimiter, gap] = [lines[3 * i]!, lines[3 * i + 1]!, lines[3 * i + 2]];
    const dashes = /^\| (-{3,}) \|$/.exec(delimiter)?.[1]?.length;
    if (dashes === undefined || (gap !== undefined && gap !== '') || !row.startsWith('| ') || !row.endsWith(' |')) return undefined;
    const padded = row.slice(2, -2);
    const text = padded.trimEnd();
    if (text === '') return undefined;
    cells.push({ text, width: dashes - (padded.length - text.length) });
  }
  return cells;
}

/** The trimmed cells of a `| a | b |` row (a `\|` stays in its cell), or undefined for another shape. */
function cellsOf(line: string): string[] | undefined {
  if (line.length < 2 || line.includes('\t') || !line.startsWith('|') || !line.endsWith('|') || line.endsWith('\\|')) return undefined;
  const cells: string[] = [];
  let start = 1;
  for (let i = 1; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') {
      cells.push(line.slice(start, i).trim());
      start = i + 1;
    }
  }
  return cells;
}

function alignOf(cell: string): Align | undefined {
  const match = /^(:?)-+(:?)$/.exec(cell);
  if (!match) return undefined;
  return match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : 'none';
}
