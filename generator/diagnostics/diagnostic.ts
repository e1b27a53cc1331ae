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
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'SpecError';
    this.diagnostics = diagnostics;
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `spec/pets.yaml:42:9 error OAS201 #/paths/~1pets/get: message`, then the code frame if any. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : '';
  const head = `${where}${d.severity} ${d.code} ${d.pointer}: ${d.message}`;
  return d.location?.frame ? `${head}\n${d.location.frame}` : head;
}
