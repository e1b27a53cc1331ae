import type { Diagnostic, Severity } from './diagnostic.js';
import { messageFor, type DiagnosticCode } from './messages.js';
import type { SourceMap } from '../load/source-map.js';

/** Collects the diagnostics of one run, attaching source locations from the spec's source map. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  private readonly reported = new Set<string>();
  constructor(private readonly sourceMap?: SourceMap) {}

  /** Reports a problem once: a shared component checked from each place that uses it is one problem. */
  report(code: DiagnosticCode, severity: Severity, pointer: string, values?: Readonly<Record<string, string>>): void {
    const message = messageFor(code, values);
    const key = `${code} ${pointer} ${message}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    const location = this.sourceMap?.locate(pointer);
    this.items.push({ code, severity, pointer, message, ...(location ? { location } : {}) });
  }

  error(code: DiagnosticCode, pointer: string, values?: Readonly<Record<string, string>>): void {
    this.report(code, 'error', pointer, values);
  }

  warn(code: DiagnosticCode, pointer: string, values?: Readonly<Record<string, string>>): void {
    this.report(code, 'warning', pointer, values);
  }
}
