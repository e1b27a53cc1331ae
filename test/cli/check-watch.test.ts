import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const GEN = ['generate', '-i', 'spec/pets.yaml', '-o', 'out'];

/** Every model's text: the loader bundles a referenced schema under a name of its own. */
async function models(): Promise<string> {
  const folder = join(project.dir, 'out/models');
  return (await Promise.all((await readdir(folder)).map((f) => readFile(join(folder, f), 'utf8')))).join('\n');
}

/** Polls `done` for up to 30 s; the error names what was awaited and what the CLI printed. */
async function until(done: () => Promise<boolean>, what: string, printed: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; stderr: ${printed()}`);
}

describe('--check, --silent, NO_COLOR, --watch', () => {
  it('--check prints a unified diff per differing file; colors only on a TTY without NO_COLOR; --silent prints nothing on success', async () => {
    const quiet = await project.run([...GEN, '--silent']);
    expect([quiet.code, quiet.out, quiet.err]).toEqual([0, '', '']);
    const pet = join(project.dir, 'out/models/Pet.ts');
    await writeFile(pet, (await readFile(pet, 'utf8')).replace('A pet.', 'An old pet.'));
    const plain = await project.run([...GEN, '--check']);
    expect(plain.code).toBe(1);
    expect(plain.err).toContain('differs: models/Pet.ts\n--- a/models/Pet.ts\n+++ b/models/Pet.ts\n@@');
    expect(plain.err).toContain('\n- * An old pet.\n+ * A pet.\n');
    expect(plain.err).not.toContain('\x1b[');
    const tty = await project.run([...GEN, '--check'], { isTTY: true, env: {} });
    expect(tty.err).toContain('\x1b[32m+ * A pet.\x1b[0m');
    const noColor = await project.run([...GEN, '--check'], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.err).toContain('\n+ * A pet.\n');
    expect(noColor.err.replace(/\r\x1b\[K[^\r\n]*/g, '')).not.toMatch(/\x1b\[3\dm/);
  }, 90_000);

  it('--watch regenerates when the spec file changes, until stopped', async () => {
    const controller = new AbortController();
    let err = '';
    const run = project.run([...GEN, '--watch'], { signal: controller.signal, err: (t) => (err += t) });
    const pet = join(project.dir, 'out/models/Pet.ts');
    const waitFor = (done: () => Promise<boolean>, what: string): Promise<void> => until(done, what, () => err);
    await waitFor(async () => err.includes('watching'), 'the first generation');
    const spec = join(project.dir, 'spec/pets.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('A pet.', 'A watched pet.'));
    await waitFor(async () => (await readFile(pet, 'utf8')).includes('A watched pet.'), 'the rewrite');
    expect(err).toContain('regenerating out');
    controller.abort();
    expect((await run).code).toBe(0);
  }, 60_000);

  it('--watch follows the files the spec references through $ref', async () => {
    await project.write('spec/schemas/pet.yaml', 'type: object\ndescription: A pet from a file.\nproperties: { id: { type: string } }\n');
    const spec = join(project.dir, 'spec/pets.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace(/    Pet:\n[\s\S]*?(?=    Owner:)/, "    Pet: { $ref: './schemas/pet.yaml' }\n"));
    const controller = new AbortController();
    let err = '';
    const run = project.run([...GEN, '--watch'], { signal: controller.signal, err: (t) => (err += t) });
    const waitFor = (done: () => Promise<boolean>, what: string): Promise<void> => until(done, what, () => err);
    await waitFor(async () => err.includes('watching'), 'the first generation');
    expect(await models()).toContain('A pet from a file.');
    await project.write('spec/schemas/pet.yaml', 'type: object\ndescription: An edited pet.\nproperties: { id: { type: string } }\n');
    await waitFor(async () => (await models()).includes('An edited pet.'), 'the rewrite');
    controller.abort();
    expect((await run).code).toBe(0);
  }, 60_000);

  it('--watch starts following a file the spec comes to reference, and a run served from the cache follows the files it read', async () => {
    await project.write('spec/schemas/pet.yaml', 'type: object\ndescription: A pet from a file.\nproperties: { id: { type: string } }\n');
    const spec = join(project.dir, 'spec/pets.yaml');
    let err = '';
    const waitFor = (done: () => Promise<boolean>, what: string): Promise<void> => until(done, what, () => err);
    const watchings = (): number => err.split('watching').length - 1;
    const controller = new AbortController();
    const first = project.run([...GEN, '--watch'], { signal: controller.signal, err: (t) => (err += t) });
    await waitFor(async () => watchings() === 1, 'the first generation');
    // The spec now takes Pet from a file it did not reference before: that file is watched from then on.
    await writeFile(spec, (await readFile(spec, 'utf8')).replace(/    Pet:\n[\s\S]*?(?=    Owner:)/, "    Pet: { $ref: './schemas/pet.yaml' }\n"));
    await waitFor(async () => watchings() === 2 && (await models()).includes('A pet from a file.'), 'the watch on the new file');
    await project.write('spec/schemas/pet.yaml', 'type: object\ndescription: An edited pet.\nproperties: { id: { type: string } }\n');
    await waitFor(async () => (await models()).includes('An edited pet.'), 'the rewrite after editing the referenced file');
    controller.abort();
    expect((await first).code).toBe(0);
    // Again, with nothing changed: the first run is served from the cache, which knows the files that run read.
    err = '';
    const again = new AbortController();
    const second = project.run([...GEN, '--watch'], { signal: again.signal, err: (t) => (err += t) });
    await waitFor(async () => watchings() === 1, 'the run served from the cache');
    expect(err).toContain('watching 2 file(s)');
    await project.write('spec/schemas/pet.yaml', 'type: object\ndescription: A pet edited again.\nproperties: { id: { type: string } }\n');
    await waitFor(async () => (await models()).includes('A pet edited again.'), 'the rewrite after a run served from the cache');
    again.abort();
    expect((await second).code).toBe(0);
  }, 90_000);
});
