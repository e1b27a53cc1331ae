import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OasgenConfig } from './define-config.js';

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

/**
 * A `.ts` config is compiled with the TypeScript compiler ts-morph already ships (no tsx or other
 * loader at run time) into a temporary `.mjs` beside it, so its imports resolve from the same
 * folder, then imported and removed. Only the config file itself is compiled: it may import
 * packages and JavaScript files, not other `.ts` files.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const source = await readFile(file, 'utf8');
  // Loaded here, not at the top: importing the compiler costs ~1 s, and most runs have no .ts config (issue 7).
  const { ts } = await import('ts-morph');
  const { outputText } = ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  const compiled = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now()}.mjs`);
  await writeFile(compiled, outputText);
  try {
    return ((await import(pathToFileURL(compiled).href)) as { default?: unknown }).default;
  } finally {
    await rm(compiled, { force: true });
  }
}
