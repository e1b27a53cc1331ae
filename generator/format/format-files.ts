import { createHash } from 'node:crypto';
import type { Options } from 'prettier';
import type { RenderedFile } from '../render/render-files.js';
import { outcomeOf, startFormatting, type FormatFeed, type FormatJob, type FormatOutcome, type RunningFormat, type WarmWorker } from './format-pool.js';
import { prettierVersion, userPrettierOptions } from './prettier-config.js';
import { FormatWork, plainOptions, type FormatDone, type TypeScriptPrinter } from './format-work.js';
import { planBatches, splitBatch, type TypeScriptBatch } from './typescript-batches.js';
import type { TypeScriptStyle } from './typescript-printer.js';

/** oasgen's own defaults; a prettier config found from the output folder upwards takes precedence. */
const DEFAULTS: Options = { singleQuote: true, printWidth: 100, trailingComma: 'all', proseWrap: 'preserve' };

/**
 * Salts the cache keys with the revision of oasgen's own printing (markdown-*.ts, typescript-batches.ts):
 * raise it with any fix to what they print, so no result of the older code is reused.
 */
const PRINTER_REVISION = 13;

/** How long the printing runs before it lets this thread's events in. */
const YIELD_MS = 25;

/** Formatted texts by `formatKey`, kept between runs by generator/cache/. */
export type FormatCache = Map<string, string>;

/** Formatting started by `startFormatFiles`: the formatted files, or a way to stop the workers. */
export interface FormattingFiles {
  files: Promise<RenderedFile[]>;
  cancel: () => Promise<void>;
}

/**
 * Formats TypeScript and markdown as prettier does, once per file: most doc blocks printed here, the
 * rest with prettier's API in as few calls as batching allows. A file whose text, options, prettier
 * version and printer revision match an entry of `cache` takes the cached result; the others are
 * formatted on worker threads and added to `cache`; `used` collects the keys of this run. The files
 * named in `shipped` (runtime files exactly as oasgen ships them) are kept as they are when no
 * prettier config of the user's applies.
 */
export async function formatFiles(files: RenderedFile[], outputDir: string, cache: FormatCache = new Map(), used = new Set<string>()): Promise<RenderedFile[]> {
  return (await startFormatFiles(files, outputDir, cache, used)).files;
}

/**
 * `formatFiles` in two steps: resolves once the workers have their files, so the caller can use the
 * main thread (for the type check) while they format.
 */
export async function startFormatFiles(
  files: RenderedFile[],
  outputDir: string,
  cache: FormatCache = new Map(),
  used = new Set<string>(),
  shipped: ReadonlySet<string> = new Set(),
  warm?: WarmWorker,
): Promise<FormattingFiles> {
  // Prettier is imported only when a config of the user's may apply or a job is left to it on this thread.
  let prettier: Promise<typeof import('prettier')> | undefined;
  const importPrettier = (): Promise<typeof import('prettier')> => (prettier ??= import('prettier'));
  const user = await userPrettierOptions(outputDir, importPrettier);
  const options: Options = { ...DEFAULTS, ...user };
  // The runtime files as shipped are in prettier's form under oasgen's defaults (test/unit/format).
  const asShipped = Object.keys(user).length === 0 ? shipped : new Set<string>();
  const salt = `${prettierVersion()}\n${PRINTER_REVISION}\n${JSON.stringify(options)}`;
  const pending: { index: number; key: string; file: RenderedFile; parser: string }[] = [];
  const result = files.map((file, index) => {
    const parser = parserOf(file.path);
    if (!parser || asShipped.has(file.path)) return file;
    const key = formatKey(salt, file);
    used.add(key);
    const cached = cache.get(key);
    if (cached !== undefined) return { path: file.path, content: cached };
    pending.push({ index, key, file, parser });
    return file;
  });
  // The printer brings TypeScript's parser: loaded only when there is TypeScript or a doc to print
  // (a module of its own, so that a run served whole from the cache never loads it).
  const style = plainOptions(options) ? typeScriptStyle(options) : undefined;
  const printer = style && pending.some(({ parser }) => parser !== 'json') ? await loadPrinter(style) : undefined;
  // A warm worker (generate.ts) takes prettier's jobs as the printers leave them; without one, the
  // workers start after the printing, sized to what is left.
  const feed = pending.length > 0 ? warm?.feed() : undefined;
  const remembered = { cache, used, key: (kind: string, text: string) => formatKey(salt, { path: kind, content: text }) };
  const work = new FormatWork(options, printer, feed, remembered);
  const planned: ((done: FormatDone) => string | Promise<string>)[] = [];
  // The printing takes most of a first run; it lets this thread's events in every few dozen
  // milliseconds, so that the worker can start as soon as the type check's process ends (generate.ts).
  let slice = performance.now();
  for (const { file, parser } of pending) {
    planned.push(work.add(file, parser));
    if (performance.now() - slice < YIELD_MS) continue;
    await new Promise((resolve) => setImmediate(resolve));
    slice = performance.now();
  }
  const batches = planBatches(work.typescript);
  const typescript: Options = { ...options, parser: 'typescript' };
  const formatHere = async (job: FormatJob): Promise<string> => (await importPrettier()).format(job.content, job.options);
  if (feed && (batches.length > 0 || feed.waitingForStart)) feed.start();
  const running = feed
    ? fedFormatting(feed, [...batches.map((batch) => feed.add({ content: batch.text, options: typescript })), ...work.fed])
    : startFormatting([...batches.map((batch) => ({ content: batch.text, options: typescript })), ...work.others], formatHere);
  const formatted = running.results.then(async (outcomes) => {
    const members = await splitBatches(batches, outcomes, work.typescript, (content) => formatHere({ content, options: typescript }));
    const done: FormatDone = { typescript: (i) => members[i]!, other: (i) => outcomes[batches.length + i]!, alone: (text, parser) => formatHere({ content: text, options: { ...options, parser } }) };
    for (const [i, { index, key }] of pending.entries()) {
      const content = await planned[i]!(done);
      cache.set(key, content);
      result[index] = { path: files[index]!.path, content };
    }
    return result;
  });
  return { files: formatted, cancel: running.cancel };
}

