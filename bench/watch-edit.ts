import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Sample } from './measure.js';

/** After each regeneration, time for the run's last work (the cache's own files) before the next edit. */
const SETTLE_MS = 300;

/**
 * One-operation edits under `oasgen generate --watch`, as a user editing the spec sees them: the
 * watch is started (its first run is not timed), then each edit is timed from writing the spec to
 * the line that reports the written files, the watch's debounce included. The caller restores the
 * spec. Wall time only: the process lives across the edits, so it has no peak of its own per edit.
 */
export async function measureWatchEdits(
  command: string,
  args: readonly string[],
  c: { cwd: string; file: string; edited: (edit: number) => string; edits: number; timeoutMs: number },
): Promise<Sample[]> {
  const child = spawn(command, [...args, '--watch'], { cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  let printed = '';
  let exited = false;
  const onText = (chunk: Buffer): void => void (printed += chunk.toString());
  child.stdout.on('data', onText);
  child.stderr.on('data', onText);
  const closed = new Promise<void>((done) => child.on('close', () => ((exited = true), done())));
  const samples: Sample[] = [];
  try {
    if (!(await until(() => printed.includes('watching') || exited, c.timeoutMs)) || exited) return [failed(0, printed)];
    for (let edit = 0; edit < c.edits; edit++) {
      const runs = wroteLines(printed);
      const start = performance.now();
      writeFileSync(c.file, c.edited(edit));
      const done = await until(() => wroteLines(printed) > runs || exited, c.timeoutMs);
      const seconds = (performance.now() - start) / 1000;
      if (!done || exited || /\d+ error\(s\)|internal error/.test(printed)) return [...samples, failed(seconds, printed)];
      samples.push({ seconds, ok: true });
      await new Promise((r) => setTimeout(r, SETTLE_MS));
    }
    return samples;
  } finally {
    child.kill('SIGINT');
    await closed;
  }
}

function wroteLines(printed: string): number {
  return printed.match(/wrote \d+ file\(s\)/g)?.length ?? 0;
}

/** Polls `done` every 5 ms; false when `timeoutMs` passes first. */
async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

function failed(seconds: number, printed: string): Sample {
  return { seconds, ok: false, error: printed.trim().split('\n').pop()?.slice(0, 160) || 'the watch stopped' };
}
