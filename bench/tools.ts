import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** A generator run in the benchmark: how to prepare its output folder and the command to run. */
export interface Tool {
  name: string;
  /** What it emits, for the table. */
  emits: string;
  prepare: (out: string) => void;
  command: (spec: string, out: string) => { command: string; args: string[] };
}

const clean = (out: string): void => rmSync(out, { recursive: true, force: true });

/** oasgen from its compiled CLI (`npm run build`), cache removed so the run is cold. */
export function oasgenCold(root: string): Tool {
  return {
    name: 'oasgen',
    emits: 'client + docs, formatted, type-checked',
    prepare: (out) => {
      clean(out);
      clean(join(out, '..', '.oasgen-cache'));
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
