import { isMap, isSeq, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Builds a pointer from segments, escaping `~` and `/` (RFC 6901). */
export function pointerOf(segments: readonly (string | number)[]): string {
  return '#' + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function appendPointer(pointer: string, ...segments: (string | number)[]): string {
  return pointer + pointerOf(segments).slice(1);
}

/**
 * The source map of one file. The YAML AST is parsed lazily: JSON files are read with
 * JSON.parse for speed and only re-parsed for positions when a diagnostic needs one.
 */
export class FileSourceMap implements SourceMap {
  private parsed?: { doc: Document; lines: LineCounter };

  constructor(
    private readonly file: string,
    private readonly text: string,
    parsed?: { doc: Document; lines: LineCounter },
  ) {
    this.parsed = parsed;
  }

  locate(pointer: string): SourceLocation | undefined {
    const { doc, lines } = this.ast();
    let node: unknown = doc.contents;
    let offset = (doc.contents as Node | null)?.range?.[0] ?? 0;
    for (const segment of pointerSegments(pointer)) {
      const next = childOf(node, segment);
      if (!next) break;
      node = next.node;
      offset = next.offset;
    }
    const { line, col } = lines.linePos(offset);
    return { file: this.file, line, column: col, frame: codeFrame(this.text, line) };
  }

  private ast(): { doc: Document; lines: LineCounter } {
    if (!this.parsed) {
      const lines = new LineCounter();
      this.parsed = { doc: parseDocument(this.text, { lineCounter: lines, uniqueKeys: false }), lines };
    }
    return this.parsed;
  }
}

function childOf(node: unknown, segment: string): { node: unknown; offset: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === segment) {
        const keyOffset = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
        return { node: pair.value, offset: keyOffset };
      }
    }
  } else if (isSeq(node)) {
    const item = node.items[Number(segment)];
    const start = (item as Node | null)?.range?.[0];
    if (item !== undefined && start !== undefined) return { node: item, offset: start };
  }
  return undefined;
}

/** Two lines of context around `line`, with a `>` marker, like a compiler's code frame. */
export function codeFrame(text: string, line: number): string {
  const all = text.split(/\r\n|\r|\n/);
  const from = Math.max(1, line - 1);
  const to = Math.min(all.length, line + 1);
  const width = String(to).length;
  const rows: string[] = [];
  for (let n = from; n <= to; n++) {
    const marker = n === line ? '>' : ' ';
    rows.push(`${marker} ${String(n).padStart(width)} | ${(all[n - 1] ?? '').slice(0, 160)}`);
  }
  return rows.join('\n');
}
