import type { Diagnostic, Severity } from './diagnostic.js';
import { messageFor, type DiagnosticCode } from './messages.js';
import type { SourceMap } from '../load/source-map.js';

/** Collects the diagnostics of one run, attaching source locations from the spec's source map. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  constructor(private readonly sourceMap?: SourceMap) {}

  report(code: DiagnosticCode, severity: Severity, pointer: string, values?: Readonly<Record<string, string>>): void {
    const location = this.sourceMap?.locate(pointer);
    this.items.push({ code, severity, pointer, message: messageFor(code, values), ...(location ? { location } : {}) });
  }

  error(code: DiagnosticCode, pointer: string, values?: Readonly<Record<string, string>>): void {
    this.report(code, 'error', pointer, values);
  }

  warn(code: DiagnosticCode, pointer: string, values?: Readonly<Record<string, string>>): void {
    this.report(code, 'warning', pointer, values);
  }
}