/** The outcomes of jobs fed to a warm worker, in order; the worker stops once they are in. */
function fedFormatting(feed: FormatFeed, outcomes: Promise<FormatOutcome>[]): RunningFormat {
  const results = Promise.all(outcomes).finally(() => feed.close());
  results.catch(() => undefined); // cancelled on purpose: whoever cancels reports why
  return { results, cancel: () => feed.close() };
}

/** Prettier's defaults for the options typescript-printer.ts does not take: any other value leaves TypeScript to prettier. */
const TYPESCRIPT_DEFAULTS: Record<string, unknown> = {
  tabWidth: 2,
  useTabs: false,
  semi: true,
  bracketSpacing: true,
  quoteProps: 'as-needed',
  objectWrap: 'preserve',
  experimentalOperatorPosition: 'end',
};

async function loadPrinter(style: TypeScriptStyle): Promise<TypeScriptPrinter> {
  const { printTypeScript } = await import('./typescript-printer.js');
  return (text, parts) => printTypeScript(text, style, undefined, parts);
}

function typeScriptStyle(options: Options): TypeScriptStyle | undefined {
  const given = options as Record<string, unknown>;
  if (Object.entries(TYPESCRIPT_DEFAULTS).some(([key, value]) => given[key] !== undefined && given[key] !== value)) return undefined;
  return { printWidth: options.printWidth ?? 80, singleQuote: options.singleQuote ?? false, trailingComma: options.trailingComma ?? 'all' };
}

/** Each TypeScript text's outcome; a batch that failed or did not split is formatted again member by member. */
async function splitBatches(
  batches: readonly TypeScriptBatch[],
  outcomes: readonly FormatOutcome[],
  texts: readonly string[],
  formatAlone: (text: string) => Promise<string>,
): Promise<FormatOutcome[]> {
  const results = new Array<FormatOutcome>(texts.length);
  await Promise.all(
    batches.map(async (batch, b) => {
      const outcome = outcomes[b]!;
      if (batch.members.length === 1) return (results[batch.members[0]!] = outcome);
      const parts = 'text' in outcome ? splitBatch(batch, outcome.text) : undefined;
      for (const [i, member] of batch.members.entries()) {
        results[member] = parts ? { text: parts[i]! } : await outcomeOf(formatAlone(texts[member]!));
      }
    }),
  );
  return results;
}

function parserOf(path: string): string | undefined {
  return path.endsWith('.ts') ? 'typescript' : path.endsWith('.md') ? 'markdown' : path.endsWith('.json') ? 'json' : undefined;
}

/** Identifies one formatting: prettier's version and options, the file's path and its text. */
export function formatKey(salt: string, file: RenderedFile): string {
  return createHash('sha1').update(salt).update('\0').update(file.path).update('\0').update(file.content).digest('base64url');
}
