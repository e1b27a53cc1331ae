import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import type { ApiModel } from '../normalize/api-model.js';
import type { IndexView } from '../plan/render-plan.js';
import { templateHelpers } from '../render/helpers.js';
import { COMPILE_OPTIONS } from '../render/precompiled.js';
import type { RenderedFile } from '../render/render-files.js';
import { TemplateError } from '../render/template-error.js';
import type { TemplateSet } from '../render/template-set.js';

/** A file the user's config adds: a Handlebars template rendered once with `ExtraFileView`. */
export interface ExtraFile {
  /** Path inside the output folder, e.g. `client.ts`. */
  path: string;
  /** The `.hbs` template file (relative to the config file's folder). */
  template: string;
}

/** What an extra file's template receives. */
export interface ExtraFileView extends IndexView {
  title: string;
  version: string;
  description: string;
}

/** Renders the config's extra files with the same helpers and partials as the built-in templates. */
export async function renderExtraFiles(extra: readonly ExtraFile[], templates: TemplateSet, model: ApiModel, index: IndexView): Promise<RenderedFile[]> {
  if (extra.length === 0) return [];
  // Loaded only here: a run without extra files may need Handlebars' runtime alone (precompiled.ts).
  const env = (createRequire(import.meta.url)('handlebars') as typeof Handlebars).create();
  for (const [name, helper] of Object.entries({ ...templateHelpers(), ...templates.helpers })) env.registerHelper(name, helper);
  for (const [name, partial] of templates.partials) env.registerPartial(name, env.compile(partial.source, COMPILE_OPTIONS));
  const view: ExtraFileView = { ...index, title: model.info.title, version: model.info.version, description: model.info.description ?? '' };
  const files: RenderedFile[] = [];
  for (const file of extra) {
    const source = await readFile(file.template, 'utf8');
    try {
      files.push({ path: file.path, content: env.compile(source, COMPILE_OPTIONS)(view) });
    } catch (error) {
      throw new TemplateError(file.template, file.path, error instanceof Error ? error.message : String(error));
    }
  }
  return files;
}
