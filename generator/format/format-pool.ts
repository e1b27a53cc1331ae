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

/** Below this many characters, starting workers (each loads prettier, ~0.3 s) costs more than it saves. */
const PARALLEL_THRESHOLD = 400_000;
const BATCH = 24;

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
    parentPort.postMessage({ results: await Promise.all(jobs.map((job) => format(job.content, job.options))) });
  } catch (error) {
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
`;

/**
 * Formats every job with prettier, in order: on the main thread for small inputs, otherwise also
 * on worker threads (one per extra core), all pulling batches from one queue.
 */
export async function formatInParallel(jobs: readonly FormatJob[], format: (job: FormatJob) => Promise<string>): Promise<string[]> {
  const results: string[] = new Array<string>(jobs.length);
  let next = 0;
  const take = (): number[] => {
    const batch: number[] = [];
    while (batch.length < BATCH && next < jobs.length) batch.push(next++);
    return batch;
  };
  const size = jobs.reduce((sum, job) => sum + job.content.length, 0);
  const workers = size < PARALLEL_THRESHOLD ? 0 : Math.min(availableParallelism() - 1, 3, Math.floor(jobs.length / BATCH));
  const local = async (): Promise<void> => {
    for (let batch = take(); batch.length > 0; batch = take()) {
      for (const index of batch) results[index] = await format(jobs[index]!);
    }
  };
  await Promise.all([local(), ...Array.from({ length: workers }, () => remote(jobs, take, results))]);
  return results;
}

/** Where prettier is, for the worker (whose data: URL cannot resolve bare names itself). */
function prettierUrl(): string {
  // The ES module entry when the runtime can name it (its CommonJS wrapper re-imports it per call).
  return typeof import.meta.resolve === 'function' ? import.meta.resolve('prettier') : pathToFileURL(createRequire(import.meta.url).resolve('prettier')).href;
}

async function remote(jobs: readonly FormatJob[], take: () => number[], results: string[]): Promise<void> {
  const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), { workerData: { prettier: prettierUrl() } });
  try {
    for (let batch = take(); batch.length > 0; batch = take()) {
      const reply = await exchange(worker, batch.map((index) => jobs[index]!));
      batch.forEach((index, i) => (results[index] = reply[i]!));
    }
  } finally {
    await worker.terminate();
  }
}

function exchange(worker: Worker, jobs: FormatJob[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: { results?: string[]; error?: string }): void => {
      worker.off('error', reject);
      if (reply.results) resolve(reply.results);
      else reject(new Error(reply.error));
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
    worker.postMessage(jobs);
  });
}
