import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Options } from 'prettier';

/** One file for prettier: its text and the options it is formatted with (parser and filepath included). */
export interface FormatJob {
  content: string;
  options: Options;
}

/** What prettier made of one job: the formatted text, or the message of the error it threw. */
export type FormatOutcome = { text: string } | { error: string };

/** Formatting under way: its outcomes (in job order), or a way to stop it. */
export interface RunningFormat {
  results: Promise<FormatOutcome[]>;
  cancel: () => Promise<void>;
}

/** Below this many characters one worker does it all: another would cost more to start (~0.3 s) than it saves. */
const PARALLEL_THRESHOLD = 400_000;
const MAX_WORKERS = 4;
/** Below this many characters the jobs are formatted on the calling thread. */
const IN_THREAD_LIMIT = 60_000;

/**
 * The worker: an inline ES module so it runs the same from the TypeScript sources, the compiled
 * `dist/` and test runners; it imports prettier from the URL the main thread resolved.
 */
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
const prettier = await import(workerData.prettier);
const format = prettier.format ?? prettier.default.format;
// Loads the parsers and printers a run needs before the jobs arrive (jobs posted meanwhile wait).
if (workerData.warm) for (const parser of ['typescript', 'markdown']) await format('a', { parser }).catch(() => undefined);
parentPort.on('message', async ({ id, jobs }) => {
  const results = [];
  for (const job of jobs) {
    try {
      results.push({ text: await format(job.content, job.options) });
    } catch (error) {
      results.push({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  parentPort.postMessage({ id, results });
});
`;

/**
 * A prettier worker for a first run, started ahead of need: it imports prettier and loads the
 * TypeScript and markdown parsers on the other core while this thread works, so the format stage
 * finds it ready (issue 7: 0.3 to 0.5 s of prettier's start off a cold OpenAI run).
 *
 * When it starts is the caller's choice (`start`): at once for a small spec, whose whole run is
 * shorter than the worker's loading; for a large one once the type check's process is done, so the
 * two are not in memory together (the worker holds ~20 MB; a first OpenAI run peaked ~20 MB lower
 * so, in the same time). Whoever makes one closes it, used or not.
 */
export class WarmWorker {
  private readonly lazy = new FormatFeed(() => startWorker(true));
  private handed = false;

  constructor(startNow: boolean) {
    if (startNow) this.start();
  }

  /** Starts the worker, once; jobs fed before then wait for it. */
  start(): void {
    this.lazy.start();
  }

  /** The worker as a feed of jobs, handed over once; undefined once taken. */
  feed(): FormatFeed | undefined {
    if (this.handed) return undefined;
    this.handed = true;
    return this.lazy;
  }

  /** Stops the worker when no formatting took it. */
  async close(): Promise<void> {
    if (!this.handed) await this.lazy.close();
    this.handed = true;
  }
}

/**
 * Formatting fed job by job to one worker while the main thread is still printing: each job is
 * posted as soon as the printers leave it to prettier, so prettier works on the other core
 * meanwhile instead of after the printing (issue 7: OpenAI's docs leave 56 KB of markdown). Jobs
 * fed before the worker starts are posted when it does.
 */
export class FormatFeed {
  private worker: Worker | undefined;
  private closed = false;
  private readonly unsent: { id: number; jobs: FormatJob[] }[] = [];
  private readonly waiting = new Map<number, { resolve: (outcome: FormatOutcome) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(private readonly startWorker: () => Worker) {}

  /** Starts the worker unless it runs or the feed was closed, and posts what was fed so far. */
  start(): void {
    if (this.worker || this.closed) return;
    const worker = (this.worker = this.startWorker());
    worker.on('message', ({ id, results }: { id: number; results: FormatOutcome[] }) => {
      this.waiting.get(id)?.resolve(results[0]!);
      this.waiting.delete(id);
    });
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code: number) => this.fail(new Error(`the prettier worker stopped (exit code ${code}) before it finished`)));
    for (const message of this.unsent.splice(0)) worker.postMessage(message);
  }

  /** Whether jobs were fed that the worker has not been started for. */
  get waitingForStart(): boolean {
    return this.unsent.length > 0;
  }

  /** Posts one job (at once when the worker runs); its outcome when the worker is done with it. */
  add(job: FormatJob): Promise<FormatOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const outcome = new Promise<FormatOutcome>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    outcome.catch(() => undefined); // whoever awaits it hears of the failure; it is no unhandled rejection before then
    if (this.worker) this.worker.postMessage({ id, jobs: [job] });
    else this.unsent.push({ id, jobs: [job] });
    return outcome;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.worker?.terminate();
    this.fail(new Error('the prettier worker stopped before it finished'));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/**
 * Starts formatting every job with prettier on worker threads and returns at once (generate.ts
 * waits for the type check meanwhile). The jobs are split up front into one share per worker,
 * balanced by size: a worker never waits for the busy main thread to hand it work. (The main
 * thread does not join in: measured on 2 cores, the worker then slowed down by as much as the
 * main thread did, both allocating heavily.) A few small jobs are formatted with `formatHere` on
 * this thread instead.
 */
export function startFormatting(jobs: readonly FormatJob[], formatHere: (job: FormatJob) => Promise<string>): RunningFormat {
  const here = (job: FormatJob): Promise<FormatOutcome> => outcomeOf(formatHere(job));
  // A few files (a rerun after a small spec edit) format faster here than a worker starts (~0.3 s).
  const size = jobs.reduce((sum, job) => sum + job.content.length, 0);
  if (size < IN_THREAD_LIMIT) {
    return { results: Promise.all(jobs.map(here)), cancel: async () => {} };
  }
  const shares = balancedShares(jobs, workerCount(size, jobs.length));
  const workers = shares.map(() => startWorker(false));
  const cancel = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const results = Promise.all(
    shares.map((share, i) =>
      exchange(
        workers[i]!,
        share.map((index) => jobs[index]!),
      ),
    ),
  ).then((replies) => {
    const ordered = new Array<FormatOutcome>(jobs.length);
    shares.forEach((share, i) => share.forEach((index, j) => (ordered[index] = replies[i]![j]!)));
    return ordered;
  });
  const running = results.finally(cancel);
  running.catch(() => undefined); // cancelled on purpose: whoever cancels reports why
  return { results: running, cancel };
}

/** A formatting's outcome: its text, or the message of the error it failed with. */
export function outcomeOf(formatting: Promise<string>): Promise<FormatOutcome> {
  return formatting.then(
    (text) => ({ text }),
    (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
  );
}

function startWorker(warm: boolean): Worker {
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: { prettier: prettierUrl(), warm } });
}

/** Formats every job (see `startFormatting`) and waits for the results, in job order. */
export function formatInParallel(jobs: readonly FormatJob[], formatHere: (job: FormatJob) => Promise<string>): Promise<FormatOutcome[]> {
  return startFormatting(jobs, formatHere).results;
}

function workerCount(size: number, jobs: number): number {
  // One core stays with the main thread and the type check's process.
  return size < PARALLEL_THRESHOLD ? 1 : Math.max(1, Math.min(availableParallelism() - 1, MAX_WORKERS, jobs));
}

/**
 * The job indexes split into `count` shares of about equal size: largest job first, each to the
 * share with the fewest characters so far (ties to the lower share, so the split is deterministic).
 */
export function balancedShares(jobs: readonly FormatJob[], count: number): number[][] {
  const shares = Array.from({ length: count }, () => ({ size: 0, indexes: [] as number[] }));
  const bySize = jobs.map((job, index) => ({ index, size: job.content.length })).sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { index, size } of bySize) {
    const lightest = shares.reduce((best, share) => (share.size < best.size ? share : best));
    lightest.size += size;
    lightest.indexes.push(index);
  }
  return shares.filter((share) => share.indexes.length > 0).map((share) => share.indexes.sort((a, b) => a - b));
}

/** Where prettier is, for the worker (whose data: URL cannot resolve bare names itself). */
function prettierUrl(): string {
  // The ES module entry when the runtime can name it (its CommonJS wrapper re-imports it per call).
  return typeof import.meta.resolve === 'function' ? import.meta.resolve('prettier') : pathToFileURL(createRequire(import.meta.url).resolve('prettier')).href;
}

function exchange(worker: Worker, jobs: FormatJob[]): Promise<FormatOutcome[]> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`the prettier worker stopped (exit code ${code}) before it finished`));
    worker.once('message', (reply: { id: number; results: FormatOutcome[] }) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(reply.results);
    });
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.postMessage({ id: 0, jobs });
  });
}
