import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirFor } from '../generator/cache/cache-dir.js';
import { CODE_CACHE_FOLDER } from '../generator/cache/code-cache.js';

/** A generator run in the benchmark: how to prepare its output folder and the command to run. */
export interface Tool {
  name: string;
  /** What it emits, for the table. */
  emits: string;
  prepare: (out: string) => void;
  command: (spec: string, out: string) => { command: string; args: string[] };
}

const clean = (out: string): void => rmSync(out, { recursive: true, force: true });

/**
 * oasgen from its compiled CLI (`npm run build`), cold: its cache is kept per output folder
 * (generator/cache/cache-dir.ts), and each run writes into a folder of its own, so a run finds no
 * cache. Only that folder's cache is removed (there is none): deleting the other runs' caches, some
 * thousand files, right before the run made this disk stall in the middle of it, a cost no user's
 * cold run has and the peers never paid. The code cache of TypeScript's compiler (cache/code-cache.ts,
 * in the system's temporary folder) is removed too, so a cold run is a first run on a fresh machine,
 * as in CI; the runs after it (unchanged, edited) use the cache it wrote.
 */
export function oasgenCold(root: string): Tool {
  return {
    name: 'oasgen',
    emits: 'client + docs, formatted, type-checked',
    prepare: (out) => {
      clean(out);
      clean(cacheDirFor(out));
      clean(CODE_CACHE_FOLDER);
    },
    command: (spec, out) => ({ command: process.execPath, args: [join(root, 'generator/bin/oasgen.js'), 'generate', '-i', spec, '-o', out] }),
  };
}

/** The peers, installed by bench/peers/package.json. */
export function peers(peersDir: string): Tool[] {
  const bin = (name: string): string => join(peersDir, 'node_modules', '.bin', name);
  return [
    {
      name: 'hey-api',
      emits: 'types + fetch client (SDK)',
      prepare: clean,
      command: (spec, out) => ({ command: bin('openapi-ts'), args: ['-i', spec, '-o', out, '-c', '@hey-api/client-fetch'] }),
    },
    {
      name: 'openapi-typescript',
      emits: 'types only',
      prepare: clean,
      command: (spec, out) => ({ command: bin('openapi-typescript'), args: [spec, '-o', join(out, 'schema.ts')] }),
    },
    {
      name: 'orval',
      emits: 'types + fetch client',
      prepare: clean,
      command: (spec, out) => ({ command: bin('orval'), args: ['--input', spec, '--output', join(out, 'api.ts'), '--client', 'fetch'] }),
    },
  ];
}
