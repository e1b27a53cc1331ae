import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const exists = (path: string): Promise<boolean> => access(join(project.dir, path)).then(() => true, () => false);

describe('openapi-generator-cli generate flags', () => {
  it.each([
    [['generate', '-g', 'java', '-i', 'spec/pets.yaml', '-o', 'out'], '-g java is not supported'],
    [['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--type-mappings', 'x=y'], "Unknown option '--type-mappings'"],
    [['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--generator-key', 'v1'], 'openapitools.json not found'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const { code, err } = await project.run(args);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });

  it('takes an OpenAPI Generator script as is: -g typescript-fetch, -p npmName/npmVersion, ignored properties warn', async () => {
    const { code, err } = await project.run(['generate', '-g', 'typescript-fetch', '-i', 'spec/pets.yaml', '-o', 'out', '--skip-validate-spec', '--additional-properties=npmName=@acme/pets,npmVersion=1.2.3,supportsES6=true,withInterfaces=true,supportsES6=false']);
    expect(code).toBe(0);
    const pkg = JSON.parse(await readFile(join(project.dir, 'out/package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: '@acme/pets', version: '1.2.3', type: 'module', types: './dist/index.d.ts' });
    expect(await exists('out/tsconfig.json')).toBe(true);
    expect(err).toContain('additional property withInterfaces is ignored');
    expect(err).toContain('supportsES6=false is ignored');
  }, 60_000);

  it('-c reads generator options from YAML; --global-property writes only the selected kinds', async () => {
    await project.write('gen.yaml', 'npmName: pets-client\n');
    const { code } = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '-c', 'gen.yaml', '--global-property', 'models,supportingFiles,modelDocs=false']);
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(join(project.dir, 'out/package.json'), 'utf8'))).toMatchObject({ name: 'pets-client', version: '1.0.0' });
    expect(await exists('out/models/Pet.ts')).toBe(true);
    expect(await exists('out/index.ts')).toBe(true);
    expect(await exists('out/apis/PetsApi.ts')).toBe(false);
    expect(await exists('out/docs/Pet.md')).toBe(false);
    const only = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'only', '--global-property', 'models=Pet']);
    expect(only.code).toBe(0);
    expect([await exists('only/models/Pet.ts'), await exists('only/models/Owner.ts'), await exists('only/docs/Pet.md'), await exists('only/index.ts')]).toEqual([true, false, true, false]);
  }, 60_000);
});

const TOOLS = {
  $schema: './node_modules/@openapitools/openapi-generator-cli/config.schema.json',
  spaces: 2,
  'generator-cli': {
    version: '7.10.0',
    generators: {
      pets: { generatorName: 'typescript-fetch', inputSpec: '#{cwd}/spec/pets.yaml', output: '#{cwd}/clients/#{name}', additionalProperties: { npmName: 'pets-sdk' } },
      again: { generatorName: 'typescript-fetch', inputSpec: 'spec/pets.yaml', output: 'clients/again', globalProperty: { models: '' } },
      off: { generatorName: 'typescript-fetch', inputSpec: 'spec/pets.yaml', output: 'clients/off', disabled: true },
    },
  },
};

describe('openapitools.json', () => {
  it('runs every enabled generator when no key is given, and the selected one with --generator-key', async () => {
    await project.write('openapitools.json', JSON.stringify(TOOLS));
    const all = await project.run(['generate']);
    expect(all.code).toBe(0);
    expect(all.err).toContain('skipped generator "off"');
    expect(JSON.parse(await readFile(join(project.dir, 'clients/pets/package.json'), 'utf8'))).toMatchObject({ name: 'pets-sdk' });
    expect([await exists('clients/again/models/Pet.ts'), await exists('clients/again/apis/PetsApi.ts'), await exists('clients/off')]).toEqual([true, false, false]);
    await project.write('spec/pets.yaml', (await readFile(join(project.dir, 'spec/pets.yaml'), 'utf8')).replace('A pet.', 'A very good pet.'));
    const one = await project.run(['generate', '--generator-key', 'again']);
    expect(one.code).toBe(0);
    expect(await readFile(join(project.dir, 'clients/again/models/Pet.ts'), 'utf8')).toContain('A very good pet.');
    expect(await readFile(join(project.dir, 'clients/pets/models/Pet.ts'), 'utf8')).not.toContain('A very good pet.');
  }, 90_000);

  it.each([
    [{ 'generator-cli': { generators: {} } }, "must have required property 'version'"],
    [{ 'generator-cli': { version: '7.0.0', generators: { a: { inputSpec: 'spec/pets.yaml', output: 'x' } } } }, "/generator-cli/generators/a must have required property 'generatorName'"],
    [{ 'generator-cli': { version: '7.0.0' }, extra: 1 }, 'must NOT have additional properties'],
    [{ 'generator-cli': { version: '7.0.0', generators: { j: { generatorName: 'java', inputSpec: 'spec/pets.yaml', output: 'x' } } } }, 'oasgen only generates typescript-fetch'],
  ])('rejects %j against the wrapper schema', async (config, message) => {
    await project.write('openapitools.json', JSON.stringify(config));
    const { code, err } = await project.run(['generate']);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});
