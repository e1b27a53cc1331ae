import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache, type CachedModule } from '../../../generator/cache/code-cache.js';
import { removeDir } from '../../helpers/generate-client.js';

const CODE_CACHE_MODULE = fileURLToPath(new URL('../../../generator/cache/code-cache.ts', import.meta.url));

let dir: string;
let file: string;
let folder: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oasgen-code-cache-'));
  mkdirSync(join(dir, 'lib'));
  // A CommonJS module that requires a built-in and a file beside it, and reads its own names.
  writeFileSync(join(dir, 'helper.cjs'), 'exports.twice = (n) => 2 * n;\n');
  file = join(dir, 'lib', 'module.cjs');
  writeFileSync(file, "const { join } = require('node:path');\nconst { twice } = require('../helper.cjs');\nmodule.exports = { four: twice(2), beside: join(__dirname, 'x'), self: module.filename };\n");
  folder = join(dir, 'cache');
});
afterEach(async () => {
  delete createRequire(file).cache[file];
  await removeDir(dir);
});

/** Drops the module from `require`'s cache, as a new process would start without it. */
const forget = (): void => {
  delete createRequire(file).cache[file];
};
const cacheFiles = (): string[] => readdirSync(folder).filter((name) => name.endsWith('.bin'));

/**
 * Loads the module in a process of its own, as a run of oasgen would: within one process V8 keeps
 * what it compiled and would not read the cache at all.
 */
function loadInProcess(): CachedModule {
  const script = `import { requireWithCodeCache } from ${JSON.stringify(pathToFileURL(CODE_CACHE_MODULE).href)};\nprocess.stdout.write(JSON.stringify(requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(folder)})));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as CachedModule;
}

const EXPORTS = (): unknown => ({ four: 4, beside: join(dir, 'lib', 'x'), self: file });

describe('requireWithCodeCache, run after run', () => {
  const cases: { name: string; runs: number; between?: () => void; want: CachedModule['cache'][] }[] = [
    { name: 'compiles a module never cached and writes its cache; the next run compiles from it', runs: 2, want: ['written', 'read'] },
    {
      name: 'compiles afresh and writes the cache again when V8 rejects a damaged one',
      runs: 3,
      between: () => writeFileSync(join(folder, cacheFiles()[0]!), 'not a code cache'),
      want: ['written', 'written', 'read'],
    },
  ];
  it.each(cases)('$name', ({ runs, between, want }) => {
    const seen: CachedModule['cache'][] = [];
    for (let run = 0; run < runs; run++) {
      if (run === 1) between?.();
      const loaded = loadInProcess();
      expect(loaded.exports).toEqual(EXPORTS());
      seen.push(loaded.cache);
    }
    expect(seen).toEqual(want);
    expect(cacheFiles()).toHaveLength(1);
  }, 30_000);
});

describe('requireWithCodeCache, in this process', () => {
  it('still loads the module when the cache folder cannot be written', () => {
    writeFileSync(folder, 'a file where the folder would be');
    expect(requireWithCodeCache(file, folder)).toEqual({ exports: EXPORTS(), cache: 'unwritable' });
  });

  // Only root can hand a folder to another user; elsewhere there is no such folder to meet.
  it.runIf(process.getuid?.() === 0)("neither reads nor writes a folder another user made: the cache there could be anyone's code", () => {
    requireWithCodeCache(file, folder);
    forget();
    chownSync(folder, 4321, 4321);
    expect(requireWithCodeCache(file, folder)).toEqual({ exports: EXPORTS(), cache: 'unwritable' });
  });

  it('takes the copy `require` loaded before', () => {
    const required: unknown = createRequire(file)(file);
    const loaded = requireWithCodeCache(file, folder);
    expect(loaded.cache).toBe('loaded');
    expect(loaded.exports).toBe(required);
  });

  it('leaves its copy for whoever requires the file later', () => {
    const { exports } = requireWithCodeCache(file, folder);
    expect(createRequire(file)(file)).toBe(exports);
  });

  it('names the cache after the file: a changed file is compiled afresh, under a name of its own', () => {
    requireWithCodeCache(file, folder);
    forget();
    writeFileSync(file, 'module.exports = { changed: true };\n');
    expect(requireWithCodeCache(file, folder)).toEqual({ exports: { changed: true }, cache: 'written' });
    expect(cacheFiles()).toHaveLength(2);
  });
});
