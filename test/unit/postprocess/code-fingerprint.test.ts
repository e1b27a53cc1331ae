import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFingerprint } from '../../../generator/postprocess/code-fingerprint.js';
import { checkTypes as check, GeneratedCodeError, type TypeCheckState } from '../../../generator/postprocess/postprocess.js';

const BASE = "/** A pet. */\nexport const name = `pet ${1 + 2} of ${'x'}`; // trailing\nexport const re = /a\\/\\/b/g;\nexport const half = 4 / 2;\n";

describe('codeFingerprint', () => {
  it.each([
    { change: 'a JSDoc text', edited: BASE.replace('A pet.', 'A cat. */ /* still a comment'), same: true },
    { change: 'a line comment and layout', edited: BASE.replace('// trailing', '\n\n// other').replace('4 / 2', '4/2'), same: true },
    { change: 'a string', edited: BASE.replace("'x'", "'y'"), same: false },
    { change: 'template text after a substitution', edited: BASE.replace(' of ', ' /* of */ '), same: false },
    { change: 'a regular expression holding //', edited: BASE.replace('b/g', 'c/g'), same: false },
    { change: 'code after a division', edited: BASE.replace('4 / 2', '4 / 3'), same: false },
    { change: 'a comment closed early into code', edited: BASE.replace('A pet.', 'A pet. */ export const injected = 1; /*'), same: false },
  ])('$change: same fingerprint $same', ({ edited, same }) => {
    const before = codeFingerprint(BASE);
    expect(before).toBeDefined();
    expect(codeFingerprint(edited) === before).toBe(same);
  });

  it.each(['// @ts-expect-error\nexport const n: number = 1;\n', '/// <reference types="node" />\nexport {};\n', 'export const s = `open ${'])('has none when comments could matter or the scan fails: %j', (text) => {
    expect(codeFingerprint(text)).toBeUndefined();
  });
});

describe('checkTypes across runs', () => {
  const model = (doc: string, type = 'number') => [{ path: 'models/Pet.ts', content: `/** ${doc} */\nexport interface Pet {\n  id: ${type};\n}\n` }];

  // In process, where the build info shows whether TypeScript ran.
  const checkTypes = (files: { path: string; content: string }[], state: TypeCheckState) => check(files, state, { inProcess: true });

  it('skips the checker for a change in comments only, and still fails a change in code', async () => {
    const state: TypeCheckState = {};
    await checkTypes(model('A pet.'), state);
    const buildInfo = state.buildInfo;
    await checkTypes(model('A pet, edited.'), state);
    expect(state.buildInfo).toBe(buildInfo); // no new TypeScript build: the check was skipped
    expect(Object.keys(state.checked ?? {})).toEqual(['models/Pet.ts']);
    await expect(checkTypes(model('A pet, edited.', 'Missing'), state)).rejects.toThrow(GeneratedCodeError);
    await checkTypes([...model('A pet.'), { path: 'index.ts', content: 'export {};\n' }], state);
    expect(state.buildInfo).not.toBe(buildInfo); // another file: checked again
  }, 60_000);

  // Natively, a clean check keeps no fingerprints: its folder keeps the texts it checked, and the
  // next run fingerprints the ones that changed from there.
  it('natively, skips the checker for a change in comments only by the texts its folder kept, and still fails a change in code', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'oasgen-fingerprint-'));
    try {
      const state: TypeCheckState = {};
      await check(model('A pet.'), state, { folder });
      expect(state.checked?.['models/Pet.ts']?.code).toBeUndefined();
      await check(model('A pet, edited.'), state, { folder });
      // Skipped: the folder still holds the text of the first check, and the new fingerprint is kept.
      expect(await readFile(join(folder, 'models/Pet.ts'), 'utf8')).toBe(model('A pet.')[0]!.content);
      expect(state.checked?.['models/Pet.ts']?.code).toBeDefined();
      await expect(check(model('A pet, edited again.', 'Missing'), state, { folder })).rejects.toThrow(GeneratedCodeError);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
