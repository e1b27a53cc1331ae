import { createHash, type Hash } from 'node:crypto';
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/** Prettier reads its options from these files (package.json and package.yaml only with a "prettier" key), nearest first. */
export const PRETTIER_CONFIGS = [
  'package.json', 'package.yaml', '.prettierrc', '.prettierrc.json', '.prettierrc.yaml', '.prettierrc.yml', '.prettierrc.json5', '.prettierrc.js',
  '.prettierrc.mjs', '.prettierrc.cjs', '.prettierrc.ts', '.prettierrc.mts', '.prettierrc.cts', '.prettierrc.toml', 'prettier.config.js',
  'prettier.config.mjs', 'prettier.config.cjs', 'prettier.config.ts', 'prettier.config.mts', 'prettier.config.cts',
];

/** What a run's output depends on besides the spec: hashed into the cache key. */
export interface RunKeyInput {
  /** The generator's own code folder (`generator/` or `generator/dist/`) and package.json. */
  generatorDir: string;
  /** Template folders: the built-in one and the user's, when given. */
  templateDirs: string[];
  /** The output folder, from which prettier's configuration is found. */
  output: string;
  /** Every option that changes the output, as JSON-safe values. */
  options: unknown;
  /** The installed prettier's package.json. */
  prettierManifest: string;
}

/**
 * A hash of everything but the spec a run's output depends on. Its files are read synchronously:
 * a few hundred small reads take ~3-8 ms that way, against 20-35 ms as as many promises (every run
 * pays it; a whole petstore edit takes ~0.45 s).
 */
export function runKey(input: RunKeyInput): string {
  const hash = createHash('sha1').update(JSON.stringify(input.options)).update('\0').update(input.output);
  hashFolder(hash, input.generatorDir, (path) => /\.(ts|js|json)$/.test(path) && !path.startsWith('dist/'));
  hashFile(hash, join(input.generatorDir, '..', 'package.json'));
  for (const dir of input.templateDirs) hashFolder(hash, dir, () => true);
  hashFile(hash, input.prettierManifest);
  for (let dir = input.output; ; dir = dirname(dir)) {
    for (const name of PRETTIER_CONFIGS) hashFile(hash, join(dir, name));
    if (dirname(dir) === dir) break;
  }
  return hash.digest('base64url');
}

/** The sha1 of a text (of its UTF-8 bytes), as every content hash of a run is written. */
export function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/** The sha1 of a file's bytes, or undefined when it cannot be read. */
export async function fileHash(path: string): Promise<string | undefined> {
  try {
    return createHash('sha1').update(await readFile(path)).digest('base64url');
  } catch {
    return undefined;
  }
}

function hashFile(hash: Hash, path: string): void {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(path);
  } catch {
    bytes = undefined;
  }
  hash.update(`\0${path}\0${bytes === undefined ? '-' : createHash('sha1').update(bytes).digest('base64url')}`);
}

function hashFolder(hash: Hash, dir: string, keep: (relativePath: string) => boolean): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    entries = [];
  }
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).filter(keep).sort();
  for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(dir, f)));
}
