import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, PETS_SPEC, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
  await project.write('specs/v1/store.yaml', PETS_SPEC.replace('title: Pets', 'title: Store'));
  await project.write('specs/v2/zoo.json', JSON.stringify({ openapi: '3.1.0', info: { title: 'Zoo', version: '1' }, paths: {} }));
  await project.write('specs/.drafts/draft.yaml', PETS_SPEC);
  await project.write('specs/notes.txt', 'not a spec');
});
afterEach(() => project.remove());

const exists = (path: string): Promise<boolean> => access(join(project.dir, path)).then(() => true, () => false);
const tools = (generators: Record<string, object>): string => JSON.stringify({ 'generator-cli': { version: '7.10.0', generators } });

describe('openapitools.json generators with "glob"', () => {
  it('generates once per matching file (sorted by path), filling #{name}, #{ext}, #{relDir}, #{Name} in the output and the properties', async () => {
    await project.write(
      'openapitools.json',
      tools({
        all: { generatorName: 'typescript-fetch', glob: 'specs/**/*.{yaml,json}', output: '#{cwd}/clients/#{relDir}/#{name}-#{ext}', additionalProperties: { npmName: '@acme/#{name}', npmVersion: '1.0.0' } },
      }),
    );
    const { code, out, err } = await project.run(['generate']);
    expect(err).toBe('');
    expect(code).toBe(0);
    // dotfolders are not matched (as glob's default), neither are other extensions; the order is the sorted paths
    expect(out.split('\n').filter(Boolean).map((line) => line.replace(/: wrote .*/, ''))).toEqual(['all (specs/v1/store.yaml)', 'all (specs/v2/zoo.json)']);
    expect(JSON.parse(await readFile(join(project.dir, 'clients/specs/v1/store-yaml/package.json'), 'utf8'))).toMatchObject({ name: '@acme/store' });
    expect(JSON.parse(await readFile(join(project.dir, 'clients/specs/v2/zoo-json/package.json'), 'utf8'))).toMatchObject({ name: '@acme/zoo' });
    expect(await readFile(join(project.dir, 'clients/specs/v1/store-yaml/README.md'), 'utf8')).toContain('Store');
    expect(await exists('clients/specs/.drafts')).toBe(false);
    await project.write('openapitools.json', tools({ one: { generatorName: 'typescript-fetch', glob: 'specs/v1/*.yaml', output: 'out/#{Name}' } }));
    expect((await project.run(['generate'])).code).toBe(0);
    expect(await exists('out/Store/index.ts')).toBe(true);
  }, 120_000);

  it('warns about a glob that matches nothing and fails when nothing is left to generate', async () => {
    await project.write(
      'openapitools.json',
      tools({
        none: { generatorName: 'typescript-fetch', glob: 'nowhere/*.yaml', output: 'out/#{name}' },
        pets: { generatorName: 'typescript-fetch', inputSpec: 'spec/pets.yaml', output: 'out/pets' },
      }),
    );
    const some = await project.run(['generate']);
    expect(some.code).toBe(0);
    expect(some.err).toContain('oasgen: warning: generator "none": no file matches glob "nowhere/*.yaml"');
    const nothing = await project.run(['generate', '--generator-key', 'none']);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('nothing to generate: glob "nowhere/*.yaml" of generator "none" matches no file');
  }, 60_000);

  it.each([
    [{ generatorName: 'typescript-fetch', glob: 'specs/**/*.{yaml,json}', output: 'out/same' }, [], 'all (specs/v1/store.yaml) and all (specs/v2/zoo.json) both write to'],
    [{ generatorName: 'typescript-fetch', glob: 'specs/**/*.{yaml,json}', output: 'out/#{name}' }, ['-o', 'x'], '-o cannot override the 2 generators of openapitools.json'],
  ])('refuses two generations into one folder: %j %j', async (generator, args, message) => {
    await project.write('openapitools.json', tools({ all: generator }));
    const { code, err } = await project.run(['generate', ...args]);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(await exists('out')).toBe(false);
  });
});
