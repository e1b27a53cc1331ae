import { isPlainInline, startsParagraph } from './markdown-inline.js';
import { alignTable, tableLayout, type TableLayout } from './markdown-table.js';

/**
 * Markdown that oasgen prints itself instead of prettier, block by block: prettier's markdown
 * printer is the slowest part of a run (docs are most of the output), yet most blocks of generated
 * docs are tables, headings and one-line paragraphs whose canonical form is simple.
 *
 * A top-level block (separated from its neighbours by blank lines, starting in column 0) is
 * - printed here when it is a heading, paragraph, one-line quote, simple list, anchor or table made
 *   only of inline markdown that prettier prints unchanged (markdown-inline.ts), the table aligned
 *   as prettier aligns it; a table with other cells is aligned here too, once prettier has printed
 *   just those cells (markdown-table.ts);
 * - a TypeScript code block, whose code prettier formats as TypeScript (what prettier does to an
 *   embedded `ts` block), batched with the other TypeScript of the run;
 * - otherwise left to prettier, in a copy of the document where each block handled here is an
 *   HTML comment: an HTML block prints as it is and separates its neighbours as the block did.
 *
 * Whole documents go to prettier when a block could span blank lines or change how another block
 * reads (front matter, HTML blocks of kinds 1 to 5, math, link definitions, indented or tilde
 * fences, `prettier-ignore`, carriage returns).
 */

/** A block printed here, TypeScript code to be formatted before it is, or a table some of whose cells prettier prints first. */
export type MarkdownPiece = { kind: 'text'; text: string } | { kind: 'code'; info: string; code: string } | { kind: 'table'; layout: TableLayout };

export interface MarkdownPlan {
  pieces: MarkdownPiece[];
  /** The document for prettier, each piece an HTML comment `placeholder(i)`; undefined when every block is a piece. */
  rest: string | undefined;
}

function placeholder(index: number): string {
  return `<!-- oasgen-piece-${index} -->`;
}

/** What sends a document to prettier whole wherever it stands: a carriage return, prettier's pragma or oasgen's placeholder text. */
const WHOLE_DOCUMENT = /\r|prettier-ignore|oasgen-piece-/;
/** Front matter: only on the first line. */
const FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*(?:\n|$)/;
/**
 * What sends a document to prettier whole at the start of a line: a link definition, an HTML block
 * of kinds 1 to 5, math, an indented or tilde fence. Each is matched at a line's offset (`lastIndex`),
 * so new ones are made per document.
 */
function lineStarts(): RegExp[] {
  return [/ {0,3}\[[^\]]*\]:/y, / {0,3}<(?:!--|\?|![A-Za-z]|!\[CDATA\[|(?:script|pre|style|textarea)(?:[\s>]|$))/iy, / {0,3}\$\$/y, / {1,}```| {0,3}~~~/y];
}

/** How to format `text` (markdown) with the fewest prettier calls, or undefined to give it all to prettier. */
export function planMarkdown(text: string): MarkdownPlan | undefined {
  if (WHOLE_DOCUMENT.test(text) || FRONT_MATTER.test(text)) return undefined;
  if (startsLineWithBlockOfItsOwn(text)) return undefined;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const pieces: MarkdownPiece[] = [];
  const rest: string[] = [];
  let slow = false;
  let i = 0;
  while (i < lines.length) {
    const atBlockStart = i === 0 || lines[i - 1] === '';
    const line = lines[i]!;
    if (line.startsWith('```')) {
      const close = closingFence(lines, i);
      if (close === undefined) return undefined;
      const code = codePiece(lines, i, close);
      const alone = atBlockStart && (close + 1 === lines.length || lines[close + 1] === '');
      if (code && alone) keep(code, close + 1);
      else takeSlow(close + 1);
      continue;
    }
    if (line === '' || !atBlockStart) {
      rest.push(line);
      slow ||= line !== '';
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end] !== '' && (end === i || !lines[end]!.startsWith('```'))) end++;
    const block = lines.slice(i, end);
    const followedByBlank = end === lines.length || lines[end] === '';
    const printed = followedByBlank ? printBlock(block, nextBlockStart(lines, end), previousBlockStart(lines, i)) : undefined;
    if (printed === undefined) takeSlow(end);
    else keep(printed, end);
  }
  return { pieces, rest: slow ? collapsePlaceholders(rest).join('\n') + '\n' : undefined };

  function keep(piece: MarkdownPiece, next: number): void {
    rest.push(placeholder(pieces.length));
    pieces.push(piece);
    i = next;
  }
  function takeSlow(next: number): void {
    rest.push(...lines.slice(i, next));
    slow = true;
    i = next;
  }
}

