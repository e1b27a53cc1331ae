/**
 * oasgen's programmatic API: `import { generate, defineConfig } from 'oasgen'`.
 * `generate` returns the files and diagnostics in memory and writes only with `write: true`.
 */
export { generate, type GenerateResult, type StageTiming } from './generate.js';
export type { GenerateOptions, GenerateOptionsInput } from './options.js';
export { defineConfig, type JobConfig, type OasgenConfig } from './config/define-config.js';
export type { OasgenPlugin } from './plugins/plugin.js';
export type { ExtraFile, ExtraFileView } from './plugins/extra-files.js';
export type { RenderedFile } from './render/render-files.js';
export type { Diagnostic } from './diagnostics/diagnostic.js';
export type { ApiModel } from './normalize/api-model.js';
export type * from './plan/render-plan.js';
export { SpecError } from './diagnostics/diagnostic.js';
export { CacheSession } from './cache/run-cache.js';
