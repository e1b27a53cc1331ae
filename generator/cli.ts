#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CacheSession } from './cache/run-cache.js';
import { UsageError, HELP, parseCliArgs, type CliFlags } from './config/cli-args.js';
import { ejectTemplates } from './config/eject-templates.js';
import { ConfigError } from './config/load-config.js';
import { resolveJobs, type Job } from './config/resolve-jobs.js';
import { formatDiagnostic, SpecError } from './diagnostics/diagnostic.js';
import { driftDiffs } from './emit/check-diff.js';
import { OutputConflictError } from './emit/emit-files.js';
import { generate, type GenerateResult } from './generate.js';
import { tuneForShortRun } from './short-run.js';
import { builtinTemplatesDir } from './options.js';
import { findContext } from './config/dump-context.js';
import { PluginError } from './plugins/plugin.js';
import { GeneratedCodeError } from './postprocess/postprocess.js';
import { TemplateError } from './render/template-error.js';
import { specFiles } from './watch/spec-files.js';
import { watchFiles } from './watch/watch-files.js';

/** Exit codes: 0 success, 1 spec errors (or a stale client under --check), 2 usage errors, 3 internal errors. */
const EXIT = { ok: 0, spec: 1, usage: 2, internal: 3 } as const;

/** Where the CLI prints, and what it may ask of its environment (tests pass their own). */
export interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Progress lines are shown on a terminal only. */
  isTTY?: boolean;
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Ends `--watch` (default: SIGINT). */
  signal?: AbortSignal;
}

const processIo = (): CliOutput => ({ out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true, env: process.env });

/** Runs the CLI and returns its exit code; the only place that prints for the user. */
export async function main(argv: string[], io: CliOutput = processIo()): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    const flags = parseCliArgs(argv);
    verbose = flags.verbose;
    if (flags.version) return io.out(`${packageVersion()}\n`), EXIT.ok;
    if (flags.help || flags.positionals.length === 0) return io.out(HELP), flags.help ? EXIT.ok : EXIT.usage;
    const [command, ...rest] = flags.positionals;
    if (command === 'templates' && rest[0] === 'eject' && rest.length === 2) return await eject(rest[1]!, io);
    if (command !== 'generate' || rest.length > 0) throw new UsageError(`unknown command "${flags.positionals.join(' ')}"`);
    const cwd = io.cwd ?? process.cwd();
    const resolved = await resolveJobs(flags, cwd);
    // Under --watch each job keeps what its runs share in memory (the format cache, see CacheSession).
    const jobs = flags.watch ? resolved.jobs.map((job) => ({ ...job, options: { ...job.options, session: new CacheSession() } })) : resolved.jobs;
    const notes = resolved.notes;
    const say = (text: string): void => void (flags.silent ? undefined : io.err(text));
    for (const note of notes) say(`oasgen: ${note}\n`);
    if (flags.dumpContext !== undefined) return await dumpContext(jobs, flags.dumpContext, io);
    let code: number = EXIT.ok;
    const read: (string[] | undefined)[] = [];
    for (const job of jobs) {
      const run = await runJob(job, flags, io, say);
      code = Math.max(code, run.code);
      read.push(run.specFiles);
    }
    if (!flags.watch) return code;
    return await watchJobs(jobs, read, flags, io, say);
  } catch (error) {
    return reportError(error, verbose, io);
  }
}

/** One job's run: its exit code, and the spec files it read when it got as far as reading them all. */
async function runJob(job: Job, flags: CliFlags, io: CliOutput, say: (text: string) => void): Promise<{ code: number; specFiles?: string[] }> {
  for (const warning of job.warnings) say(`oasgen: warning: ${warning}\n`);
  const progress = io.isTTY === true && !flags.silent;
  try {
    // Reported as soon as the files are written, before the cache is stored (under --watch the
    // written files show that much sooner); with --verbose at the end, with every stage's time.
    let reported: Promise<number> | undefined;
    const early = (result: GenerateResult): void => {
      if (progress) io.err('\r\x1b[K');
      reported = report(result, job, flags, io, say);
      reported.catch(() => undefined); // awaited below, unless the run fails first: then its error is the one reported
    };
    const result = await generate({
      ...job.options,
      check: flags.check,
      write: !flags.check,
      ...(progress ? { onStage: (stage: string) => io.err(`\r\x1b[K${job.label}: ${stage}...`) } : {}),
      ...(flags.verbose ? {} : { onOutput: early }),
    });
    if (progress) io.err('\r\x1b[K');
    return { code: await (reported ?? report(result, job, flags, io, say)), specFiles: result.specFiles };
  } catch (error) {
    if (progress) io.err('\r\x1b[K');
    if (flags.watch) return { code: reportError(error, flags.verbose, io) };
    throw error;
  }
}

async function report(result: GenerateResult, job: Job, flags: CliFlags, io: CliOutput, say: (text: string) => void): Promise<number> {
  for (const d of result.diagnostics) (d.severity === 'error' ? io.err : say)(formatDiagnostic(d) + '\n');
  if (flags.verbose) for (const t of result.timings) io.err(`${t.stage.padEnd(14)} ${t.ms.toFixed(1).padStart(8)} ms ${t.heapMb.toFixed(0).padStart(6)} MB heap\n`);
  const where = job.label;
  if (result.drift) {
    const { differing, missing, stale } = result.drift;
    if (differing.length + missing.length + stale.length === 0) return say(`${where} is up to date (${result.files.length} files)\n`), EXIT.ok;
    const color = io.isTTY === true && !io.env?.NO_COLOR;
    for (const { path, diff } of await driftDiffs(result.files, job.options.output, differing)) io.err(`differs: ${path}\n${color ? colorize(diff) : diff}`);
    for (const f of missing) io.err(`missing: ${f}\n`);
    for (const f of stale) io.err(`stale:   ${f}\n`);
    io.err(`${where} is out of date: run oasgen generate to update it\n`);
    return EXIT.spec;
  }
  const changes = result.changes!;
  if (!flags.silent) io.out(`${where}: wrote ${changes.written.length} file(s), ${changes.unchanged.length} unchanged, ${changes.removed.length} removed\n`);
  return EXIT.ok;
}

