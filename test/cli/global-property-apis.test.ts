import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliProject, type CliProject } from './cli-project.js';

let project: CliProject;
beforeEach(async () => {
  project = await cliProject();
});
afterEach(() => project.remove());

const exists = (path: string): Promise<boolean> => access(join(project.dir, path)).then(() => true, () => false);
const FILES = ['apis/PetsApi.ts', 'apis/OwnersApi.ts', 'docs/PetsApi.md', 'docs/OwnersApi.md', 'models/Pet.ts', 'index.ts'];

describe('--global-property apis=<names>', () => {
  it.each([
    // OpenAPI Generator's sanitized tag, the tag as the spec spells it, the class name
    ['apis=Pets', [true, false, true, false, false, false]],
    ['apis=pets:OwnersApi', [true, true, true, true, false, false]],
    ['apis=owners,apiDocs=false', [false, true, false, false, false, false]],
    ['apis=Nothing', [false, false, false, false, false, false]],
  ])('%s writes only the selected API classes (and their docs)', async (property, want) => {
    const { code, err } = await project.run(['generate', '-i', 'spec/pets.yaml', '-o', 'out', '--global-property', property]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(await Promise.all(FILES.map((f) => exists(`out/${f}`)))).toEqual(want);
  }, 60_000);
});
