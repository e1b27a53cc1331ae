import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main, type CliOutput } from '../../generator/cli.js';

/** A small spec with two tags and two schemas, so file selection and plugins have something to pick. */
export const PETS_SPEC = `openapi: 3.1.0
info: { title: Pets, version: 2.0.0 }
servers: [{ url: https://pets.example.com }]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      tags: [pets]
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }
  /owners:
    get:
      operationId: listOwners
      tags: [owners]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Owner' } } } } }
components:
  schemas:
    Pet:
      type: object
      description: A pet.
      required: [id]
      properties: { id: { type: string }, name: { type: string } }
    Owner:
      type: object
      properties: { name: { type: string } }
`;

/** A temporary project folder: write files into it and run the CLI there as a user would. */
export interface CliProject {
  dir: string;
  write(path: string, content: string): Promise<string>;
  run(args: string[], io?: Partial<CliOutput>): Promise<{ code: number; out: string; err: string }>;
  remove(): Promise<void>;
}

export async function cliProject(): Promise<CliProject> {
  const dir = await mkdtemp(join(tmpdir(), 'oasgen-project-'));
  // `import { defineConfig } from 'oasgen'` in a config resolves to this checkout, as after `npm install oasgen`.
  await mkdir(join(dir, 'node_modules'), { recursive: true });
  await symlink(resolve(import.meta.dirname, '../..'), join(dir, 'node_modules', 'oasgen'));
  const write = async (path: string, content: string): Promise<string> => {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
    return target;
  };
  await write('spec/pets.yaml', PETS_SPEC);
  return {
    dir,
    write,
    async run(args, io = {}) {
      let out = '';
      let err = '';
      const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, env: {}, isTTY: false, ...io });
      return { code, out, err };
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
