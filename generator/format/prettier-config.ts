import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { Options } from 'prettier';
import { PRETTIER_CONFIGS } from '../cache/cache-key.js';

/** What prettier's API is to this module: the module, imported only when needed. */
export type LoadPrettier = () => Promise<Pick<typeof import('prettier'), 'resolveConfig'>>;

/** The installed prettier's package.json. */
export function prettierManifest(): string {
  return join(dirname(createRequire(import.meta.url).resolve('prettier')), 'package.json');
}

/** The installed prettier's version, from its package.json: importing prettier itself takes 26-43 ms of a run. */
export function prettierVersion(): string {
  return (JSON.parse(readFileSync(prettierManifest(), 'utf8')) as { version: string }).version;
}

/**
 * The prettier configuration that applies to the files of `outputDir`, as `prettier.resolveConfig`
 * gives it (`.editorconfig` aside), or `{}` when there is none. Prettier is imported only when a
 * file it could read one from lies in the folder or above it (a package.json counts only with a
 * `prettier` key, as prettier reads it): most runs have no such file, and most of them print every
 * file without prettier.
 */
export async function userPrettierOptions(outputDir: string, load: LoadPrettier = () => import('prettier')): Promise<Options> {
  if (!mayHoldConfig(outputDir)) return {};
  const prettier = await load();
  return (await prettier.resolveConfig(join(outputDir, 'index.ts'), { editorconfig: false })) ?? {};
}

/**
 * Whether prettier could find a configuration for a file in `dir`: any file of a name it reads
 * one from, in `dir` or a folder above, but a package.json that parses and has no `prettier` key
 * (which prettier passes over). Anything else it might read, a package.yaml included, counts.
 */
export function mayHoldConfig(dir: string): boolean {
  for (let folder = resolve(dir); ; folder = dirname(folder)) {
    for (const name of PRETTIER_CONFIGS) {
      const path = join(folder, name);
      if (existsSync(path) && (name !== 'package.json' || hasPrettierKey(path))) return true;
    }
    if (dirname(folder) === folder) return false;
  }
}

function hasPrettierKey(packageJson: string): boolean {
  try {
    const json: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
    return typeof json !== 'object' || json === null || Object.hasOwn(json, 'prettier');
  } catch {
    return true;
  }
}
