import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../render/render-files.js';
import { MANIFEST, readManifest } from './manifest.js';

/** What a write or check found, relative to the output folder. */
export interface OutputChanges {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface OutputDrift {
  differing: string[];
  missing: string[];
  stale: string[];
}

/** Refused to write: a file oasgen would write exists but belongs to someone else (not in the manifest). */
export class OutputConflictError extends Error {
  constructor(readonly files: readonly string[]) {
    super(`refusing to overwrite files oasgen did not write (not in ${MANIFEST}): ${files.join(', ')}`);
    this.name = 'OutputConflictError';
  }
}

/**
 * Synchronous on purpose: thousands of small reads through the thread pool took 7x longer than
 * reading them one after another (issue 7, 2,929 files of the OpenAI client).
 */
async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Writes only the files whose bytes changed (each through a temporary file and a rename), then
 * removes files the previous manifest lists that this run no longer generates. Nothing is
 * written when any target belongs to someone else.
 */
export async function emitFiles(files: RenderedFile[], outputDir: string): Promise<OutputChanges> {
  const owned = new Set((await readManifest(outputDir)) ?? []);
  const current = await Promise.all(files.map(async (f) => ({ file: f, existing: await readIfExists(join(outputDir, f.path)) })));
  const conflicts = current.filter(({ file, existing }) => existing !== undefined && existing !== file.content && file.path !== MANIFEST && !owned.has(file.path));
  if (conflicts.length > 0) throw new OutputConflictError(conflicts.map((c) => c.file.path));
  const changes: OutputChanges = { written: [], unchanged: [], removed: [] };
  const made = new Set<string>();
  for (const { file, existing } of current) {
    if (existing === file.content) {
      changes.unchanged.push(file.path);
      continue;
    }
    const target = join(outputDir, file.path);
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    const temporary = `${target}.oasgen-tmp`;
    writeFileSync(temporary, file.content);
    renameSync(temporary, target);
    changes.written.push(file.path);
  }
  const generated = new Set(files.map((f) => f.path));
  for (const path of [...owned].sort()) {
    if (generated.has(path)) continue;
    await rm(join(outputDir, path), { force: true });
    changes.removed.push(path);
  }
  return changes;
}

/** `--check`: compares the generated files with the folder without writing anything. */
export async function checkFiles(files: RenderedFile[], outputDir: string): Promise<OutputDrift> {
  const drift: OutputDrift = { differing: [], missing: [], stale: [] };
  for (const file of files) {
    const existing = await readIfExists(join(outputDir, file.path));
    if (existing === undefined) drift.missing.push(file.path);
    else if (existing !== file.content) drift.differing.push(file.path);
  }
  const generated = new Set(files.map((f) => f.path));
  for (const path of (await readManifest(outputDir)) ?? []) {
    if (!generated.has(path) && (await readIfExists(join(outputDir, path))) !== undefined) drift.stale.push(path);
  }
  return drift;
}
