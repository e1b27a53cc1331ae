import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One timed process: wall time, peak resident memory (when /usr/bin/time can tell) and whether it succeeded. */
export interface Sample {
  seconds: number;
  peakMb?: number;
  ok: boolean;
  error?: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command as a whole process, as a user would (node start-up and module loading included),
 * under GNU time for its peak RSS when that is installed (Debian package `time`).
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
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - start) / 1000;
      const rss = /OASGEN_BENCH_RSS_KB=(\d+)/.exec(stderr);
      const sample: Sample = { seconds, ok: code === 0, ...(rss ? { peakMb: Number(rss[1]) / 1024 } : {}) };
      resolve(code === 0 ? sample : { ...sample, error: lastLine(stderr.replace(/OASGEN_BENCH_RSS_KB=\d+/, '')) || `exit ${code}` });
    });
  });
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
