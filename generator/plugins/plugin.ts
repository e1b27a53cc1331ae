import type { Project } from 'ts-morph';
import type { ApiModel } from '../normalize/api-model.js';
import type { RenderedFile } from '../render/render-files.js';

/**
 * A plugin: a few optional hooks called inside one `generate()` run, in the order the plugins
 * are listed. Each hook sees the stage's value and returns (or edits) it; none prints.
 */
export interface OasgenPlugin {
  /** Shown in error messages when a hook throws. */
  name: string;
  /** Edits the IR (the normalized document) before planning; return the model to use. */
  transformModel?(model: ApiModel): ApiModel | void | Promise<ApiModel | void>;
  /** Extra files for the output folder (`.ts` files are type-checked and formatted with the client). */
  files?(context: { model: ApiModel }): RenderedFile[] | Promise<RenderedFile[]>;
  /** Edits the rendered TypeScript through ts-morph (`/client/<path>` per file) before it is type-checked. */
  afterRender?(context: { project: Project }): void | Promise<void>;
}

/** A plugin hook threw: names the plugin and the hook. */
export class PluginError extends Error {
  constructor(
    readonly plugin: string,
    readonly hook: string,
    cause: unknown,
  ) {
    super(`plugin "${plugin}" failed in ${hook}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PluginError';
  }
}
