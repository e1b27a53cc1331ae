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

/** Formatting under way: its results (in job order), or a way to stop it. */
export interface RunningFormat {
  results: Promise<string[]>;
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
parentPort.on('message', async (jobs) => {
  try {
    const results = [];
    for (const job of jobs) results.push(await format(job.content, job.options));
    parentPort.postMessage({ results });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * Starts formatting every job with prettier on worker threads and returns at once, so the main
 * thread can type-check the client meanwhile (generate.ts). The jobs are split up front into one
 * share per worker, balanced by size: a worker never waits for the busy main thread to hand it work.
 * A few small jobs are formatted with `formatHere` on this thread instead.
 */
export function startFormatting(jobs: readonly FormatJob[], formatHere: (job: FormatJob) => Promise<string>): RunningFormat {
  if (jobs.length === 0) return { results: Promise.resolve([]), cancel: async () => {} };
  // A few files (a rerun after a small spec edit) format faster here than a worker starts (~0.3 s).
  const size = jobs.reduce((sum, job) => sum + job.content.length, 0);
  if (size < IN_THREAD_LIMIT) return { results: Promise.all(jobs.map((job) => formatHere(job))), cancel: async () => {} };
  const shares = balancedShares(jobs, workerCount(size, jobs.length));
  const workers = shares.map(() => new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: { prettier: prettierUrl() } }));
  const cancel = async (): Promise<void> => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const results = Promise.all(shares.map((share, i) => exchange(workers[i]!, share.map((index) => jobs[index]!)))).then((replies) => {
    const ordered = new Array<string>(jobs.length);
    shares.forEach((share, i) => share.forEach((index, j) => (ordered[index] = replies[i]![j]!)));
    return ordered;
  });
  return { results: results.finally(cancel), cancel };
}

/** Formats every job (see `startFormatting`) and waits for the results, in job order. */
export function formatInParallel(jobs: readonly FormatJob[], formatHere: (job: FormatJob) => Promise<string>): Promise<string[]> {
  return startFormatting(jobs, formatHere).results;
}

function workerCount(size: number, jobs: number): number {
  // The main thread type-checks meanwhile: one core is already taken.
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

function exchange(worker: Worker, jobs: FormatJob[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number): void => reject(new Error(`the prettier worker stopped (exit code ${code}) before it finished`));
    worker.once('message', (reply: { results?: string[]; error?: string }) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      if (reply.results) resolve(reply.results);
      else reject(new Error(reply.error));
    });
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.postMessage(jobs);
  });
}
