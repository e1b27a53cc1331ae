/**
 * The files of a cache folder (run-cache.ts) and how they are read and written: every read
 * tolerates a missing or corrupt file, every write goes through a temporary file and a rename.
 * The format cache's file has its own (format-log.ts).
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textHash } from './cache-key.js';

/** A spec file a run read, with the hash of the bytes it read. */
export interface InputFile {
  path: string;
  hash: string;
}

/** A file of a stored run: its path and the hash of its text (the texts are stored apart, see CONTENTS). */
export interface StoredFile {
  path: string;
  hash: string;
}

/** What a run stores for the next one: its whole result, and the state that speeds up a partial rerun. */
export interface RunEntry {
  version: 4;
  key: string;
  inputs: InputFile[];
  files: StoredFile[];
  diagnostics: Diagnostic[];
  /** The sizes of CONTENTS and FORMAT when they were written with this entry. */
  contentsSize: number;
  formatSize: number;
}

/** A file's text among the contents: itself, or the key of the same text in the format cache. */
export type StoredText = string | { format: string };

/** How the output folder's files looked right after the run with `key` wrote or found them: size and modification time by path. */
export interface OutputStats {
  key: string;
  folder: string;
  stats: Record<string, [number, number]>;
}

export const RUN = 'run.json';
/** The texts of the entry's files, in its order (most by their key in FORMAT): read only when a file must be written, compared or handed out. */
export const CONTENTS = 'contents.json';
/** OutputStats. */
export const OUTPUT = 'output.json';
/** The format cache (format-log.ts). */
export const FORMAT = 'format.jsonl';
export const TYPE_CHECK = 'type-check.json';

/** The files of `entry` that `folder` holds as big and as old as right after the run wrote them (recordOutput). */
export function untouchedFiles(dir: string, entry: RunEntry, folder: string): Set<string> {
  const recorded = readJsonSync<OutputStats>(join(dir, OUTPUT));
  if (recorded?.key !== entry.key || recorded.folder !== folder) return new Set();
  return new Set(
    entry.files
      .filter((file) => {
        const then = recorded.stats[file.path];
        const now = then && statIn(folder, file.path);
        return now !== undefined && then[0] === now[0] && then[1] === now[1];
      })
      .map((file) => file.path),
  );
}

/** The hash of a file's text, or undefined when it cannot be read. */
export function hashIn(folder: string, path: string): string | undefined {
  try {
    return textHash(readFileSync(join(folder, path), 'utf8'));
  } catch {
    return undefined;
  }
}

/** A file's size and modification time, or undefined when it is not there. */
export function statIn(folder: string, path: string): [number, number] | undefined {
  try {
    const stat = statSync(join(folder, path));
    return stat.isFile() ? [stat.size, stat.mtimeMs] : undefined;
  } catch {
    return undefined;
  }
}

export function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

export function readJsonSync<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeAtomicallySync(path: string, text: string | Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

export async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
