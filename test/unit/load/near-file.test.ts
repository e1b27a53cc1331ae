import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nearFile } from '../../../generator/load/near-file.js';

describe('nearFile', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'oasgen-near-'));
    await mkdir(join(root, 'spec'));
    await mkdir(join(root, 'schemas', 'pets'), { recursive: true });
    await writeFile(join(root, 'spec', 'openapi.yaml'), '');
    await writeFile(join(root, 'spec', 'common.yaml'), '');
    await writeFile(join(root, 'schemas', 'pets', 'Pet.yaml'), '');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it.each([
    { given: 'a typo in the file name', missing: 'spec/comon.yaml', want: './common.yaml' },
    { given: 'another extension', missing: 'spec/common.yml', want: './common.yaml' },
    { given: 'a typo in a folder above', missing: 'schema/pets/Pet.yaml', want: '../schemas/pets/Pet.yaml' },
    { given: 'typos in a folder and the file, other case', missing: 'schema/pet/pet.yml', want: '../schemas/pets/Pet.yaml' },
    { given: 'nothing near', missing: 'spec/completely-different.yaml', want: undefined },
    { given: 'a folder with nothing near', missing: 'models/Pet.yaml', want: undefined },
    { given: 'a URL', missing: 'https://example.com/pet.yaml', want: undefined },
  ])('$given: $want', async ({ missing, want }) => {
    const path = missing.startsWith('https:') ? missing : join(root, missing);
    expect(await nearFile(path, join(root, 'spec', 'openapi.yaml'))).toBe(want);
  });
});
