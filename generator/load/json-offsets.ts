/**
 * Finds where a JSON pointer points in a JSON text, as event-offsets.ts does from a YAML parser's
 * events: an object member at its key's opening quote, an array item at its start, the deepest
 * existing node when the rest of the pointer does not exist. The text is one JSON.parse accepted
 * (parse-spec-text.ts), so it is scanned without checks: each object or array touched by a pointer
 * is indexed once, skipping its members' values by their brackets and quotes. Reading a 6 MB JSON
 * spec's events only to place its warnings took ~120 ms (Stripe's 1,037 warnings); this reads
 * only the objects on the pointers' paths.
 */
export class JsonOffsets {
  /** Each object's members by key (the first of duplicate keys, as event-offsets.ts takes it), by the offset of its `{`. */
  private readonly members = new Map<number, Map<string, { key: number; value: number }>>();
  /** Each array's item offsets, by the offset of its `[`. */
  private readonly items = new Map<number, number[]>();

  /** The next quote or bracket, searched from its `lastIndex`. */
  private readonly structure = /["{}[\]]/g;

  constructor(private readonly text: string) {}

  /** The offset of the deepest node on the pointer's path, given as unescaped segments; undefined for a text without a value. */
  offsetOf(segments: readonly string[]): number | undefined {
    let node = this.skipSpace(0);
    if (node >= this.text.length) return undefined;
    let offset = node;
    for (const segment of segments) {
      const open = this.text.charCodeAt(node);
      const next = open === OPEN_BRACE ? this.membersOf(node).get(segment) : open === OPEN_BRACKET && /^(0|[1-9][0-9]*)$/.test(segment) ? this.itemAt(node, Number(segment)) : undefined;
      if (!next) break;
      node = next.value;
      offset = next.key;
    }
    return offset;
  }

  private itemAt(open: number, index: number): { key: number; value: number } | undefined {
    let items = this.items.get(open);
    if (!items) {
      items = [];
      for (let at = this.skipSpace(open + 1); this.text.charCodeAt(at) !== CLOSE_BRACKET; ) {
        items.push(at);
        at = this.skipSpace(this.valueEnd(at));
        if (this.text.charCodeAt(at) === COMMA) at = this.skipSpace(at + 1);
      }
      this.items.set(open, items);
    }
    const at = items[index];
    return at === undefined ? undefined : { key: at, value: at };
  }

  private membersOf(open: number): Map<string, { key: number; value: number }> {
    let members = this.members.get(open);
    if (!members) {
      members = new Map();
      for (let at = this.skipSpace(open + 1); this.text.charCodeAt(at) !== CLOSE_BRACE; ) {
        const keyEnd = this.stringEnd(at);
        const raw = this.text.slice(at + 1, keyEnd - 1);
        const name = raw.includes('\\') ? (JSON.parse(this.text.slice(at, keyEnd)) as string) : raw;
        const value = this.skipSpace(this.skipSpace(keyEnd) + 1); // past the colon
        if (!members.has(name)) members.set(name, { key: at, value });
        at = this.skipSpace(this.valueEnd(value));
        if (this.text.charCodeAt(at) === COMMA) at = this.skipSpace(at + 1);
      }
      this.members.set(open, members);
    }
    return members;
  }

  /** The offset after the value that starts at `start`: a string, an object or array (nested ones and strings in it skipped), or a number or literal. */
  private valueEnd(start: number): number {
    const first = this.text.charCodeAt(start);
    if (first === QUOTE) return this.stringEnd(start);
    if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
      let at = start;
      while (at < this.text.length && !ENDS_LITERAL.has(this.text.charCodeAt(at))) at++;
      return at;
    }
    // From one quote or bracket to the next by a search, and past each string by its closing quote.
    let depth = 0;
    this.structure.lastIndex = start;
    for (let match = this.structure.exec(this.text); match; match = this.structure.exec(this.text)) {
      const c = this.text.charCodeAt(match.index);
      if (c === QUOTE) this.structure.lastIndex = this.stringEnd(match.index);
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
      else if (--depth === 0) return match.index + 1;
    }
    return this.text.length;
  }

  /** The offset after the string whose opening quote is at `open`. */
  private stringEnd(open: number): number {
    let at = open + 1;
    for (;;) {
      const quote = this.text.indexOf('"', at);
      if (quote < 0) return this.text.length;
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      if (backslashes % 2 === 0) return quote + 1;
      at = quote + 1;
    }
  }

  private skipSpace(at: number): number {
    while (at < this.text.length && SPACE.has(this.text.charCodeAt(at))) at++;
    return at;
  }
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
/** JSON's whitespace. */
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
/** What ends a number or a literal (`true`, `false`, `null`). */
const ENDS_LITERAL = new Set([COMMA, CLOSE_BRACE, CLOSE_BRACKET, ...SPACE]);
