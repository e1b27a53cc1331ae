import { access, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const read = (path: string): Promise<string> => readFile(join(project.dir, path), 'utf8');
const exists = (path: string): Promise<boolean> => access(join(project.dir, path)).then(() => true, () => false);

/** Every file a user can override with -t, as the built-in set has them. */
async function builtinFiles(): Promise<string[]> {
  const entries = await readdir('templates', { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.parentPath !== 'templates' && !e.name.endsWith('.test.ts'))
    .map((e) => `${e.parentPath.slice('templates/'.length)}/${e.name}`)
    .sort();
}

describe('oasgen templates eject', () => {
  it('copies every file -t can override (files/, partials/, docs/, runtime/*.ts), byte for byte, and lists them', async () => {
    const { code, out } = await project.run(['templates', 'eject', 'mine']);
    expect(code).toBe(0);
    const want = await builtinFiles();
    expect(want).toContain('runtime/runtime.ts');
    for (const file of want) {
      expect(out).toContain(`  ${file}\n`);
      expect(await read(`mine/${file}`)).toBe(await readFile(join('templates', file), 'utf8'));
    }
    expect(out).toContain(`copied ${want.length} templates to mine`);
    expect(out).toContain('runtime/*.ts above all');
  });

  it('copies nothing when any of the files is already there, and keeps that file', async () => {
    await project.write('mine/partials/jsdoc.hbs', 'my own\n');
    const { code, err } = await project.run(['templates', 'eject', 'mine']);
    expect(code).toBe(2);
    expect(err).toContain('already has partials/jsdoc.hbs');
    expect(err).toContain('nothing was overwritten');
    expect([await read('mine/partials/jsdoc.hbs'), await exists('mine/files'), await exists('mine/runtime')]).toEqual(['my own\n', false, false]);
  });

  it('an ejected runtime file, edited, replaces the built-in one in the client (and is type-checked with it)', async () => {
    expect((await project.run(['templates', 'eject', 'mine'])).code).toBe(0);
    const runtime = await read('mine/runtime/runtime.ts');
    await project.write('mine/runtime/runtime.ts', `${runtime}\nexport const RUNTIME_FLAVOUR = 'acme';\n`);
    const { code, err } = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '-t', 'mine']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(await read('out/runtime/runtime.ts')).toContain("export const RUNTIME_FLAVOUR = 'acme';");
    await project.write('mine/runtime/runtime.ts', runtime.replace('export class BaseAPI', 'export class RenamedBaseAPI'));
    const broken = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'broken', '-t', 'mine']);
    expect(broken.code).toBe(1);
    expect(await exists('broken')).toBe(false);
    // An edited runtime file is checked whole, not trusted as the shipped one is.
    await project.write('mine/runtime/runtime.ts', `${runtime}\nexport const BROKEN: number = 'text';\n`);
    const wrong = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'wrong', '-t', 'mine']);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/runtime\/runtime\.ts:\d+:\d+ TS2322/);
  }, 60_000);
});