function colorize(diff: string): string {
  return diff.replace(/^([-+])(?![-+]{2} ).*$/gm, (line, sign: string) => `\x1b[${sign === '+' ? 32 : 31}m${line}\x1b[0m`);
}

/**
 * `--watch`: regenerates the jobs whose spec (or a file it references), templates or extra-file
 * templates changed, until interrupted. When a run changes the set of referenced files, the
 * watch restarts on the new set.
 */
async function watchJobs(jobs: Job[], read: (string[] | undefined)[], flags: CliFlags, io: CliOutput, say: (text: string) => void): Promise<number> {
  const interrupted = new AbortController();
  const outer = io.signal ?? interrupted.signal;
  const onInterrupt = (): void => interrupted.abort();
  if (!io.signal) process.once('SIGINT', onInterrupt);
  // What each job watches: its templates and extra files, and the spec files its last run read
  // (read again only when that run stopped before reading them all: a spec that does not load).
  const watchedBy = async (job: Job, index: number): Promise<string[]> => [...job.watch, ...(read[index] ?? (await specFiles(job.options.input)))].map((p) => resolve(p));
  while (!outer.aborted) {
    const watched = await Promise.all(jobs.map(watchedBy));
    const all = [...new Set(watched.flat())].sort();
    const restart = new AbortController();
    const stop = (): void => restart.abort();
    outer.addEventListener('abort', stop, { once: true });
    await watchFiles(all, async (changed) => {
      for (const [index, job] of jobs.entries()) {
        if (!watched[index]!.some((w) => changed.some((c) => c === w || c.startsWith(w + '/')))) continue;
        say(`changed: ${changed.join(', ')}; regenerating ${job.label}\n`);
        read[index] = (await runJob(job, flags, io, say)).specFiles;
        const now = await watchedBy(job, index);
        if (now.join('\n') !== watched[index]!.join('\n')) restart.abort();
      }
    }, { signal: restart.signal, ready: () => say(`watching ${all.length} file(s) and folder(s); press Ctrl-C to stop\n`) });
    outer.removeEventListener('abort', stop);
  }
  process.off('SIGINT', onInterrupt);
  return EXIT.ok;
}

async function dumpContext(jobs: Job[], name: string, io: CliOutput): Promise<number> {
  if (jobs.length !== 1) throw new UsageError(`--dump-context needs one job (found ${jobs.length}): pass -i, or --generator-key`);
  // Uncached, so the result always carries the model and plan (a cache hit has neither).
  const result = await generate({ ...jobs[0]!.options, check: false, write: false, cacheDir: false });
  const context = findContext(result.model!, result.plan!, name);
  if (!context) throw new UsageError(`--dump-context: no operation or schema named "${name}"`);
  io.out(JSON.stringify(context, null, 2) + '\n');
  return EXIT.ok;
}

async function eject(target: string, io: CliOutput): Promise<number> {
  const copied = await ejectTemplates(builtinTemplatesDir(), resolve(io.cwd ?? process.cwd(), target));
  io.out(`copied ${copied.length} templates to ${target}:\n${copied.map((f) => `  ${f}\n`).join('')}Edit any of them and pass -t ${target}; delete the ones you keep as they are, so they follow oasgen's updates (runtime/*.ts above all: each one kept replaces oasgen's in every client).\n`);
  return EXIT.ok;
}

function reportError(error: unknown, verbose: boolean, io: CliOutput): number {
  if (error instanceof SpecError) {
    for (const d of error.diagnostics) io.err(formatDiagnostic(d) + '\n');
    const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${errors} error(s), ${error.diagnostics.length - errors} warning(s); nothing was written\n`);
    return EXIT.spec;
  }
  if (error instanceof UsageError || error instanceof ConfigError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    io.err(`oasgen: ${error.message}\nRun "oasgen --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && 'code' in error && error.code === 'ERR_FS_CP_EEXIST') {
    io.err(`oasgen: ${error.message}\nnothing was overwritten\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputConflictError || error instanceof TemplateError || error instanceof GeneratedCodeError || error instanceof PluginError) {
    io.err(`oasgen: ${error.message}\nnothing was written\n`);
    return error instanceof OutputConflictError ? EXIT.usage : EXIT.spec;
  }
  io.err(`oasgen: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in oasgen; please report it with the spec that triggers it.${verbose ? '' : ' Run with --verbose for the stack trace.'}\n`);
  if (verbose && error instanceof Error && error.stack) io.err(error.stack + '\n');
  return EXIT.internal;
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(resolve(builtinTemplatesDir(), '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.(ts|js)$/, '') === resolve(new URL(import.meta.url).pathname).replace(/\.(ts|js)$/, '');
if (invokedDirectly) {
  tuneForShortRun();
  process.exitCode = await main(process.argv.slice(2));
}
