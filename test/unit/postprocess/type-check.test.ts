import { describe, expect, it } from 'vitest';
import { GeneratedCodeError, postprocess, type TypeCheckState } from '../../../generator/postprocess/postprocess.js';
import { typeCheck } from '../../../generator/postprocess/type-check.js';

const GOOD = [
  { path: 'models/Pet.ts', content: 'export interface Pet {\n  id: number;\n}\n' },
  { path: 'apis/PetApi.ts', content: "import type { Pet } from '../models/Pet.js';\n\nexport async function getPet(): Promise<Pet> {\n  return { id: 1 };\n}\n" },
];

describe('typeCheck', () => {
  it('accepts a client that compiles under strict, with DOM and ES2022 globals', () => {
    const withGlobals = [...GOOD, { path: 'runtime/fetch.ts', content: 'export const get = (url: string): Promise<Response> => fetch(url);\nexport const ids = new Map<string, number>();\n' }];
    expect(typeCheck(withGlobals).problems).toEqual([]);
  });

  it('reports a broken file as file:line:col with the TypeScript code', () => {
    const broken = [GOOD[0]!, { path: 'apis/PetApi.ts', content: "import type { Pet } from '../models/Pet.js';\n\nexport const pet: Pet = {\n  id: 'one',\n};\n" }];
    expect(typeCheck(broken).problems).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:4:3 TS2322: Type 'string' is not assignable to type 'number'\./)]);
  });

  it('reports a missing module and an implicit any (strict)', () => {
    const problems = typeCheck([{ path: 'a.ts', content: "import type { X } from './missing.js';\nexport const f = (x) => x as X;\n" }]).problems;
    expect(problems.map((p) => p.replace(/:.*? (TS\d+):.*/s, ' $1'))).toEqual(['a.ts TS2307', 'a.ts TS7006']);
  });

  it('with the build info of a clean check, still finds an error a later change brings into a file that did not change', () => {
    const first = typeCheck(GOOD);
    expect(first.buildInfo).toBeDefined();
    const changedModel = [{ path: 'models/Pet.ts', content: 'export interface Pet {\n  id: string;\n}\n' }, GOOD[1]!];
    expect(typeCheck(changedModel, first.buildInfo).problems).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:4:12 TS2322/)]);
    expect(typeCheck(GOOD, first.buildInfo).problems).toEqual([]);
  });
});

describe('typeCheck with shipped files', () => {
  // A shipped runtime file whose body would not compile: only shipped files are trusted so.
  const runtime = { path: 'runtime/runtime.ts', content: "export function id(value: string): string {\n  const n: number = value;\n  return value;\n}\n" };
  const api = (argument: string) => ({ path: 'apis/PetApi.ts', content: `import { id } from '../runtime/runtime.js';\n\nexport const pet = id(${argument});\n` });

  it('does not check the bodies of shipped files', () => {
    expect(typeCheck([runtime, api("'a'")], undefined, new Set(['runtime/runtime.ts'])).problems).toEqual([]);
  });

  it('checks every use of them', () => {
    expect(typeCheck([runtime, api('1')], undefined, new Set(['runtime/runtime.ts'])).problems).toEqual([expect.stringMatching(/^apis\/PetApi\.ts:3:23 TS2345/)]);
  });

  it("checks the same file when it is not shipped (a user's edited runtime file)", () => {
    expect(typeCheck([runtime, api("'a'")]).problems).toEqual([expect.stringMatching(/^runtime\/runtime\.ts:2:9 TS2322/)]);
  });
});

describe('postprocess', () => {
  it('throws GeneratedCodeError naming file:line, and keeps the build info of the last clean check', async () => {
    const state: TypeCheckState = {};
    await postprocess(GOOD, new Set(), state, { inProcess: true });
    const info = state.buildInfo;
    expect(info).toBeDefined();
    await expect(postprocess([GOOD[0]!, { path: 'apis/PetApi.ts', content: 'export const x: number = "a";\n' }], new Set(), state, { inProcess: true })).rejects.toThrow(GeneratedCodeError);
    await expect(postprocess([{ path: 'a.ts', content: 'export const x: number = "a";\n' }], new Set())).rejects.toThrow(/a\.ts:1:14 TS2322/);
    expect(state.buildInfo).toBe(info);
  });

  it('organizes imports of template files only, falling back to the language service for unusual ones', async () => {
    const files = [
      { path: 'models/Pet.ts', content: 'export interface Pet {\n  id: number;\n}\nexport type Id = number;\n' },
      { path: 'apis/A.ts', content: "import { type Id } from '../models/Pet.js';\nimport type { Pet } from '../models/Pet.js';\n\nexport type X = Pet | Id;\n" },
      { path: 'runtime/r.ts', content: "import type { Pet } from '../models/Pet.js';\nimport type { Id } from '../models/Pet.js';\n\nexport type R = Pet | Id;\n" },
    ];
    const result = await postprocess(files, new Set(['runtime/r.ts']));
    expect(result.find((f) => f.path === 'apis/A.ts')?.content).toBe("import type { Pet } from '../models/Pet.js';\nimport { type Id } from '../models/Pet.js';\n\nexport type X = Pet | Id;\n");
    expect(result.find((f) => f.path === 'runtime/r.ts')?.content).toBe(files[2]!.content);
  });
});

describe('dependenciesFirst', () => {
  it('lists every file after the files it imports, whatever their names', async () => {
    const { dependenciesFirst } = await import('../../../generator/postprocess/type-check.js');
    const texts = new Map([
      ['/client/apis/A.ts', "import type { B } from '../models/B.js';\nexport type A = B;\n"],
      ['/client/models/B.ts', "import type { C } from './C.js';\nexport type B = C;\n"],
      ['/client/models/C.ts', 'export type C = 1;\n'],
      ['/client/index.ts', "export * from './apis/A.js';\nexport type { B } from './models/B.js';\n"],
    ]);
    expect(dependenciesFirst(texts)).toEqual(['/client/models/C.ts', '/client/models/B.ts', '/client/apis/A.ts', '/client/index.ts']);
  });

  it('checks a chain of 3,000 models importing each other without overflowing the stack', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => ({
      path: `models/M${i}.ts`,
      content: i + 1 < 3000 ? `import type { M${i + 1} } from './M${i + 1}.js';\nexport interface M${i} {\n  next?: M${i + 1};\n}\n` : `export interface M${i} {\n  id: number;\n}\n`,
    }));
    expect(typeCheck(chain).problems).toEqual([]);
  }, 120_000);
});
