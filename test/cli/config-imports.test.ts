import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
  // shared TypeScript: an import of the package, a type-only import, a relative path from its own folder, an import cycle
  await project.write(
    'config/shared.ts',
    `import { defineConfig, type JobConfig } from 'oasgen';
import type { Naming } from './naming.ts';
import { suffix } from './naming';
export const naming: Naming = { prefix: '@acme/' };
export const base = (name: string): Partial<JobConfig> => defineConfig({ spec: new URL('../spec/pets.yaml', import.meta.url).pathname, additionalProperties: { npmName: naming.prefix + name + suffix() } });
`,
  );
  await project.write('config/naming.ts', `import { naming } from './shared.js';\nexport interface Naming { prefix: string }\nexport const suffix = (): string => (naming.prefix === '@acme/' ? '-sdk' : '');\n`);
});
afterEach(() => project.remove());

/** Every .mjs file under the project but node_modules: the compiled temporary files must be gone. */
async function leftovers(): Promise<string[]> {
  const entries = await readdir(project.dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.mjs') && !e.parentPath.includes('node_modules')).map((e) => e.name);
}

// In-process, vitest's module runner could load a .ts import by itself: these tests check the
// specifier forms, the cleanup and the errors; test/package proves the same config in a plain
// `node` process of the installed package, where only oasgen's own compilation can load it.
describe('oasgen.config.ts importing local TypeScript', () => {
  it.each([['./config/shared.ts'], ['./config/shared.js'], ['./config/shared']])('import { base } from %j', async (specifier) => {
    await project.write('oasgen.config.ts', `import { defineConfig } from 'oasgen';\nimport { base } from '${specifier}';\nexport default defineConfig({ ...base('pets'), output: 'client' });\n`);
    const { code, err } = await project.run(['generate']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(join(project.dir, 'client/package.json'), 'utf8'))).toMatchObject({ name: '@acme/pets-sdk' });
    expect(await leftovers()).toEqual([]);
  }, 60_000);

  it('a real .js file next to a .ts one is imported as it is', async () => {
    await project.write('config/shared.js', `export const base = () => ({ spec: 'spec/pets.yaml', additionalProperties: { npmName: 'from-js' } });\n`);
    await project.write('oasgen.config.ts', `import { base } from './config/shared.js';\nexport default { ...base(), output: 'client' };\n`);
    expect((await project.run(['generate'])).code).toBe(0);
    expect(JSON.parse(await readFile(join(project.dir, 'client/package.json'), 'utf8'))).toMatchObject({ name: 'from-js' });
  }, 60_000);

  it('a missing import is a config error naming the config, and leaves nothing behind', async () => {
    await project.write('oasgen.config.ts', `import { base } from './config/missing.ts';\nexport default base;\n`);
    const { code, err } = await project.run(['generate']);
    expect(code).toBe(2);
    expect(err).toContain('oasgen.config.ts:');
    expect(err).toContain('missing.ts');
    expect(await leftovers()).toEqual([]);
  });
});
