import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import type { PlannedFile, RenderPlan } from '../plan/render-plan.js';
import { templateHelpers } from './helpers.js';
import { COMPILE_OPTIONS, handlebarsFor, loadPrecompiled, type Precompiled } from './precompiled.js';
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
  const renderer = new Renderer(templates, createRequire(import.meta.url)('handlebars') as typeof Handlebars);
  return plan.files.map((file) => renderer.render(file));
}

/** A renderer for `templates`, with what the build precompiled of them. */
export async function createRenderer(templates: TemplateSet): Promise<Renderer> {
  const precompiled = await loadPrecompiled();
  return new Renderer(templates, handlebarsFor(templates, precompiled), precompiled);
}

/**
 * A template set's isolated Handlebars environment (no global registry), its templates compiled
 * on first use and kept: a `--watch` session renders with one renderer while its templates are
 * unchanged (see RenderMemo). A template or partial the build precompiled (same source text) is
 * taken from `precompiled`; `handlebars` needs its compiler only for the others (precompiled.ts).
 */
export class Renderer {
  private readonly env: typeof Handlebars;
  private readonly compiled = new Map<string, { source: TemplateSource; run: Handlebars.TemplateDelegate }>();

  constructor(
    private readonly templates: TemplateSet,
    handlebars: typeof Handlebars,
    private readonly precompiled: Precompiled = new Map(),
  ) {
    this.env = handlebars.create();
    for (const [name, helper] of Object.entries({ ...templateHelpers(), ...templates.helpers })) this.env.registerHelper(name, helper);
    for (const [name, partial] of templates.partials) this.env.registerPartial(name, attributed(this.compile(partial), partial.file));
  }

  render(file: PlannedFile): RenderedFile {
    if (file.template === 'runtime') return { path: file.path, content: file.source };
    const { source, run } = this.templateFor(TEMPLATE_OF[file.template]);
    try {
      return { path: file.path, content: run(file.view) };
    } catch (error) {
      if (error instanceof TemplateError) throw new TemplateError(error.file, file.path, error.reason);
      throw new TemplateError(source.file, file.path, error instanceof Error ? error.message : String(error));
    }
  }

  private templateFor(name: string): { source: TemplateSource; run: Handlebars.TemplateDelegate } {
    const cached = this.compiled.get(name);
    if (cached) return cached;
    const source = this.templates.templates.get(name);
    if (!source) throw new TemplateError(`templates/${name}.hbs`, name, 'template not found');
    const entry = { source, run: this.compile(source) };
    this.compiled.set(name, entry);
    return entry;
  }

  private compile(template: TemplateSource): Handlebars.TemplateDelegate {
    const spec = this.precompiled.get(template.source);
    return spec ? this.env.template(spec) : this.env.compile(template.source, COMPILE_OPTIONS);
  }
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
