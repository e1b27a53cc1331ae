import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { editDistance } from '../normalize/resolve-ref.js';
import { isUrl } from './read-source.js';

/**
 * For a "did you mean": the file next to a missing one whose name is closest to it (a typo, a
 * different extension or case). Looks in the missing file's folder only; URLs get no hint.
 */
export async function nearFile(missing: string, referencedFrom: string): Promise<string | undefined> {
  if (isUrl(missing)) return undefined;
  const folder = dirname(missing);
  const wanted = basename(missing).toLowerCase();
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return undefined;
  }
  let best: { name: string; distance: number } | undefined;
  for (const name of names.sort()) {
    const distance = editDistance(name.toLowerCase(), wanted);
    if (distance <= Math.max(2, Math.floor(wanted.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  if (!best) return undefined;
  const path = relative(dirname(referencedFrom), join(folder, best.name));
  return path.startsWith('.') ? path : `./${path}`;
}
