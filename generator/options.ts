import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HelperDelegate } from 'handlebars';
import type { CacheSession } from './cache/run-cache.js';
import type { FileSelection } from './config/global-property.js';
import type { ExtraFile } from './plugins/extra-files.js';
import type { OasgenPlugin } from './plugins/plugin.js';
import type { GenerateResult } from './generate.js';

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
  /** The cache folder (see generator/cache/); `false` turns caching off. Default: cached when writing or checking. */
  cacheDir?: string | false;
  /** Kept by a caller that runs generate again and again in one process (`--watch`), the same object each time: see CacheSession. */
  session?: CacheSession;
  /** Handlebars helpers added to the built-in ones. */
  helpers: Record<string, HelperDelegate>;
  /** Files rendered from the user's templates (paths absolute or relative to the working directory). */
  extraFiles: ExtraFile[];
  /** Pipeline hooks, called in this order. */
  plugins: OasgenPlugin[];
  /** Which generated files are kept (OpenAPI Generator's `--global-property`); all when unset. */
  selection?: FileSelection;
  /** Called as each stage starts (the CLI shows progress on a TTY). */
  onStage?: (stage: string) => void;
  /**
   * Called with the result once the output folder is written (or compared) and before the cache is
   * stored, which can take a large spec's run another 0.1-0.2 s: the CLI reports the written files
   * then. The promise `generate` returns still waits for the cache (its timings hold that stage).
   */
  onOutput?: (result: GenerateResult) => void;
}

export type GenerateOptionsInput = Pick<GenerateOptions, 'input' | 'output'> & Partial<GenerateOptions>;

export function resolveOptions(input: GenerateOptionsInput): GenerateOptions {
  return { check: false, write: false, strict: false, helpers: {}, extraFiles: [], plugins: [], ...input };
}

/** The built-in templates folder, found from this module both in `generator/` and `generator/dist/`. */
export function builtinTemplatesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.endsWith(join('generator', 'dist')) ? resolve(here, '..', '..') : resolve(here, '..');
  return join(root, 'templates');
}