/**
 * Whether a line of `text` starts with what `lineStarts` names. Only lines starting with a space,
 * `[`, `<`, `$` or `~` can, so those alone are matched, each at its offset in the text (a link
 * label may run over lines): one multiline search over the document per pattern was a fifth of
 * planning Stripe's 12 MB of docs. Lines start where a multiline search starts them: after `\n`,
 * U+2028 or U+2029 (a `\r` has sent the document to prettier already).
 */
function startsLineWithBlockOfItsOwn(text: string): boolean {
  const patterns = lineStarts();
  const breaks = /[\n\u2028\u2029]/g;
  for (let offset = 0; offset >= 0; offset = breaks.exec(text) ? breaks.lastIndex : -1) {
    const first = text.charCodeAt(offset);
    if (first !== 32 && first !== 91 && first !== 60 && first !== 36 && first !== 126) continue;
    for (const pattern of patterns) {
      pattern.lastIndex = offset;
      if (pattern.test(text)) return true;
    }
  }
  return false;
}

/**
 * One placeholder for each run of pieces with only blank lines between them (prettier's markdown
 * parser is slow on a document of thousands of HTML comments): prettier separates top-level blocks
 * by one blank line, so the run prints as its pieces joined by one.
 */
function collapsePlaceholders(rest: readonly string[]): string[] {
  const out: string[] = [];
  let open: { at: number; from: number; to: number } | undefined;
  for (const line of rest) {
    const match = /^<!-- oasgen-piece-(\d+) -->$/.exec(line);
    const index = match ? Number(match[1]) : undefined;
    if (index !== undefined && open && open.to === index - 1) {
      out.length = open.at + 1;
      open.to = index;
      out[open.at] = `<!-- oasgen-piece-${open.from}-${open.to} -->`;
      continue;
    }
    out.push(line);
    if (index !== undefined) open = { at: out.length - 1, from: index, to: index };
    else if (line !== '') open = undefined;
  }
  return out;
}

/** Assembles the document: the pieces (code formatted by then) in place of their placeholders in prettier's `formattedRest`. */
export function assembleMarkdown(plan: MarkdownPlan, pieceTexts: readonly string[], formattedRest: string | undefined): string {
  if (formattedRest === undefined) return pieceTexts.length === 0 ? '' : pieceTexts.join('\n\n') + '\n';
  return formattedRest.replace(/^<!-- oasgen-piece-(\d+)(?:-(\d+))? -->$/gm, (_, from: string, to: string | undefined) =>
    pieceTexts.slice(Number(from), Number(to ?? from) + 1).join('\n\n'),
  );
}

/** A code piece as prettier prints it: `formatted` is prettier's TypeScript output, or undefined when the code did not parse. */
export function printCodePiece(piece: { info: string; code: string }, formatted: string | undefined): string {
  // Code prettier could not parse is kept, but like every line prettier prints, without trailing blanks.
  const code = formatted === undefined ? piece.code.replace(/[ \t]+$/gm, '') : formatted.replace(/\n$/, '');
  return '```' + piece.info + '\n' + code + '\n```';
}

/**
 * The line that closes the fence opened at `open`: at least as many backticks (CommonMark), nothing
 * after them. Undefined when none does (the block runs to the end of the document) or the opening
 * line is not a fence (a backtick in its info string).
 */
