import { statSync } from 'node:fs';
import { join } from 'node:path';
import { selectFiles } from './config/global-property.js';
import { SpecError, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { DiagnosticSink } from './diagnostics/reporter.js';
import { checkFiles, emitFiles, type OutputChanges, type OutputDrift } from './emit/emit-files.js';
import { manifestFile } from './emit/manifest.js';
import { startFormatFiles, type FormatCache } from './format/format-files.js';
import { WarmWorker } from './format/format-pool.js';
import { loadSpec } from './load/load-spec.js';
import { normalizeDocument } from './normalize/normalize-document.js';
import { fileHash, textHash } from './cache/cache-key.js';
import { openRunCache } from './cache/open-cache.js';
import type { CachedRun, RunCache } from './cache/run-cache.js';
import { builtinTemplatesDir, resolveOptions, type GenerateOptions, type GenerateOptionsInput } from './options.js';
import { planClient } from './plan/plan.js';
import type { ApiModel } from './normalize/api-model.js';
import { afterRender, pluginFiles, transformModel } from './plugins/run-hooks.js';
import { organizeImports, startTypeCheck, type TypeCheckState } from './postprocess/postprocess.js';
import type { IndexView, RenderPlan } from './plan/render-plan.js';
import type { RenderedFile } from './render/render-files.js';
import { withKept } from './render/render-memo.js';
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
  /** The IR after plugins, and the plan with each file's view model (`--dump-context`); unset when a write or check was served whole from the cache. */
  model?: ApiModel;
  plan?: RenderPlan;
  /** Set when files were written. */
  changes?: OutputChanges;
  /** Set for `check`. */
  drift?: OutputDrift;
  /** The files the spec was read from: its root and every file its `$ref`s reach (what `--watch` watches). */
  specFiles: string[];
}

/**
 * One generation run, stage by stage (see generator/README.md). Returns the files in memory;
 * writes them only with `write`, compares them with `check`. Throws SpecError for spec problems.
 */
export async function generate(input: GenerateOptionsInput): Promise<GenerateResult> {
  const options = resolveOptions(input);
  const timings: StageTiming[] = [];
  const timed = async <T>(stage: string, run: () => T | Promise<T>): Promise<T> => {
    options.onStage?.(stage);
    const start = performance.now();
    const result = await run();
    timings.push({ stage, ms: performance.now() - start, heapMb: process.memoryUsage().heapUsed / 2 ** 20 });
    return result;
  };

  const specHash = fileHash(options.input);
  const cache = await timed('cache', () => openRunCache(options));
  const hit = await cache?.lookup();
  const served = cache && hit ? await serveFromCache(hit, { diagnostics: hit.diagnostics, timings, specFiles: hit.specFiles }, options, timed, cache) : undefined;
  if (served) return served;
  const [formatCache, typeState] = [(await cache?.formatCache()) ?? new Map<string, string>(), (await cache?.typeCheckState()) ?? {}];
  // With nothing formatted before (a first run), prettier gets ready on another core while this one
  // works: for a small spec at once, for a large one once the type check is done (see WarmWorker);
  // after an edit the few files left format faster on this thread.
  const warm = formatCache.size === 0 ? new WarmWorker(specSize(options.input) < WARM_AT_ONCE_BELOW) : undefined;
  try {
    return await generateAfresh(options, { cache, formatCache, typeState, warm }, specHash, timings, timed);
  } finally {
    await warm?.close();
  }
}

/** What a run not served whole from the cache starts from: the cache and what it holds, and a prettier worker started ahead of need. */
interface AfreshStart {
  cache: RunCache | undefined;
  formatCache: FormatCache;
  typeState: TypeCheckState;
  warm: WarmWorker | undefined;
}

