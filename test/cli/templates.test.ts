import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const read = (path: string): Promise<string> => readFile(join(project.dir, path), 'utf8');

describe('templates users own', () => {
  it('ejects the built-in templates and partials, and refuses to overwrite them', async () => {
    const { code, out } = await project.run(['templates', 'eject', 'my-templates']);
    expect(code).toBe(0);
    expect(out).toContain('partials/jsdoc.hbs');
    expect(await read('my-templates/partials/jsdoc.hbs')).toBe(await readFile('templates/partials/jsdoc.hbs', 'utf8'));
    await access(join(project.dir, 'my-templates/files/model.hbs'));
    await access(join(project.dir, 'my-templates/docs/readme.hbs'));
    const again = await project.run(['templates', 'eject', 'my-templates']);
    expect(again.code).toBe(2);
  });

  it('an override of one partial wraps the built-in one, and uses a helper declared in the config', async () => {
    await project.write('tpl/partials/jsdoc.hbs', '{{#if lines.length}}// {{shout "documented"}}\n{{/if}}{{> builtin/jsdoc}}');
    await project.write('oasgen.config.mjs', `export default { helpers: { shout: (text) => String(text).toUpperCase() + '!' } };\n`);
    const { code, err } = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '-t', 'tpl']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const pet = await read('out/models/Pet.ts');
    expect(pet).toContain('// DOCUMENTED!\n/**\n * A pet.');
  }, 60_000);

  it('a template using a missing field or helper fails with its file and line', async () => {
    await project.write('tpl/partials/jsdoc.hbs', '{{> builtin/jsdoc}}\n{{#if lines.length}}\n{{nosuchfield}}{{/if}}');
    const field = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '-t', 'tpl']);
    expect(field.code).toBe(1);
    expect(field.err).toMatch(/tpl\/partials\/jsdoc\.hbs:3:3: "nosuchfield" not defined/);
    await project.write('tpl/files/index.hbs', 'export {};\n{{upper models}}\n');
    await project.write('tpl/partials/jsdoc.hbs', '{{> builtin/jsdoc}}');
    const helper = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '-t', 'tpl']);
    expect(helper.code).toBe(1);
    expect(helper.err).toMatch(/tpl\/files\/index\.hbs:2:3: "upper" not defined/);
    await expect(access(join(project.dir, 'out'))).rejects.toThrow();
  }, 60_000);

  it('renders the extra files the config declares', async () => {
    await project.write('extra/version.hbs', "export const API = '{{title}} {{version}}';\nexport const MODELS = [{{#each models}}'{{name}}', {{/each}}];\n");
    await project.write('oasgen.config.json', JSON.stringify({ spec: 'spec/pets.yaml', output: 'out', extraFiles: [{ path: 'version.ts', template: 'extra/version.hbs' }] }));
    expect((await project.run(['generate'])).code).toBe(0);
    expect(await read('out/version.ts')).toBe("export const API = 'Pets 2.0.0';\nexport const MODELS = ['Owner', 'Pet'];\n");
    expect(JSON.parse(await read('out/.oasgen-manifest.json')).files).toContain('version.ts');
  }, 60_000);

  it('--dump-context prints the view model of an operation and of a schema', async () => {
    const op = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--dump-context', 'getPet']);
    expect(op.code).toBe(0);
    const operation = JSON.parse(op.out) as { kind: string; files: { path: string; view: { methods: { name: string; paramsType: string }[] } }[] };
    expect(operation.kind).toBe('operation');
    expect(operation.files[0]!.path).toBe('apis/PetsApi.ts');
    expect(operation.files[0]!.view.methods[0]).toMatchObject({ name: 'getPet', paramsType: 'GetPetParams' });
    const schema = JSON.parse((await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--dump-context', 'Pet'])).out) as { files: { path: string; view: { name: string; declaration: string } }[] };
    expect(schema.files.map((f) => f.path)).toEqual(['models/Pet.ts', 'docs/Pet.md']);
    expect(schema.files[0]!.view).toMatchObject({ name: 'Pet', declaration: 'interface' });
    const missing = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--dump-context', 'nope']);
    expect(missing.code).toBe(2);
    await expect(access(join(project.dir, 'out'))).rejects.toThrow();
  }, 60_000);
});
