import type { Document } from 'yaml';
import { SpecError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageFor } from '../diagnostics/messages.js';
import { MAX_DEPTH } from '../validate/document-depth.js';
import { fullYaml } from './full-yaml.js';
import { codeFrame, FileSourceMap, type SourceMap } from './source-map.js';
import { readYamlEvents } from './yaml-events.js';

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
      return { file, document: JSON.parse(text) as unknown, sourceMap: new FileSourceMap(file, text) };
    } catch {
      // Fall through: the YAML parser reports the error with a line and column.
    }
  }
  const fast = readYamlEvents(text);
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
