import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RenderedFile } from '../render/render-files.js';

/** The file in the output folder that lists what oasgen wrote, so later runs know what they own. */
export const MANIFEST = '.oasgen-manifest.json';

export function manifestFile(files: RenderedFile[]): RenderedFile {
  const paths = files.map((f) => f.path).sort();
  return { path: MANIFEST, content: JSON.stringify({ generator: 'oasgen', files: paths }, null, 2) + '\n' };
}

/** The files a previous run wrote, or undefined when the folder has no (readable) manifest. */
export async function readManifest(outputDir: string): Promise<string[] | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(outputDir, MANIFEST), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'files' in parsed && Array.isArray(parsed.files)) {
      return parsed.files.filter((f: unknown): f is string => typeof f === 'string' && isSafeRelative(f));
    }
  } catch {
    // No manifest: nothing in the folder is ours.
  }
  return undefined;
}

/** A manifest entry must stay inside the output folder. */
export function isSafeRelative(path: string): boolean {
  return !path.startsWith('/') && !path.split(/[\\/]/).includes('..') && !/^[a-zA-Z]:/.test(path);
}
