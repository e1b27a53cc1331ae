import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';
import { writeAtomicallySync } from './cache-files.js';
import { textHash } from './cache-key.js';

/** Where code caches are kept by default: the system's temporary folder, as Node 22's own compile cache, in a folder of the user's own. */
export const CODE_CACHE_FOLDER = join(tmpdir(), `oasgen-code-cache-${process.getuid?.() ?? 'user'}`);

/** A module loaded by `requireWithCodeCache`, and how its code cache served. */
export interface CachedModule {
  exports: unknown;
  /** `read`: compiled from the cache; `written`: compiled afresh and cached; `unwritable`: compiled afresh, no cache read or written (a folder that cannot be written, or another user's); `loaded`: already in `require`'s cache. */
  cache: 'read' | 'written' | 'unwritable' | 'loaded';
}

/**
 * Loads a CommonJS file as `require` does, compiled with a V8 code cache, as Node 22's
 * `module.enableCompileCache()` does for every module. oasgen uses it for the one module whose
 * compiling shows: TypeScript's 9 MB `typescript.js`, which every run that prints or fingerprints
 * TypeScript loads. Compiling it takes ~140 ms; from the cache it loads in ~40 ms and parses its
 * first files faster (issue 7, 2 cores: a first OpenAI run 2.41 -> 2.35 s, a one-operation edit
 * 1.34 -> 1.26 s, medians of 4-5, peak memory the same).
 *
 * The cache is written right after the module's top level ran, so it holds that code and not the
 * functions a run goes on to call, which compile as they are called: a cache written at the end
 * of a run, holding them all, loaded faster still but cost ~20 MB more memory in every run. It is
 * named by the file (path, size, time) and by V8's version, flags and CPU features
 * (`cachedDataVersionTag`), so another Node or a TypeScript update never reads a wrong one; V8 also
 * rejects one that does not fit, and a new one is written. Without a cache the module compiles as
 * `require` would: nothing here changes what a run writes.
 */
export function requireWithCodeCache(file: string, folder = CODE_CACHE_FOLDER): CachedModule {
  const require = createRequire(file);
  const resolved = require.resolve(file);
  const loaded = require.cache[resolved];
  if (loaded) return { exports: loaded.exports, cache: 'loaded' };
  const path = join(folder, cacheName(resolved));
  const usable = ownFolder(folder);
  let cachedData: Buffer | undefined;
  try {
    cachedData = usable ? readFileSync(path) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(resolved, 'utf8')), { filename: resolved, cachedData });
  const module = new Module(resolved);
  module.filename = resolved;
  (script.runInThisContext() as (...args: unknown[]) => void).call(module.exports, module.exports, require, module, resolved, dirname(resolved));
  module.loaded = true;
  // Whoever requires the file later (ts-morph, for the rare imports it organizes) gets this copy.
  require.cache[resolved] = module;
  if (script.cachedDataRejected === false) return { exports: module.exports, cache: 'read' };
  return { exports: module.exports, cache: usable && writeCache(path, script.createCachedData()) ? 'written' : 'unwritable' };
}

/** The file's cache name: its path, size and time, Node's version and platform, and V8's tag. */
function cacheName(file: string): string {
  const { size, mtimeMs } = statSync(file);
  const id = textHash(`${file}\0${size}\0${mtimeMs}\0${process.version}\0${process.platform}\0${process.arch}`).slice(0, 20);
  return `${id}-${cachedDataVersionTag()}.bin`;
}

/**
 * Whether `folder` is this user's, made (readable by this user only) when missing: a folder in a
 * shared temporary folder that someone else made could hold code they wrote, which is never run.
 */
function ownFolder(folder: string): boolean {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    return stat.isDirectory() && (process.getuid === undefined || stat.uid === process.getuid());
  } catch {
    return false;
  }
}

/** Writes through a temporary file and a rename, so two runs starting at once each leave a whole cache; a folder that cannot be written is no error. */
function writeCache(path: string, data: Buffer): boolean {
  try {
    writeAtomicallySync(path, data);
    return true;
  } catch {
    return false;
  }
}
