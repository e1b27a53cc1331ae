import { createHash, type Hash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
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
 * A hash of everything but the spec a run's output depends on: oasgen's code (its declaration
 * files aside, which change nothing it does), the templates, prettier's version and the files it
 * could read a configuration from. The files are read as promises, all at once (read one by one,
 * the configuration's 80-odd names took ~8 ms; read synchronously, the whole key took ~5 ms
 * instead of 15-20, yet a first OpenAI run then peaked ~35 MB higher, for no reason found).
 */
export async function runKey(input: RunKeyInput): Promise<string> {
  const hash = createHash('sha1').update(JSON.stringify(input.options)).update('\0').update(input.output);
  await hashFolder(hash, input.generatorDir, (path) => /\.(ts|js|json)$/.test(path) && !path.endsWith('.d.ts') && !path.startsWith('dist/'));
  await hashFile(hash, join(input.generatorDir, '..', 'package.json'));
  for (const dir of input.templateDirs) await hashFolder(hash, dir, () => true);
  await hashFile(hash, input.prettierManifest);
  const configs: string[] = [];
  for (let dir = input.output; ; dir = dirname(dir)) {
    configs.push(...PRETTIER_CONFIGS.map((name) => join(dir, name)));
    if (dirname(dir) === dir) break;
  }
  const hashes = await Promise.all(configs.map((path) => fileHash(path)));
  configs.forEach((path, i) => hash.update(`\0${path}\0${hashes[i] ?? '-'}`));
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

async function hashFile(hash: Hash, path: string): Promise<void> {
  hash.update(`\0${path}\0${(await fileHash(path)) ?? '-'}`);
}

async function hashFolder(hash: Hash, dir: string, keep: (relativePath: string) => boolean): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).filter(keep).sort();
  const contents = await Promise.all(files.map((f) => readFile(join(dir, f))));
  files.forEach((f, i) => hash.update(`\0${f}\0`).update(contents[i]!));
}
