import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, PETS_SPEC, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const exists = (path: string): Promise<boolean> => access(join(project.dir, path)).then(() => true, () => false);

describe('oasgen.config.*', () => {
  it('finds oasgen.config.ts in the working directory, compiles it, and runs its job (typed defineConfig from the package)', async () => {
    await project.write(
      'oasgen.config.ts',
      `import { defineConfig, type JobConfig } from 'oasgen';
const job: JobConfig = { spec: 'spec/pets.yaml', output: 'client', additionalProperties: { npmName: 'from-ts-config' } };
export default defineConfig(job satisfies JobConfig);
`,
    );
    const { code, err } = await project.run(['generate']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(join(project.dir, 'client/package.json'), 'utf8'))).toMatchObject({ name: 'from-ts-config' });
    // the compiled temporary file is removed
    expect((await import('node:fs')).readdirSync(project.dir).filter((f) => f.endsWith('.mjs'))).toEqual([]);
  }, 60_000);

  it('runs every job of an .mjs config, each inheriting the top-level keys; -o overrides a single job', async () => {
    await project.write('specs/store.yaml', PETS_SPEC.replace('title: Pets', 'title: Store'));
    await project.write(
      'oasgen.config.mjs',
      `export default { globalProperty: 'models', jobs: [{ spec: 'spec/pets.yaml', output: 'out/pets' }, { spec: 'specs/store.yaml', output: 'out/store', globalProperty: 'apis' }] };\n`,
    );
    expect((await project.run(['generate'])).code).toBe(0);
    // a job's own key replaces the top-level one: store writes apis only
    expect([await exists('out/pets/models/Pet.ts'), await exists('out/pets/apis/PetsApi.ts'), await exists('out/store/models/Pet.ts'), await exists('out/store/apis/PetsApi.ts')]).toEqual([true, false, false, true]);
    const overridden = await project.run(['generate', '-o', 'elsewhere']);
    expect(overridden.code).toBe(2);
    expect(overridden.err).toContain('-o cannot override the 2 jobs');
  }, 90_000);

  it('reads oasgen.config.json; flags override it', async () => {
    await project.write('oasgen.config.json', JSON.stringify({ spec: 'spec/pets.yaml', output: 'from-json', strict: false }));
    expect((await project.run(['generate', '-o', 'from-flag'])).code).toBe(0);
    expect([await exists('from-flag/index.ts'), await exists('from-json')]).toEqual([true, false]);
  }, 60_000);

  it('reports a config that does not load as a usage error', async () => {
    await project.write('oasgen.config.mjs', 'export default 42;\n');
    const { code, err } = await project.run(['generate']);
    expect(code).toBe(2);
    expect(err).toContain('oasgen.config.mjs: the config must be an object');
  });
});
