import type { Event } from 'js-yaml';
import type { Document, Node } from 'yaml';
import { EventOffsets } from './event-offsets.js';
import { fullYaml } from './full-yaml.js';
import { JsonOffsets } from './json-offsets.js';
import { eventsOf, TooDeepText } from './yaml-events.js';
import type { SourceLocation } from '../diagnostics/diagnostic.js';

/** Maps JSON pointers of a loaded document back to `file:line:col`. */
export interface SourceMap {
  locate(pointer: string): SourceLocation | undefined;
}

/** Splits `#/paths/~1pets/get` into its unescaped segments (RFC 6901). */
export function pointerSegments(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return body === '/' ? [''] : [];
  return body
    .slice(1)
    .split('/')
    .map((s) => percentDecoded(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A `#` pointer is a URI fragment, so `%xx` is decoded; a `%` not followed by two hex digits (a hand-written `$ref`) is kept as it is. */
function percentDecoded(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Builds a pointer from segments, escaping `~` and `/` (RFC 6901), and `%` as the URI fragment it is (`%25`), so `pointerSegments` gives the segments back. */
export function pointerOf(segments: readonly (string | number)[]): string {
  return '#' + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1').replace(/%/g, '%25')).join('');
}

export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + pointerOf(segments).slice(1);
}

/** What a file's parse leaves for positions: the full parser's syntax tree, the event parser's events, or that JSON.parse read it. */
export type ParsedYaml = { doc: Document } | { events: readonly Event[] } | { json: true };

/**
 * The source map of one file. Positions come from the parse's events where the fast parser read
 * the file; JSON files are read with JSON.parse for speed, and located by scanning their text
 * (json-offsets.ts) when a diagnostic needs a position. The full YAML parser's tree answers the rest: files the fast parser
 * leaves to it, and the few nodes (a block scalar, an empty value) whose start the events leave out.
 */
export class FileSourceMap implements SourceMap {
  private doc?: Document;
  /** The events' offsets (or a JSON text's); null where the full parser's tree answers; 'too deep' for a text no parser is to read (TooDeepText). */
  private offsets?: EventOffsets | JsonOffsets | null | 'too deep';
  private lineStarts?: number[];
  /** Each YAML map's children by key, built on first use: a spec with 30,000 paths gets as many diagnostics. */
  private readonly mapIndex = new WeakMap<object, Map<string, { node: unknown; offset: number }>>();

  constructor(
    private readonly file: string,
    private readonly text: string,
    parsed?: ParsedYaml,
  ) {
    if (parsed && 'doc' in parsed) {
      this.doc = parsed.doc;
      this.offsets = null;
    } else if (parsed && 'json' in parsed) this.offsets = new JsonOffsets(text);
    else if (parsed) this.offsets = new EventOffsets(text, parsed.events);
  }

  /** Where the value at `pointer` starts; undefined in a text that nests too deep to read for positions (TooDeepText). */
  locate(pointer: string): SourceLocation | undefined {
    const segments = pointerSegments(pointer);
    const offsets = this.eventOffsets();
    const offset = offsets === 'too deep' ? undefined : (offsets?.offsetOf(segments) ?? this.documentOffset(segments));
    return offset === undefined ? undefined : this.at(offset);
  }

  /** The location of an offset into the text. */
  at(offset: number): SourceLocation {
    this.lineStarts ??= newlineStarts(this.text);
    const { line, column } = linePosition(this.lineStarts, offset);
    return { file: this.file, line, column, frame: codeFrame(this.text, line, column, this.lineStarts) };
  }

  private eventOffsets(): EventOffsets | JsonOffsets | null | 'too deep' {
    if (this.offsets === undefined) {
      try {
        const events = eventsOf(this.text);
        this.offsets = events ? new EventOffsets(this.text, events) : null;
      } catch (error) {
        if (!(error instanceof TooDeepText)) throw error;
        // Neither parser is to read it (see TooDeepText); the full parser's tree, when the load built one, still answers.
        this.offsets = this.doc ? null : 'too deep';
      }
    }
    return this.offsets;
  }

  private documentOffset(segments: readonly string[]): number {
    const yaml = fullYaml();
    this.doc ??= yaml.parseDocument(this.text, { uniqueKeys: false });
    let node: unknown = this.doc.contents;
    let offset = (this.doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of segments) {
      const next = this.childOf(yaml, node, segment);
      if (!next) break;
      node = next.node;
      offset = next.offset;
    }
    return offset;
  }

  private childOf({ isMap, isScalar, isSeq }: typeof import('yaml'), node: unknown, segment: string): { node: unknown; offset: number } | undefined {
    if (isMap(node)) {
      let index = this.mapIndex.get(node);
      if (!index) {
        index = new Map();
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          // The first of duplicate keys, as a linear search finds it.
          if (key !== undefined && !index.has(key)) index.set(key, { node: pair.value, offset: isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0 });
        }
        this.mapIndex.set(node, index);
      }
      return index.get(segment);
    }
    if (isSeq(node)) {
      const item = node.items[Number(segment)];
      const start = (item as Node | null)?.range?.[0];
      if (item !== undefined && start !== undefined) return { node: item, offset: start };
    }
    return undefined;
  }
}

/** The offset where each line begins, counting `\n` as the YAML parser does (a CRLF line ends after its `\n`). */
function newlineStarts(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** The 1-based line and column of an offset. */
function linePosition(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/** A frame shows this many characters of a long line, around the column. */
const FRAME_WIDTH = 160;

/**
 * Two lines of context around `line`, with a `>` marker, like a compiler's code frame. Long lines
 * (a minified JSON spec is one line) show the part around `column`. `lineStarts` (the offset of
 * each line, as the YAML parser counts them) saves scanning the text for every diagnostic.
 */
export function codeFrame(text: string, line: number, column = 1, lineStarts: readonly number[] = lineStartsOf(text)): string {
  const from = Math.max(1, line - 1);
  const to = Math.min(lineStarts.length, line + 1);
  const width = String(to).length;
  const start = Math.max(0, Math.min(column - 1 - FRAME_WIDTH / 2, lineLength(text, lineStarts, line) - FRAME_WIDTH));
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const marker = n === line ? '>' : ' ';
    const content = text.slice(lineStarts[n - 1]! + start, lineStarts[n - 1]! + Math.min(lineLength(text, lineStarts, n), start + FRAME_WIDTH));
    rows.push(`${marker} ${String(n).padStart(width)} | ${start > 0 ? '…' : ''}${content}`);
  }
  return rows.join('\n');
}

/** The offset where each line begins (after CRLF, CR or LF). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}

/** The length of line `n` (1-based) without its line break. */
function lineLength(text: string, lineStarts: readonly number[], n: number): number {
  const begin = lineStarts[n - 1] ?? text.length;
  let end = n < lineStarts.length ? lineStarts[n]! : text.length;
  if (end > begin && text[end - 1] === '\n') end--;
  if (end > begin && text[end - 1] === '\r') end--;
  return end - begin;
}
