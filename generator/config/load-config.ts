import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OasgenConfig } from './define-config.js';
import { importTypeScript } from './import-typescript.js';

/** The config file names looked for in the working directory, in this order. */
export const CONFIG_FILES = ['oasgen.config.ts', 'oasgen.config.mts', 'oasgen.config.mjs', 'oasgen.config.js', 'oasgen.config.json'];

/** The config file could not be read or is not a config. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ConfigError';
  }
}

/** The first config file found in `dir`, if any. */
export async function findConfigFile(dir: string): Promise<string | undefined> {
  for (const name of CONFIG_FILES) {
    const file = join(dir, name);
    if (await access(file).then(() => true, () => false)) return file;
  }
  return undefined;
}

/** Loads a config file: JSON parsed; JavaScript imported; TypeScript compiled first (see importTypeScript). */
export async function loadConfigFile(file: string): Promise<OasgenConfig> {
  let value: unknown;
  try {
    if (file.endsWith('.json')) value = JSON.parse(await readFile(file, 'utf8'));
    else if (/\.m?ts$/.test(file)) value = await importTypeScript(file);
    else value = ((await import(pathToFileURL(file).href)) as { default?: unknown }).default;
  } catch (error) {
    throw new ConfigError(file, error instanceof Error ? error.message : String(error));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(file, 'the config must be an object (export default defineConfig({...}))');
  return value as OasgenConfig;
}
