import type { HelperDelegate } from 'handlebars';
import type { ExtraFile } from '../plugins/extra-files.js';
import type { OasgenPlugin } from '../plugins/plugin.js';
import type { AdditionalProperties } from './additional-properties.js';

/** One generation: a spec, an output folder, and how to generate it. Paths are relative to the config file. */
export interface JobConfig {
  /** Shown in messages; defaults to the output folder. */
  name?: string;
  /** The OpenAPI document (YAML or JSON). */
  spec: string;
  /** The folder the client and docs are written to. */
  output: string;
  /** A folder of templates/partials replacing the built-in ones of the same name (see templates/README.md). */
  templates?: string;
  /** Treat warnings as errors. */
  strict?: boolean;
  /** OpenAPI Generator's typescript-fetch additional properties (npmName, npmVersion, ...). */
  additionalProperties?: AdditionalProperties;
  /** OpenAPI Generator's global properties, e.g. `models,apis,modelDocs=false`: which files are written. */
  globalProperty?: string;
  /** Handlebars helpers added to the built-in `eq` and `join` (a name taken by a built-in replaces it). */
  helpers?: Record<string, HelperDelegate>;
  /** Files rendered from your own templates, once per job. */
  extraFiles?: ExtraFile[];
  /** Hooks into the pipeline (see README, "Plugins"). */
  plugins?: OasgenPlugin[];
}

/** oasgen.config.{ts,mjs,js,json}: one job, or `jobs` (each inheriting the top-level keys). */
export interface OasgenConfig extends Partial<JobConfig> {
  jobs?: Partial<JobConfig>[];
}

/** Types the config object; returns it as given. */
export function defineConfig(config: OasgenConfig): OasgenConfig {
  return config;
}
