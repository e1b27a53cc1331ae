import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { editDistance } from '../normalize/resolve-ref.js';
import { isUrl } from './read-source.js';

/**
 * For a "did you mean": the existing file whose path is closest to a missing one. From the nearest
 * folder that exists, each missing segment (folder or file name) is matched to the closest entry
 * (a typo, a different extension or case), so `../schema/pet.yml` finds `../schemas/pet.yaml`.
 * URLs get no hint.
 */
export async function nearFile(missing: string, referencedFrom: string): Promise<string | undefined> {
  if (isUrl(missing)) return undefined;
  const pending: string[] = [];
  let folder = missing;
  let entries: string[] | undefined;
  do {
    pending.unshift(basename(folder));
    folder = dirname(folder);
    entries = await entriesOf(folder);
  } while (entries === undefined && dirname(folder) !== folder);
  if (entries === undefined) return undefined;
  for (const [i, segment] of pending.entries()) {
    const closest = closestName(entries, segment);
    if (closest === undefined) return undefined;
    folder = join(folder, closest);
    if (i < pending.length - 1) {
      entries = await entriesOf(folder);
      if (entries === undefined) return undefined;
    }
  }
  const path = relative(dirname(referencedFrom), folder).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

async function entriesOf(folder: string): Promise<string[] | undefined> {
  try {
    return (await readdir(folder)).sort();
  } catch {
    return undefined;
  }
}

/** The entry nearest to `wanted` by edit distance (case-insensitive), within a third of its length. */
function closestName(names: readonly string[], wanted: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const distance = editDistance(name.toLowerCase(), wanted.toLowerCase());
    if (distance <= Math.max(2, Math.floor(wanted.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}
