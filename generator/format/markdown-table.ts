import { printCell } from './markdown-inline.js';

type Align = 'left' | 'right' | 'center' | 'none';

/**
 * A GFM table as prettier prints it with `proseWrap: 'preserve'`: every column padded to its widest
 * cell (at least 3), the delimiter row in dashes with the column's colons, centred cells with the
 * odd space after. Undefined when a row is not a plain `| … |` row with the header's cell count, or
 * a cell holds anything but plain inline markdown (markdown-inline.ts). Every character plain
 * inline markdown allows is one column wide.
 */
export function printTable(block: readonly string[]): string | undefined {
  if (block.length < 2) return undefined;
  const rows = block.map(cellsOf);
  const header = rows[0];
  const aligns = rows[1]?.map(alignOf);
  if (!header || !aligns || aligns.length !== header.length || aligns.some((align) => align === undefined)) return undefined;
  const body = [header, ...rows.slice(2)];
  if (body.some((row) => row === undefined || row.length !== header.length)) return undefined;
  const cells = (body as string[][]).map((row) => row.map(printCell));
  if (cells.some((row) => row.some((cell) => cell === undefined))) return undefined;
  const widths = header.map((_, column) => Math.max(3, ...cells.map((row) => row[column]!.length)));
  const printed = cells as string[][];
  const delimiter = (aligns as Align[]).map((align, column) => {
    const first = align === 'left' || align === 'center' ? ':' : '-';
    const last = align === 'right' || align === 'center' ? ':' : '-';
    return first + '-'.repeat(widths[column]! - 2) + last;
  });
  const print = (row: readonly string[]): string => `| ${row.join(' | ')} |`;
  const pad = (row: readonly string[]): string[] =>
    row.map((cell, column) => {
      const space = widths[column]! - cell.length;
      const align = aligns[column];
      const before = align === 'right' ? space : align === 'center' ? Math.floor(space / 2) : 0;
      return ' '.repeat(before) + cell + ' '.repeat(space - before);
    });
  return [print(pad(printed[0]!)), print(delimiter), ...printed.slice(1).map((row) => print(pad(row)))].join('\n');
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
