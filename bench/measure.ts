import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** One timed process: wall time, peak resident memory (when /usr/bin/time or /proc can tell) and whether it succeeded. */
export interface Sample {
  seconds: number;
  peakMb?: number;
  ok: boolean;
  error?: string;
}

const GNU_TIME = '/usr/bin/time';

/** How often the resident memory of a process tree is summed. */
const SAMPLE_MS = 20;

/**
 * Runs a command as a whole process, as a user would (node start-up and module loading included),
 * under GNU time for its peak RSS when that is installed (Debian package `time`). GNU time tells
 * the peak of the largest single process; a tool that runs a child process beside itself (oasgen's
 * type check) uses the memory of both at once, so the peak is also taken as the sum over the
 * process and all its descendants, sampled every 20 ms from /proc, and the higher of the two counts.
 */
export function measure(command: string, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<Sample> {
  const withTime = existsSync(GNU_TIME);
  const [program, argv] = withTime ? [GNU_TIME, ['-f', 'OASGEN_BENCH_RSS_KB=%M', command, ...args]] : [command, [...args]];
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(program, argv, { cwd: options.cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let treePeakKb = 0;
    const sampler = setInterval(() => (treePeakKb = Math.max(treePeakKb, child.pid === undefined ? 0 : treeRssKb(child.pid))), SAMPLE_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      const seconds = (performance.now() - start) / 1000;
      const rss = /OASGEN_BENCH_RSS_KB=(\d+)/.exec(stderr);
      const peakKb = Math.max(rss ? Number(rss[1]) : 0, treePeakKb);
      const sample: Sample = { seconds, ok: code === 0, ...(peakKb > 0 ? { peakMb: peakKb / 1024 } : {}) };
      resolve(code === 0 ? sample : { ...sample, error: lastLine(stderr.replace(/OASGEN_BENCH_RSS_KB=\d+/, '')) || `exit ${code}` });
    });
  });
}

/** The resident memory of a process and all its descendants, in KB (0 where /proc cannot tell). */
function treeRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const own = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) => readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    return own + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0;
  }
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => !/^Command (exited|terminated)/.test(l)).pop()?.slice(0, 160) ?? '';
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
