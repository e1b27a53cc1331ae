import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { RenderedFile } from '../render/render-files.js';

/** At most this many lines of diff are shown per file; the rest is summarized. */
const MAX_LINES = 40;

/**
 * `--check`: a short unified diff per differing file, committed (a/) against freshly generated
 * (b/), so a CI log shows what drifted without the reader regenerating locally.
 */
export async function driftDiffs(files: readonly RenderedFile[], outputDir: string, differing: readonly string[]): Promise<{ path: string; diff: string }[]> {
  const byPath = new Map(files.map((f) => [f.path, f.content]));
  const diffs: { path: string; diff: string }[] = [];
  for (const path of differing) {
    const committed = await readFile(join(outputDir, path), 'utf8').catch(() => '');
    diffs.push({ path, diff: shortDiff(path, committed, byPath.get(path) ?? '') });
  }
  return diffs;
}

/** A unified diff (3 lines of context) cut to MAX_LINES lines. */
export function shortDiff(path: string, before: string, after: string): string {
  const lines = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context: 3 }).split('\n').slice(1); // drop the "====" banner
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length <= MAX_LINES) return lines.join('\n') + '\n';
  return [...lines.slice(0, MAX_LINES), `... ${lines.length - MAX_LINES} more diff lines`].join('\n') + '\n';
}
