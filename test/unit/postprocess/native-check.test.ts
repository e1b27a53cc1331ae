import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkNatively, nativeCompiler, parseProblems, type NativeCompiler } from '../../../generator/postprocess/native-check.js';
import { checkTypes, GeneratedCodeError, startTypeCheck, type TypeCheckState } from '../../../generator/postprocess/postprocess.js';
import { typeCheck } from '../../../generator/postprocess/type-check.js';

const PET = { path: 'models/Pet.ts', content: 'export interface Pet {\n  id: number;\n}\n' };
const API = { path: 'apis/PetApi.ts', content: "import type { Pet } from '../models/Pet.js';\n\nexport async function getPet(): Promise<Pet> {\n  return { id: 1 };\n}\n" };
const GLOBALS = { path: 'runtime/fetch.ts', content: 'export const get = (url: string): Promise<Response> => fetch(url);\nexport const ids = new Map<string, number>();\n' };
const BROKEN_API = { path: 'apis/PetApi.ts', content: "import type { Pet } from '../models/Pet.js';\n\nexport const pet: Pet = {\n  id: 'one',\n};\n" };

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'oasgen-native-check-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const compiler = (): NativeCompiler => {
  const found = nativeCompiler();
  if (!found) throw new Error('typescript-native has no binary for this platform');
  return found;
};
const mirrored = (files: { path: string; content: string }[]) => files.map((f) => ({ ...f, hash: createHash('sha1').update(f.content).digest('base64url') }));
const checkers: [string, (files: { path: string; content: string }[], where?: string) => Promise<string[]>][] = [
  ['in process', async (files) => typeCheck(files).problems],
  ['native', (files, where = folder) => checkNatively(compiler(), mirrored(files), where)],
];

describe.each(checkers)('the %s check', (_, check) => {
  it.each([
    { given: 'a client that compiles under strict, with DOM and ES2022 globals', files: [PET, API, GLOBALS], want: [] },
    { given: 'a wrong property type', files: [PET, BROKEN_API], want: [/^apis\/PetApi\.ts:4:3 TS2322: Type 'string' is not assignable to type 'number'\.$/] },
    {
      given: 'a missing module and an implicit any',
      files: [{ path: 'a.ts', content: "import type { X } from './missing.js';\nexport const f = (x) => x as X;\n" }],
      want: [/^a\.ts:1:24 TS2307/, /^a\.ts:2:19 TS7006/],
    },
  ])('given $given, reports $want.length problem(s) as file:line:col TSnnnn', async ({ files, want }) => {
    expect(await check(files)).toEqual(want.map((pattern) => expect.stringMatching(pattern)));
  });
});

describe('checkNatively', () => {
  it('finds the nativeCompiler installed for this platform', () => {
    expect(compiler().checker).toMatch(/^typescript 7\.\d+\.\d+ native /);
  });

  it('re-checks in the same folder: finds an error a change of one file brings into another, and forgets files no longer generated', async () => {
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
    const stringId = { path: PET.path, content: PET.content.replace('number', 'string') };
    expect(await checkNatively(compiler(), mirrored([stringId, API]), folder)).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:4:12 TS2322/)]);
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
    // Pet.ts written by the earlier runs must not stand in for a file this run does not have.
    expect(await checkNatively(compiler(), mirrored([API]), folder)).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:1:26 TS2307/)]);
    const standalone = { path: API.path, content: 'export const id: number = 1;\n' };
    expect(await checkNatively(compiler(), mirrored([PET, standalone]), folder)).toEqual([]);
    expect(await checkNatively(compiler(), mirrored([standalone]), folder)).toEqual([]);
    expect(await readdir(join(folder, 'models'))).toEqual([]);
  }, 60_000);

  it('starts afresh in a folder whose list of files is gone (a run stopped half way)', async () => {
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
    await rm(join(folder, 'oasgen-mirrored.json'));
    expect(await checkNatively(compiler(), mirrored([API]), folder)).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:1:26 TS2307/)]);
  }, 60_000);

  it('repeats a failing check in a fresh folder when the kept one was tampered with, so the cache never decides the outcome', async () => {
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
    await rm(join(folder, 'models/Pet.ts'));
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
    await writeFile(join(folder, 'models/Pet.ts'), 'export interface Pet {\n  id: string;\n}\n');
    expect(await checkNatively(compiler(), mirrored([PET, API]), folder)).toEqual([]);
  }, 60_000);
});

describe('parseProblems', () => {
  it.each([
    { given: 'nothing', output: '', want: [] },
    {
      given: 'one located error',
      output: "a.ts(4,3): error TS2322: Type 'string' is not assignable to type 'number'.\n",
      want: ["a.ts:4:3 TS2322: Type 'string' is not assignable to type 'number'."],
    },
    {
      given: 'a message of several lines',
      output:
        "b.ts(1,7): error TS2322: Type '{ a: string; }' is not assignable to type 'X'.\n  Types of property 'a' are incompatible.\n    Type 'string' is not assignable to type 'number'.\n",
      want: [
        "b.ts:1:7 TS2322: Type '{ a: string; }' is not assignable to type 'X'.\n  Types of property 'a' are incompatible.\n    Type 'string' is not assignable to type 'number'.",
      ],
    },
    { given: 'an error with no file', output: "error TS5023: Unknown compiler option 'x'.\n", want: ["TS5023: Unknown compiler option 'x'."] },
    {
      given: 'errors out of order',
      output: 'b.ts(10,1): error TS1: late\nb.ts(9,2): error TS1: early\na.ts(2,1): error TS1: first\n',
      want: ['a.ts:2:1 TS1: first', 'b.ts:9:2 TS1: early', 'b.ts:10:1 TS1: late'],
    },
  ])('given $given', ({ output, want }) => {
    expect(parseProblems(output)).toEqual(want);
  });
});

describe('startTypeCheck', () => {
  it('resolves once the native check has started; a failure waits for its caller without being an unhandled rejection', async () => {
    const state: TypeCheckState = {};
    const run = await startTypeCheck([PET, BROKEN_API], state, { folder });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await expect(run.finished).rejects.toThrow(GeneratedCodeError);
    expect(state.checked).toBeUndefined();
  }, 60_000);

  it('checks in process when the native compiler cannot run (a folder that cannot be made), finding the same problems', async () => {
    const unwritable = join(folder, 'a-file');
    await writeFile(unwritable, '');
    const state: TypeCheckState = {};
    await expect(checkTypes([PET, BROKEN_API], state, { folder: join(unwritable, 'type-check') })).rejects.toThrow(/apis\/PetApi\.ts:4:3 TS2322/);
    await checkTypes([PET, API], state, { folder: join(unwritable, 'type-check') });
    expect(state.checker).toMatch(/^typescript 6\./);
  }, 60_000);

  it('keeps the checker and the files of a clean check, natively or in process', async () => {
    const native: TypeCheckState = {};
    await checkTypes([PET, API], native, { folder });
    expect(native.checker).toBe(compiler().checker);
    expect(Object.keys(native.checked ?? {}).sort()).toEqual(['apis/PetApi.ts', 'models/Pet.ts']);
    const inProcess: TypeCheckState = {};
    await checkTypes([PET, API], inProcess, { inProcess: true });
    expect(inProcess.checker).toMatch(/^typescript 6\./);
    expect(inProcess.buildInfo).toBeDefined();
    // A temporary folder is removed after the check.
    expect((await readdir(tmpdir())).filter((name) => name.startsWith('oasgen-check-'))).toEqual([]);
  }, 60_000);
});