function closingFence(lines: readonly string[], open: number): number | undefined {
  const fence = /^`+/.exec(lines[open]!)![0];
  if (lines[open]!.slice(fence.length).includes('`')) return undefined;
  for (let j = open + 1; j < lines.length; j++) {
    const closing = /^ {0,3}(`+)\s*$/.exec(lines[j]!);
    if (closing && closing[1]!.length >= fence.length) return j;
  }
  return undefined;
}

/** A TypeScript code block prettier formats as a whole: three backticks, no backtick runs inside. */
function codePiece(lines: readonly string[], open: number, close: number): MarkdownPiece | undefined {
  const info = /^```(ts|typescript)$/.exec(lines[open]!)?.[1];
  const code = lines.slice(open + 1, close).join('\n');
  if (!info || lines[close] !== '```' || code.trim() === '' || code.includes('``') || code.includes('prettier-ignore') || /^\s*['"#\uFEFF]/.test(code)) return undefined;
  return { kind: 'code', info, code };
}

/** The first non-blank line at or after `from` (read in place: a copy of the rest per block made long docs quadratic). */
function nextBlockStart(lines: readonly string[], from: number): string | undefined {
  let j = from;
  while (j < lines.length && lines[j] === '') j++;
  return lines[j];
}

/**
 * The first line of the block before the one at `start`, to tell whether two lists are siblings;
 * an indented last line stands for itself (it may continue a list item).
 */
function previousBlockStart(lines: readonly string[], start: number): string | undefined {
  let j = start - 1;
  while (j >= 0 && lines[j] === '') j--;
  if (j < 0 || /^\s/.test(lines[j]!)) return j < 0 ? undefined : lines[j];
  while (j > 0 && lines[j - 1] !== '') j--;
  return lines[j];
}

const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/** The block as prettier prints it (or a table to finish once prettier printed some cells), or undefined when prettier must. */
function printBlock(block: readonly string[], after: string | undefined, before: string | undefined): MarkdownPiece | undefined {
  const first = block[0]!;
  if (first.startsWith('|')) {
    const layout = tableLayout(block);
    if (!layout) return undefined;
    return layout.cells.length === 0 ? { kind: 'text', text: alignTable(layout, []) } : { kind: 'table', layout };
  }
  const text = printTextBlock(block, after, before);
  return text === undefined ? undefined : { kind: 'text', text };
}

/** A heading, anchor, quote, list or paragraph as prettier prints it, or undefined when prettier must. */
function printTextBlock(block: readonly string[], after: string | undefined, before: string | undefined): string | undefined {
  const first = block[0]!;
  if (block.length === 1) {
    const heading = /^#{1,6} (.+)$/.exec(first);
    if (heading) return heading[1]!.endsWith('#') || !isPlainInline(heading[1]!, 'line') ? undefined : first;
    if (/^<a (?:id|name)="[A-Za-z0-9_.:-]*"><\/a>$/.test(first)) return first;
    if (first.startsWith('> ')) return startsParagraph(first.slice(2)) && isPlainInline(first.slice(2), 'line') ? first : undefined;
  }
  if (first.startsWith('- ')) return printList(block, after, before);
  return block.every((line) => startsParagraph(line) && isPlainInline(line, 'line')) ? block.join('\n') : undefined;
}

/**
 * A tight list of one-line `- ` items. Prettier marks a list `-`, or `*` when the list before it is
 * its sibling, and merges a list with what follows it after a blank line when that is indented or
 * another item: those stay with prettier.
 */
function printList(block: readonly string[], after: string | undefined, before: string | undefined): string | undefined {
  if ((before !== undefined && (LIST_ITEM.test(before) || /^\s/.test(before))) || (after !== undefined && (/^\s/.test(after) || LIST_ITEM.test(after)))) return undefined;
  const plain = block.every((line) => line.startsWith('- ') && startsParagraph(line.slice(2)) && isPlainInline(line.slice(2), 'line'));
  return plain ? block.join('\n') : undefined;
}
