import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import { loadSpec } from '../../../generator/load/load-spec.js';
import { normalizeDocument } from '../../../generator/normalize/normalize-document.js';
import { builtinTemplatesDir } from '../../../generator/options.js';
import { planClient } from '../../../generator/plan/plan.js';
import type { RenderPlan } from '../../../generator/plan/render-plan.js';
import { COMPILE_OPTIONS, handlebarsFor, loadPrecompiled, precompiledModule, type Precompiled } from '../../../generator/render/precompiled.js';
import { Renderer, renderFiles } from '../../../generator/render/render-files.js';
import { loadTemplateSet, type TemplateSet } from '../../../generator/render/template-set.js';
import { validateDocument } from '../../../generator/validate/validate-document.js';
import { removeDir } from '../../helpers/generate-client.js';

const fullHandlebars = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
const precompile = (source: string): string => String(fullHandlebars.precompile(source, COMPILE_OPTIONS));

let dir: string;
let templates: TemplateSet;
let plan: RenderPlan;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oasgen-precompiled-'));
  templates = await loadTemplateSet(builtinTemplatesDir());
  const spec = await loadSpec('spec/agent-api.yaml');
  const sink = new DiagnosticSink(spec.sourceMap);
  plan = planClient(normalizeDocument(validateDocument(spec.document, sink)!, sink), templates.runtime);
});
afterAll(async () => removeDir(dir));

/** `text` as a module in the test folder, loaded as the build's module would be. */
async function loaded(name: string, text: string): Promise<Precompiled> {
  await writeFile(join(dir, name), text);
  return loadPrecompiled(pathToFileURL(join(dir, name)));
}

const rendered = (renderer: Renderer): string[] => plan.files.map((file) => renderer.render(file).content);

describe('templates precompiled by the build', () => {
  it('render every file of a client as the templates compiled at run time do, with Handlebars runtime alone', async () => {
    const precompiled = await loaded('all.js', precompiledModule(templates, precompile));
    expect(precompiled.size).toBe(new Set([...templates.templates.values(), ...templates.partials.values()].map((t) => t.source)).size);
    const handlebars = handlebarsFor(templates, precompiled);
    expect('compile' in handlebars).toBe(false);
    const want = renderFiles(plan, templates).map((f) => f.content);
    expect(rendered(new Renderer(templates, handlebars, precompiled))).toEqual(want);
  });

  it('are not taken for a template whose text differs: that one is compiled, with Handlebars whole', async () => {
    const precompiled = await loaded('builtin.js', precompiledModule(templates, precompile));
    const header = templates.partials.get('header')!;
    const edited: TemplateSet = { ...templates, partials: new Map([...templates.partials, ['header', { ...header, source: `// edited header\n${header.source}` }]]) };
    const handlebars = handlebarsFor(edited, precompiled);
    expect('compile' in handlebars).toBe(true);
    const files = rendered(new Renderer(edited, handlebars, precompiled));
    expect(files).toEqual(renderFiles(plan, edited).map((f) => f.content));
    expect(files.filter((text) => text.includes('// edited header')).length).toBeGreaterThan(5);
  });

  const cases: { name: string; given: string | undefined; want: number | RegExp }[] = [
    { name: 'no module (run from the sources): none', given: undefined, want: 0 },
    { name: 'an empty module: none', given: 'export default [];\n', want: 0 },
    { name: 'a module of another shape: an error', given: 'export default { a: 1 };\n', want: /not a module of precompiled templates/ },
    { name: 'an entry without a precompiled form: an error', given: 'export default [["{{a}}"]];\n', want: /not a module of precompiled templates/ },
  ];
  it.each(cases)('$name', async ({ name, given, want }) => {
    const file = `${name.replace(/\W+/g, '-')}.js`;
    const load = given === undefined ? loadPrecompiled(pathToFileURL(join(dir, 'missing.js'))) : loaded(file, given);
    if (typeof want === 'number') expect((await load).size).toBe(want);
    else await expect(load).rejects.toThrow(want);
  });
});
