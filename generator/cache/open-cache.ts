import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prettierManifest } from '../format/prettier-config.js';
import { builtinTemplatesDir, type GenerateOptions } from '../options.js';
import { cacheDirFor } from './cache-dir.js';
import { runKey } from './cache-key.js';
import { RunCache } from './run-cache.js';

/**
 * The cache for a run that writes or checks a folder (see generator/README.md, "Cache"), or
 * undefined when caching is off (`cacheDir: false`) or the run only returns files in memory.
 * Runs with plugins, helpers or extra files (code whose behaviour no hash captures) still reuse
 * prettier's and TypeScript's results, never a whole previous run.
 */
export async function openRunCache(options: GenerateOptions): Promise<RunCache | undefined> {
  if (options.cacheDir === false || (!options.write && !options.check && options.cacheDir === undefined)) return undefined;
  if (/^https?:\/\//.test(options.input)) return undefined;
  const generatorDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const key = await runKey({
    generatorDir,
    templateDirs: [builtinTemplatesDir(), ...(options.templates ? [options.templates] : [])],
    output: options.output,
    options: { strict: options.strict, displayName: options.displayName ?? options.input, input: options.input, selection: options.selection ?? null },
    prettierManifest: prettierManifest(),
  });
  const reusable = Object.keys(options.helpers).length === 0 && options.extraFiles.length === 0 && options.plugins.length === 0;
  return new RunCache(options.cacheDir ?? cacheDirFor(options.output), key, reusable, options.session);
}
