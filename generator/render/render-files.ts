import Handlebars from 'handlebars';
import type { PlannedFile, RenderPlan } from '../plan/render-plan.js';
import { templateHelpers } from './helpers.js';
import { TemplateError } from './template-error.js';
import type { TemplateSet, TemplateSource } from './template-set.js';

export interface RenderedFile {
  path: string;
  content: string;
}

const TEMPLATE_OF: Record<Exclude<PlannedFile['template'], 'runtime'>, string> = {
  model: 'files/model',
  api: 'files/api',
  index: 'files/index',
  servers: 'files/servers',
  security: 'files/security',
  webhooks: 'files/webhooks',
  'doc-readme': 'docs/readme',
  'doc-api': 'docs/api',
  'doc-model': 'docs/model',
};

/** Renders every planned file with an isolated Handlebars environment (no global registry). */
export function renderFiles(plan: RenderPlan, templates: TemplateSet): RenderedFile[] {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries({ ...templateHelpers(), ...templates.helpers })) env.registerHelper(name, helper);
  for (const [name, partial] of templates.partials) env.registerPartial(name, attributed(compile(env, partial), partial.file));
  const compiled = new Map<string, { source: TemplateSource; run: Handlebars.TemplateDelegate }>();
  const templateFor = (name: string): { source: TemplateSource; run: Handlebars.TemplateDelegate } => {
    const cached = compiled.get(name);
    if (cached) return cached;
    const source = templates.templates.get(name);
    if (!source) throw new TemplateError(`templates/${name}.hbs`, name, 'template not found');
    const entry = { source, run: compile(env, source) };
    compiled.set(name, entry);
    return entry;
  };
  return plan.files.map((file) => {
    if (file.template === 'runtime') return { path: file.path, content: file.source };
    const { source, run } = templateFor(TEMPLATE_OF[file.template]);
    try {
      return { path: file.path, content: run(file.view) };
    } catch (error) {
      if (error instanceof TemplateError) throw new TemplateError(error.file, file.path, error.reason);
      throw new TemplateError(source.file, file.path, error instanceof Error ? error.message : String(error));
    }
  });
}

function compile(env: typeof Handlebars, template: TemplateSource): Handlebars.TemplateDelegate {
  return env.compile(template.source, { noEscape: true, strict: true, preventIndent: false });
}

/** A partial that fails reports its own file (and line), not the template that called it. */
function attributed(run: Handlebars.TemplateDelegate, file: string): Handlebars.TemplateDelegate {
  return (context, options) => {
    try {
      return run(context, options);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw new TemplateError(file, '', error instanceof Error ? error.message : String(error));
    }
  };
}
