import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything one generation run is configured by. Defaults are resolved in `resolveOptions` only. */
export interface GenerateOptions {
  /** Path of the spec file. */
  input: string;
  /** The folder the client is written to (or compared with, for `check`). */
  output: string;
  /** A folder whose templates and partials replace the built-in ones of the same name. */
  templates?: string;
  /** Compare with `output` instead of writing. */
  check: boolean;
  /** Write the files to `output` (the CLI does; the programmatic API only when asked). */
  write: boolean;
  /** Treat warnings as errors. */
  strict: boolean;
  /** How the spec's file name is shown in diagnostics (default: as given). */
  displayName?: string;
}

export type GenerateOptionsInput = Pick<GenerateOptions, 'input' | 'output'> & Partial<GenerateOptions>;

export function resolveOptions(input: GenerateOptionsInput): GenerateOptions {
  return { check: false, write: false, strict: false, ...input };
}

/** The built-in templates folder, found from this module both in `generator/` and `generator/dist/`. */
export function builtinTemplatesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.endsWith(join('generator', 'dist')) ? resolve(here, '..', '..') : resolve(here, '..');
  return join(root, 'templates');
}
