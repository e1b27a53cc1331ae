import type { DiagnosticCode } from './messages.js';

export type Severity = 'error' | 'warning';

/** Where in the spec a problem is: the file, 1-based line and column, and a short code frame. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  frame?: string;
}

/** One problem with a spec, reported like a compiler message. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** JSON pointer into the document the problem was found in, e.g. `#/paths/~1pets/get`. */
  pointer: string;
  message: string;
  location?: SourceLocation;
}

/** Thrown by library stages when a spec problem stops generation; the CLI prints `diagnostics`. */
export class SpecError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  constructor(diagnostics: readonly Diagnostic[]) {
    const sorted = sortDiagnostics(diagnostics);
    super(sorted.map((d) => d.message).join('\n'));
    this.name = 'SpecError';
    this.diagnostics = sorted;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** In source order, like a compiler: by file, line and column (stable, so equal places keep their order). */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number] => [d.location?.file ?? '', d.location?.line ?? 0, d.location?.column ?? 0];
  return [...diagnostics].sort((a, b) => {
    const [fa, la, ca] = key(a);
    const [fb, lb, cb] = key(b);
    return fa !== fb ? (fa < fb ? -1 : 1) : la - lb || ca - cb;
  });
}

/** A pointer short enough to read: a 10,000-deep one keeps its start and end. */
export function displayPointer(pointer: string, max = 160): string {
  if (pointer.length <= max) return pointer;
  const head = pointer.slice(0, max / 2);
  const tail = pointer.slice(-max / 2 + 1);
  return `${head}…${tail}`;
}

/** `spec/pets.yaml:42:9 error OAS201 #/paths/~1pets/get: message`, then the code frame if any. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : '';
  const head = `${where}${d.severity} ${d.code} ${displayPointer(d.pointer)}: ${d.message}`;
  return d.location?.frame ? `${head}\n${d.location.frame}` : head;
}
