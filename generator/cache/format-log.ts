import { appendFileSync, readFileSync, statSync } from 'node:fs';
import type { FormatCache } from '../format/format-files.js';
import { writeAtomicallySync } from './cache-files.js';

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
    // Stat first: a write between the two then shows as a change since, never as this text.
    stat = statSync(path);
    text = readFileSync(path, 'utf8');
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
 * API doc, every second or third edit writes it whole. Returns the log as it now is on disk.
 */
export function storeFormatLog(path: string, read: FormatLog | undefined, cache: FormatCache, used: ReadonlySet<string>): FormatLog {
  const kept = [...cache].filter(([key]) => used.has(key));
  if (read?.appendable && unchangedSince(path, read)) {
    let stale = 0;
    for (const [key, length] of read.held) if (!used.has(key)) stale += length;
    const keptLength = kept.reduce((sum, [key, text]) => sum + key.length + text.length, 0);
    if (stale <= keptLength / 2) {
      const added = kept.filter(([key]) => !read.held.has(key));
      const held = new Map(read.held);
      const text = added.map(([key, value]) => lineOf(key, value, held)).join('');
      if (text !== '') appendFileSync(path, text);
      const entries = new Map([...read.held.keys()].map((key) => [key, cache.get(key) ?? read.entries.get(key)!] as const));
      for (const [key, value] of added) entries.set(key, value);
      return { entries, held, ...statOf(path), appendable: true };
    }
  }
  const held = new Map<string, number>();
  writeAtomicallySync(path, kept.map(([key, value]) => lineOf(key, value, held)).join(''));
  return { entries: new Map(kept), held, ...statOf(path), appendable: true };
}

/** An entry's line, its length noted in `held`. */
function lineOf(key: string, text: string, held: Map<string, number>): string {
  const line = JSON.stringify([key, text]);
  held.set(key, line.length);
  return line + '\n';
}

function statOf(path: string): { size: number; mtimeMs: number } {
  const { size, mtimeMs } = statSync(path);
  return { size, mtimeMs };
}

function parseLine(line: string): [string, string] | undefined {
  try {
    const entry: unknown = JSON.parse(line);
    return Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string' ? [entry[0], entry[1]] : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the file at `path` is still as `read` found or left it (size and modification time). */
export function unchangedSince(path: string, read: FormatLog): boolean {
  try {
    const stat = statSync(path);
    return stat.size === read.size && stat.mtimeMs === read.mtimeMs;
  } catch {
    return false;
  }
}
