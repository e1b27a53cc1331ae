import { appendFileSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import type { FormatCache } from '../format/format-files.js';

/**
 * The format cache on disk: one `[key, text]` JSON array per line. A run that formatted a few new
 * texts (an edit to one operation) appends their lines instead of writing every entry again: on
 * Stripe's spec that file is 17 MB, and writing it whole took ~150 ms of each rerun.
 */
export interface FormatLog {
  /** The entries, for the run to use and add to. */
  entries: FormatCache;
  /** The keys the file holds (the entries as read, before the run adds any), with the length of each one's line. */
  held: ReadonlyMap<string, number>;
  /** The file as read: its size and modification time, to tell that no other run wrote it since. */
  size: number;
  mtimeMs: number;
  /** False when the next store must write the file whole: there was none, or a line did not read (a store cut short). */
  appendable: boolean;
}

/** Reads the log at `path`; a missing or damaged file reads as what it holds intact (possibly nothing). */
export function readFormatLog(path: string): FormatLog {
  let text: string;
  let stat: { size: number; mtimeMs: number };
  try {
    text = readFileSync(path, 'utf8');
    stat = statSync(path);
  } catch {
    return { entries: new Map(), held: new Map(), size: 0, mtimeMs: 0, appendable: false };
  }
  const entries: FormatCache = new Map();
  const held = new Map<string, number>();
  let appendable = text.endsWith('\n') || text === '';
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const entry = parseLine(line);
    if (!entry) appendable = false;
    else {
      entries.set(entry[0], entry[1]);
      held.set(entry[0], line.length);
    }
  }
  return { entries, held, size: stat.size, mtimeMs: stat.mtimeMs, appendable };
}

/**
 * Stores the entries of `cache` this run used. With the log as this run read it unchanged on disk,
 * appends the used entries it lacks, unless the lines of entries this run did not use would then
 * be more than half as long as the used ones: then, as without such a log, writes the used entries
 * whole (through a temporary file and a rename). So the file never holds more than about one and
 * a half times what a run reads from it: on Stripe's spec, where every edit changes its one 2.8 MB
 * API doc, every second or third edit writes it whole. Returns the file's size afterwards.
 */
export function storeFormatLog(path: string, read: FormatLog | undefined, cache: FormatCache, used: ReadonlySet<string>): number {
  const kept = [...cache].filter(([key]) => used.has(key));
  if (read?.appendable && unchangedSince(path, read)) {
    let stale = 0;
    for (const [key, length] of read.held) if (!used.has(key)) stale += length;
    const keptLength = kept.reduce((sum, [key, text]) => sum + key.length + text.length, 0);
    if (stale <= keptLength / 2) {
      const added = kept.filter(([key]) => !read.held.has(key));
      if (added.length > 0) appendFileSync(path, lines(added));
      return statSync(path).size;
    }
  }
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, lines(kept));
  renameSync(temporary, path);
  return statSync(path).size;
}

function lines(entries: readonly (readonly [string, string])[]): string {
  return entries.map((entry) => JSON.stringify(entry) + '\n').join('');
}

function parseLine(line: string): [string, string] | undefined {
  try {
    const entry: unknown = JSON.parse(line);
    return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string' ? [entry[0], entry[1]] : undefined;
  } catch {
    return undefined;
  }
}

function unchangedSince(path: string, read: FormatLog): boolean {
  try {
    const stat = statSync(path);
    return stat.size === read.size && stat.mtimeMs === read.mtimeMs;
  } catch {
    return false;
  }
}
