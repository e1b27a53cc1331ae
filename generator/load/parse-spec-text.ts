import type { Document } from 'yaml';
import { SpecError, type Diagnostic, type SourceLocation } from '../diagnostics/diagnostic.js';
import { messageFor } from '../diagnostics/messages.js';
import { MAX_DEPTH } from '../validate/document-depth.js';
import { fullYaml } from './full-yaml.js';
import { codeFrame, FileSourceMap, type SourceMap } from './source-map.js';
import { readYamlEvents, TooDeepText, type YamlEvents } from './yaml-events.js';

/** One spec document as loaded: the plain JSON value and a way back to its source text. */
export interface LoadedSpec {
  /** The name shown in diagnostics (the path as the user gave it). */
  file: string;
  document: unknown;
  sourceMap: SourceMap;
}

/**
 * Parses spec text. JSON goes through JSON.parse; YAML through js-yaml's event parser where both
 * YAML parsers read the text alike (see yaml-events.ts), else through the full YAML 1.2 parser,
 * which also reports every malformed text.
 */
export function parseSpecText(text: string, file: string): LoadedSpec {
  if (text.trim() === '') throw new SpecError([fileDiagnostic('OAS002', file, messageFor('OAS002', { file }))]);
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { file, document: JSON.parse(text) as unknown, sourceMap: new FileSourceMap(file, text, { json: true }) };
    } catch {
      // Fall through: the YAML parser reports the error with a line and column.
    }
  }
  const fast = readTooDeep(text, file);
  if (fast) return { file, document: fast.document, sourceMap: new FileSourceMap(file, text, { events: fast.events }) };
  const { LineCounter, parseDocument } = fullYaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The YAML parser recurses too: a too-deep document is one OAS106 at the first place it gave up (issue 5).
    const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
    throw new SpecError(
      (exhausted ? [exhausted] : doc.errors).map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        const reason = error.message.split('\n')[0] ?? error.message;
        return {
          code: exhausted ? ('OAS106' as const) : ('OAS003' as const),
          severity: 'error' as const,
          pointer: '#',
          message: exhausted ? messageFor('OAS106', { limit: String(MAX_DEPTH) }) : messageFor('OAS003', { reason }),
          location: { file, line, column: col, frame: codeFrame(text, line) },
        };
      }),
    );
  }
  return { file, document: expandAliases(doc, file), sourceMap: new FileSourceMap(file, text, { doc }) };
}

/** `readYamlEvents`, with a text that nests too deep for any parser one OAS106 where the event parser gave up. */
function readTooDeep(text: string, file: string): YamlEvents | undefined {
  try {
    return readYamlEvents(text);
  } catch (error) {
    if (!(error instanceof TooDeepText)) throw error;
    throw new SpecError([tooDeepDiagnostic('#', new FileSourceMap(file, text).at(error.offset))]);
  }
}

/** OAS106 at `pointer`: the document nests deeper than MAX_DEPTH there. */
export function tooDeepDiagnostic(pointer: string, location: SourceLocation | undefined): Diagnostic {
  return { code: 'OAS106', severity: 'error', pointer, message: messageFor('OAS106', { limit: String(MAX_DEPTH) }), ...(location ? { location } : {}) };
}

/**
 * Where a JSON text first opens a value nested `depth` levels deep (the first such value in
 * document order, as `tooDeepPointer` finds it), scanned without a parser: at its key when it is a
 * member of an object, as positions go (event-offsets.ts); undefined for a text that nests less.
 */
export function jsonNestingOffset(text: string, depth: number): number | undefined {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i);
    else if (c === '{' || c === '[') {
      if (level === depth) return keyBefore(text, i) ?? i;
      level++;
    } else if (c === '}' || c === ']') level--;
  }
  return undefined;
}

/** The offset of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}

/** The opening quote of the key whose value starts at `value` (`"key": value`), if any. */
function keyBefore(text: string, value: number): number | undefined {
  let i = value - 1;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] !== ':') return undefined;
  i--;
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  if (text[i] !== '"') return undefined;
  // Back to the quote no backslash escapes.
  for (let j = i - 1; j >= 0; j--) {
    if (text[j] !== '"') continue;
    let slashes = 0;
    while (text[j - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return j;
  }
  return undefined;
}

export function fileDiagnostic(code: 'OAS001' | 'OAS002', file: string, message: string): Diagnostic {
  return { code, severity: 'error', pointer: '#', message, location: { file, line: 1, column: 1 } };
}

/** The plain value of a YAML document; aliases that expand too far (a "billion laughs" file) are a diagnostic (issue 5). */
function expandAliases(doc: Document, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new SpecError([{ code: 'OAS008', severity: 'error', pointer: '#', message: messageFor('OAS008', { reason: error.message }), location: { file, line: 1, column: 1 } }]);
  }
}
