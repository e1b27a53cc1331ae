import { SpecError, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { DiagnosticSink } from './diagnostics/reporter.js';
import { checkFiles, emitFiles, type OutputChanges, type OutputDrift } from './emit/emit-files.js';
import { manifestFile } from './emit/manifest.js';
import { formatFiles } from './format/format-files.js';
import { loadSpec } from './load/load-spec.js';
import { normalizeDocument } from './normalize/normalize-document.js';
import { builtinTemplatesDir, resolveOptions, type GenerateOptionsInput } from './options.js';
import { planClient } from './plan/plan.js';
import { postprocess } from './postprocess/postprocess.js';
import { renderFiles, type RenderedFile } from './render/render-files.js';
import { loadTemplateSet } from './render/template-set.js';
import { validateDocument } from './validate/validate-document.js';

export interface StageTiming {
  stage: string;
  ms: number;
  heapMb: number;
}

export interface GenerateResult {
  files: RenderedFile[];
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  /** Set when files were written. */
  changes?: OutputChanges;
  /** Set for `check`. */
  drift?: OutputDrift;
}

/**
 * One generation run, stage by stage (see generator/README.md). Returns the files in memory;
 * writes them only with `write`, compares them with `check`. Throws SpecError for spec problems.
 */
export async function generate(input: GenerateOptionsInput): Promise<GenerateResult> {
  const options = resolveOptions(input);
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await run();
    timings.push({ stage, ms: performance.now() - start, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
    return result;
  };

  const spec = await timed('load', () => loadSpec(options.input, options.displayName ?? options.input));
  const sink = new DiagnosticSink(spec.sourceMap);
  const document = await timed('validate', () => validateDocument(spec.document, sink));
  if (!document || hasErrors(sink.items)) throw new SpecError(sink.items);
  const model = await timed('normalize', () => normalizeDocument(document, sink));
  const failing = sink.items.filter((d) => d.severity === 'error' || options.strict);
  if (failing.length > 0) throw new SpecError(sink.items);
  const templates = await timed('templates', () => loadTemplateSet(builtinTemplatesDir(), options.templates));
  const plan = await timed('plan', () => planClient(model, templates.runtime));
  const rendered = await timed('render', () => renderFiles(plan, templates));
  const checked = await timed('postprocess', () => postprocess(rendered, new Set([...templates.runtime.keys()].map((name) => `runtime/${name}`))));
  const formatted = await timed('format', () => formatFiles(checked, options.output));
  const files = [...formatted, manifestFile(formatted)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (options.check) {
    const drift = await timed('check', () => checkFiles(files, options.output));
    return { files, diagnostics: sink.items, timings, drift };
  }
  if (!options.write) return { files, diagnostics: sink.items, timings };
  const changes = await timed('emit', () => emitFiles(files, options.output));
  return { files, diagnostics: sink.items, timings, changes };
}