/** A run not served whole from the cache: every stage, with whatever the cache holds of earlier prettier and TypeScript results. */
async function generateAfresh(
  options: GenerateOptions,
  { cache, formatCache, typeState, warm }: AfreshStart,
  specHash: Promise<string | undefined>,
  timings: StageTiming[],
  timed: Timed,
): Promise<GenerateResult> {
  const { normalized, diagnostics, specFiles } = await loadNormalized(options, timed);
  const model = await timed('transformModel', () => transformModel(normalized, options.plugins));
  const memo = cache?.renderMemo();
  const templates = await timed('templates', async () => memo?.templates ?? (await loadTemplateSet(builtinTemplatesDir(), options.templates, options.helpers)));
  const plan = await timed('plan', () => planClient(model, templates.runtime));
  const { kept, rendered } = await timed('render', async () => {
    // Under --watch, a file planned as the last run planned it takes that run's text (RenderMemo).
    const kept = plan.files.map((file) => memo?.textOf(file));
    // Handlebars is loaded only by a run that renders: one served from the cache never needs it.
    const [{ createRenderer }, { renderExtraFiles }] = await Promise.all([import('./render/render-files.js'), import('./plugins/extra-files.js')]);
    const renderer = memo?.rendererOf(templates) ?? (await createRenderer(templates));
    memo?.keepRenderer(templates, renderer);
    const files = plan.files.flatMap((file, i) => (kept[i] === undefined ? [renderer.render(file)] : []));
    const index = plan.files.find((f) => f.template === 'index')!.view as IndexView;
    const extra = [...(await renderExtraFiles(options.extraFiles, templates, model, index)), ...(await pluginFiles(model, options.plugins, new Set(plan.files.map((f) => f.path))))];
    return { kept, rendered: await afterRender([...files, ...extra], options.plugins) };
  });
  const fresh = await timed('postprocess', () => organizeImports(rendered, new Set([...templates.runtime.keys()].map((name) => `runtime/${name}`))));
  const organized = withKept(plan.files, kept, fresh);
  memo?.keep(plan.files, organized);
  const used = new Set<string>();
  const shipped = new Set(organized.filter((f) => f.path.startsWith('runtime/') && templates.builtinRuntime.get(f.path.slice('runtime/'.length)) === f.content).map((f) => f.path));
  // The type check runs in a process of its own while this thread prints and prettier's workers format.
  const checking = await timed('type check start', () => startTypeCheck(organized, typeState, { folder: cache && join(cache.dir, 'type-check'), shipped }));
  void checking.finished.finally(() => warm?.start()).catch(() => undefined);
  const formatting = await timed('format start', () => startFormatFiles(organized, options.output, formatCache, used, shipped, warm));
  await timed('type check', () => checking.finished).catch(async (error: unknown) => {
    formatting.files.catch(() => undefined); // stopped on purpose: the type error is what to report
    await formatting.cancel();
    throw error;
  });
  const formatted = selectFiles(await timed('format', () => formatting.files), plan.files, options.selection);
  const files = [...formatted, manifestFile(formatted)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const inputs = await Promise.all(specFiles.map(async (path) => ({ path, hash: (await (path === options.input ? specHash : fileHash(path))) ?? '' })));
  const hashes = files.map((f) => textHash(f.content));
  // The files the output folder holds as the last run wrote them, and whether each is this run's
  // text: known before this run's entry replaces that run's.
  const lastTexts = options.write && !options.check && cache ? cache.heldTexts(options.output) : new Map<string, string>();
  const held = new Map(files.flatMap((f, i) => (lastTexts.has(f.path) ? [[f.path, lastTexts.get(f.path) === hashes[i]] as const] : [])));
  const result = await writeOrCheck({ files, diagnostics, timings, model, plan, specFiles }, options, timed, cache, held);
  options.onOutput?.(result);
  // Stored once the output is written: under --watch the files appear without waiting for the cache
  // (Stripe: 180 ms of JSON). A run stopped in between leaves the last entry, whose key or inputs no
  // longer match, so the next run is not served from it.
  await timed('cache', () => cache?.store({ inputs, files, hashes, diagnostics, format: formatCache, used, typeCheck: typeState }));
  return result;
}

/**
 * A run whose result the cache holds whole. When the output folder still holds every file as the
 * cache last saw it (sizes and times, see CachedRun), there is nothing to write or to compare.
 * Undefined when the cache cannot serve it after all (its texts do not hash as its entry says).
 */
async function serveFromCache(hit: CachedRun, result: Omit<GenerateResult, 'files'>, options: GenerateOptions, timed: Timed, cache: RunCache): Promise<GenerateResult | undefined> {
  if (!options.check && !options.write) return { ...result, files: hit.files() };
  const stage = options.check ? 'check' : 'emit';
  return timed(stage, async (): Promise<GenerateResult | undefined> => {
    if (hit.holdsItsFiles(options.output)) {
      const files = hit.files();
      return options.check
        ? { ...result, files, drift: { differing: [], missing: [], stale: [] } }
        : { ...result, files, changes: { written: [], unchanged: hit.paths, removed: [] } };
    }
    const files = hit.loadedFiles();
    if (!files) return undefined;
    return options.check ? { ...result, files, drift: await checkFiles(files, options.output) } : { ...result, files, changes: await emitRecorded(files, options.output, cache) };
  });
}

type Timed = <T>(stage: string, run: () => T | Promise<T>) => Promise<T>;

/** Below this size of spec (bytes) a first run starts its prettier worker at once; a larger one when the type check is done (see WarmWorker). */
const WARM_AT_ONCE_BELOW = 1_000_000;

function specSize(input: string): number {
  try {
    return statSync(input).size;
  } catch {
    return 0;
  }
}

/**
 * Stages 1 to 3: load, validate, normalize. A function of its own so that the parsed spec and its
 * source map (the YAML AST, tens of MB on a large spec) are garbage once the model exists, before
 * the type check and formatting need the memory. Throws SpecError for spec problems.
 */
async function loadNormalized(options: GenerateOptions, timed: Timed): Promise<{ normalized: ApiModel; diagnostics: Diagnostic[]; specFiles: string[] }> {
  const spec = await timed('load', () => loadSpec(options.input, options.displayName ?? options.input));
  const sink = new DiagnosticSink(spec.sourceMap);
  sink.items.push(...spec.diagnostics);
  const document = await timed('validate', () => validateDocument(spec.document, sink));
  if (!document || hasErrors(sink.items)) throw new SpecError(sink.items);
  const normalized = await timed('normalize', () => normalizeDocument(document, sink));
  const failing = sink.items.filter((d) => d.severity === 'error' || options.strict);
  if (failing.length > 0) throw new SpecError(sink.items);
  return { normalized, diagnostics: sink.items, specFiles: spec.files };
}

/** The last stage: compare with the output folder (`check`), write to it (`write`), or neither. */
async function writeOrCheck(
  result: GenerateResult,
  options: GenerateOptions,
  timed: Timed,
  cache: RunCache | undefined,
  held?: ReadonlyMap<string, boolean>,
): Promise<GenerateResult> {
  if (options.check) return { ...result, drift: await timed('check', () => checkFiles(result.files, options.output)) };
  if (!options.write) return result;
  return { ...result, changes: await timed('emit', () => emitRecorded(result.files, options.output, cache, held)) };
}

/** `emitFiles`, then the cache records how the written folder looks (see CachedRun.holdsItsFiles). */
async function emitRecorded(files: RenderedFile[], output: string, cache: RunCache | undefined, held?: ReadonlyMap<string, boolean>): Promise<OutputChanges> {
  const changes = await emitFiles(files, output, held);
  cache?.recordOutput(output, files);
  return changes;
}
