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

/** A config whose plugin list is the given JavaScript source. */
const config = (plugins: string): string => `export default { spec: 'spec/pets.yaml', output: 'out', plugins: [${plugins}] };\n`;

describe('plugin hooks, through the CLI', () => {
  it('transformModel edits the IR before planning, files() adds files, afterRender edits the TypeScript through ts-morph', async () => {
    await project.write(
      'oasgen.config.mjs',
      config(`{
        name: 'drop-owners',
        transformModel(model) { return { ...model, operations: model.operations.filter((op) => op.operationId !== 'listOwners') }; },
      }, {
        name: 'extras',
        files: ({ model }) => [{ path: 'meta.ts', content: 'export const TITLE = ' + JSON.stringify(model.info.title) + ';\\n' }],
        afterRender({ project }) {
          project.getSourceFileOrThrow('/client/index.ts').addStatements("export { TITLE } from './meta.js';");
          project.getSourceFileOrThrow('/client/models/Pet.ts').getInterfaceOrThrow('Pet').addProperty({ name: 'tag', hasQuestionToken: true, type: 'string' });
        },
      }`),
    );
    const { code, err } = await project.run(['generate']);
    expect(err).toBe('');
    expect(code).toBe(0);
    await expect(access(join(project.dir, 'out/apis/OwnersApi.ts'))).rejects.toThrow();
    expect(await read('out/apis/PetsApi.ts')).toContain('getPet');
    expect(await read('out/meta.ts')).toBe("export const TITLE = 'Pets';\n");
    expect(await read('out/index.ts')).toContain("export { TITLE } from './meta.js';");
    expect(await read('out/models/Pet.ts')).toMatch(/tag\?: string;/);
  }, 60_000);

  it.each([
    [`{ name: 'breaks-types', afterRender({ project }) { project.getSourceFileOrThrow('/client/index.ts').addStatements("export const n: number = 'text';"); } }`, /does not type-check[\s\S]*index\.ts:\d+:\d+ TS2322/],
    [`{ name: 'throws', transformModel() { throw new Error('boom'); } }`, /plugin "throws" failed in transformModel: boom/],
    [`{ name: 'clash', files: () => [{ path: 'index.ts', content: '' }] }`, /plugin "clash" failed in files: "index.ts" is already generated/],
  ])('a failing plugin stops generation with a message naming it, and writes nothing (%#)', async (plugin, message) => {
    await project.write('oasgen.config.mjs', config(plugin));
    const { code, err } = await project.run(['generate']);
    expect(code).toBe(1);
    expect(err).toMatch(message);
    await expect(access(join(project.dir, 'out'))).rejects.toThrow();
  }, 60_000);
});
