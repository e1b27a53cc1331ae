import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { printTypeScript, type PrintedParts } from '../../../generator/format/typescript-printer.js';

const STYLE = { printWidth: 100, singleQuote: true, trailingComma: 'all' as const };
const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, parser: 'typescript' };
const LONG = 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx';
const SIGNATURE = '(params: Params, options?: RequestOptions): Promise<Pet> {';

// given: TypeScript as templates write it; printed: whether typescript-printer.ts prints it itself
// (else it is left to prettier). Each printed result must be prettier's, byte for byte.
const CASES: { name: string; given: string; printed: boolean }[] = [
  { name: 'imports, one name and many', given: "import type { A } from './a.js';\nimport { B, C } from \"./b.js\";\nimport D, { E } from './d.js';\nimport * as ns from 'ns';\nimport 'side-effect';\n", printed: true },
  { name: 'an import too long for one line', given: `import type { ${LONG}A, ${LONG}B } from './long.js';\n`, printed: true },
  { name: 'a lone long import stays on its line', given: `import type { ${LONG}${LONG} } from './long.js';\n`, printed: true },
  { name: 'exports', given: "export * from './a.js';\nexport * as b from './b.js';\nexport { c, d as e } from './c.js';\nexport type { F } from './f.js';\n", printed: true },
  { name: 'an interface with JSDoc, blank lines and quoted keys', given: "/**\n* Doc.\n   * More.\n*/\nexport interface Pet {\n/** The id. */\n  id: number;\n\n\n  'name-x'?: string;\n  \"plain\": boolean;\n  readonly [key: string]: unknown;\n}\n", printed: true },
  { name: 'an empty interface and one that extends', given: 'export interface A {}\nexport interface B extends A, C { x: string }\n', printed: true },
  { name: 'a long union as a property type: next line, then one a line', given: `export interface A {\n  a?: 'asc' | 'desc' | '${LONG}';\n  b?: 'asc' | 'desc' | '${LONG}' | '${LONG}b';\n}\n`, printed: true },
  { name: 'a union with null hugs an object type', given: `export interface A {\n  o?: { aaaa: string; ${LONG}: number } | null;\n  p?: Foo | null;\n}\n`, printed: true },
  { name: 'a type alias of a long union', given: `export type T = 'a' | 'b' | '${LONG}';\nexport type U = 'a' | 'b' | '${LONG}' | '${LONG}c';\n`, printed: true },
  { name: 'a type alias of a long literal', given: `export type T = '${LONG}${LONG}';\n`, printed: true },
  { name: 'intersections', given: `export type A = B & { ${LONG}: string; b: number };\nexport type C = ${LONG}D & ${LONG}E;\nexport type F = { a: string } & { b: string };\n`, printed: true },
  { name: 'an object type written broken stays broken; a flat one loses its last semicolon', given: 'export type A = {\n a: string };\nexport type B = { a: string; };\n', printed: true },
  { name: 'inline member docs stay before their member', given: `export type A = B & { /** The value. */ value: string; /** ${LONG} */ other: number | null; };\n`, printed: true },
  { name: 'arrays, parentheses and generics', given: "export type A = ('x' | 'y')[];\nexport type B = ('only')[];\nexport type C = ('a' | 'b') | Foo;\nexport type D = Array<Foo>;\nexport type E = Record<string, Foo[]>;\nexport type F = [string, number];\n", printed: true },
  { name: 'a constant object as const, with strings to requote', given: 'export const E = {\n  A: "x\\"y",\n  B: \'it\\\'s\',\n  C: "\\d",\n  F: 1.50,\n  G: -1,\n  H: 1E+5,\n} as const;\n', printed: true },
  { name: 'a docs example', given: "import type { Pet } from '../index.js';\n\nconst example: Pet = { id: 1, name: \"doggie\", tags: [{ id: 1, name: 'a' }], nested: {\n a: true } };\nconsole.log(example);\n", printed: true },
  { name: 'an array of objects prettier always breaks', given: "const a = [{ a: 1, b: 2 }, { a: 3, b: 4 }];\nconst b = [{ a: 1 }, { a: 3 }];\n", printed: true },
  {
    name: 'type arguments after a long alias name: broken one a line, or the whole right side on the next line',
    given: `export type ${LONG}Err = ResponseError<number, ErrorModel>;\nexport type ${LONG}LongerName = ResponseError<number, ErrorModel>;\nexport type ${LONG}${LONG} = ResponseError<number, ErrorModel>;\nexport type ${LONG}Other = Record<string, ErrorModel>;\n`,
    printed: true,
  },
  { name: 'type arguments that are not all simple, when they would break', given: `export type ${LONG}Err = Record<string, ErrorModel | null>;\n`, printed: false },
  { name: 'an array of numbers too long for its line (a fill)', given: `const a = [${Array.from({ length: 40 }, (_, i) => i * 1000).join(', ')}];\n`, printed: false },
  {
    name: 'an API class: constructor, methods whose signatures and calls break',
    given: `export class PetApi extends BaseAPI {\n  constructor(configuration?: Configuration) {\n    super(configuration, BASE_PATH);\n  }\n\n/**\n * Doc.\n */\n  getPet(params: GetPetParams = {}, options?: RequestOptions): Promise<Pet> {\n    return this.requestJson<Pet>({ method: "GET", path: "/pet/{id}", query: [{ name: "a", value: params.a, style: "form", explode: true }, { name: "b", value: params['b[]'], style: "form", explode: true }], body: { mediaType: params.contentType ?? "application/json", value: params.body }, security: [[{ scheme: securitySchemes.Auth, scopes: [] }]] }, options);\n  }\n  ${LONG}(params: GetPetParams, options?: RequestOptions): Promise<${LONG}> {\n    return this.request(options);\n  }\n}\n`,
    printed: true,
  },
  { name: 'a parenthesized alias, and parentheses prettier drops in a union', given: "export type A = (\n  | { a: 'x' }\n  | { b: 'y' }\n);\nexport type B = string | ((string | number)[]);\nexport type C = { a: string } & (\n  | { b: string }\n  | { c: string }\n);\n", printed: true },
  {
    name: 'an API example: a hugged last argument, try, if and else, for await',
    given: `import { PetApi, Configuration, ResponseError, type GetPetParams } from '../index.js';\n\nconst api = new PetApi(\n  new Configuration({\n    basePath: "http://localhost",\n    // Bearer authorization: auth\n    accessToken: 'TOKEN',\n  }),\n);\nconst short = new Configuration({ basePath: 'x' });\nconst long = new Configuration({ basePath: '${LONG}', accessToken: '${LONG}' });\n\nconst params: GetPetParams = {\n};\n\n// Events arrive as the server sends them.\ntry {\n  const result = await api.getPet(params);\n  for await (const event of api.getPetStream(params)) {\n    console.log(event.event, event.id, event.data);\n  }\n} catch (error) {\n  if (error instanceof ResponseError) console.error(error.status, error.body);\n  else throw error;\n}\n`,
    printed: true,
  },
  { name: 'a call whose last argument is hugged, and one that is not', given: `foo(a, { b: 1 });\nfoo(a, { b: '${LONG}', c: '${LONG}' });\nfoo({ a: 1 }, { b: 1 });\nfoo([1, 2], [3, 4]);\n`, printed: true },
  { name: 'a call with a function argument', given: 'foo(() => 1);\n', printed: false },
  // A method whose signature is 98 and 99 columns after the class body's indent: at 100 columns the first fits, the second breaks.
  ...[98, 99].map((width) => ({ name: `a method signature ${width} columns wide`, given: `export class A {\n  ${'m'.repeat(width - SIGNATURE.length)}${SIGNATURE}\n    return this.c(params);\n  }\n}\n`, printed: true })),
  { name: 'a blank line between parameters, kept', given: 'export class A {\n  get(a: A,\n\n b?: B): C {\n    return this.c(a);\n  }\n}\n', printed: true },
  { name: 'a decorated class', given: '@sealed\nexport class A {}\n', printed: false },
  { name: 'a decorated method', given: 'export class A {\n  @log\n  get(): void {}\n}\n', printed: false },
  { name: 'a declaration whose semicolon stands after a blank line', given: "const a: A = { b: 'c' }\n\n;\nconsole.log(a);\nconst d = 1\n;\nfoo(d)\n\n;\nimport { e } from 'e'\n\n;\nexport * from 'f'\n\n;\nif (a) foo(a)\n\n;\nbar();\n", printed: true },
  { name: 'a semicolon on the next line, then a blank line', given: "import type { A } from './a.js'\n;\n\nexport interface B {\n  a: A;\n}\nconst c = 1\n;\n\nfoo(c);\n", printed: true },
  { name: 'a union of one, with a leading bar', given: `export type A = | B;\nexport interface C {\n  d?: | '${LONG}${LONG}';\n}\n`, printed: true },
  { name: 'an object property with ! (a syntax error TypeScript parses)', given: "const a = { b!: 1 };\n", printed: false },
  { name: 'import defer', given: "import defer * as x from 'a';\n", printed: false },
  { name: 'using and await using', given: 'using a = open();\nawait using b = open();\n', printed: false },
  { name: 'a name written with a \\u escape', given: 'export const \\u0061b = 1;\n', printed: false },
  { name: 'an if inside an if', given: 'if (a) if (b) foo(); else bar();\n', printed: false },
  { name: 'a class with a property', given: 'export class A {\n  a = 1;\n}\n', printed: false },
  { name: 'a trailing line comment', given: 'export type A = string; // why\n', printed: false },
  { name: 'a comment inside a type', given: 'export type A = /* a */ string;\n', printed: false },
  { name: 'a syntax error', given: 'export interface A {\n', printed: false },
  { name: 'a shebang', given: '#!/usr/bin/env node\nexport const a = 1;\n', printed: false },
  { name: 'text other than ASCII in code', given: "export type A = 'é';\n", printed: false },
];

describe('printTypeScript', () => {
  it.each(CASES)('$name', async ({ given, printed }) => {
    const result = printTypeScript(given, STYLE);
    if (!printed) return expect(result).toBeUndefined();
    expect(result).toBe(await format(given, OPTIONS));
  });

  it('takes a call argument for short (a member chain) at a quarter of printWidth, as prettier does', async () => {
    const given = 'const resultOfTheOperation = await someApiClient.someLongMethodName(abcdefghijklmnopqrstuv);\n';
    const printed = printTypeScript(given, { printWidth: 80, singleQuote: true, trailingComma: 'all' });
    if (printed !== undefined) expect(printed).toBe(await format(given, { ...OPTIONS, printWidth: 80 }));
  });

  it('follows printWidth, the quote preference and trailing commas', async () => {
    const given = `import { ${LONG}A, ${LONG}B } from "./x.js";\nexport const o = {\n  a: 'it"s',\n};\n`;
    const options = { printWidth: 80, singleQuote: false, trailingComma: 'none' as const, parser: 'typescript' };
    expect(printTypeScript(given, { printWidth: 80, singleQuote: false, trailingComma: 'none' })).toBe(await format(given, options));
  });
});

describe('printTypeScript with printed class members kept (PrintedParts)', () => {
  const kept = (): PrintedParts & { hits: number; entries: Map<string, string> } => {
    const entries = new Map<string, string>();
    const parts = { hits: 0, entries, get: (text: string) => (entries.has(text) && parts.hits++, entries.get(text)), set: (text: string, printed: string) => void entries.set(text, printed) };
    return parts;
  };

  it.each(CASES.filter((c) => c.printed))('$name: the same print, member by member and again from what was kept', async ({ given }) => {
    const parts = kept();
    const want = await format(given, OPTIONS);
    expect(printTypeScript(given, STYLE, undefined, parts)).toBe(want);
    expect(printTypeScript(given, STYLE, undefined, parts)).toBe(want);
  });

  const api = CASES.find((c) => c.name.startsWith('an API class'))!.given;

  it('after an edit of one method, prints only that one and takes the others as kept', async () => {
    const parts = kept();
    printTypeScript(api, STYLE, undefined, parts);
    const members = parts.entries.size;
    expect(members).toBe(3);
    const edited = api.replace('return this.request(options);', 'return this.requestJson(options);');
    parts.hits = 0;
    expect(printTypeScript(edited, STYLE, undefined, parts)).toBe(await format(edited, OPTIONS));
    expect(parts.hits).toBe(members - 1);
    expect(parts.entries.size).toBe(members + 1);
  });

  it('prints a kept member as it was kept (the token check still holds it to the file)', () => {
    const parts = kept();
    printTypeScript(api, STYLE, undefined, parts);
    const [text, printed] = [...parts.entries].find(([, p]) => p.includes('super(configuration, BASE_PATH);'))!;
    parts.entries.set(text, printed.replace('super(configuration, BASE_PATH);', 'super(configuration,  BASE_PATH);'));
    expect(printTypeScript(api, STYLE, undefined, parts)).toContain('super(configuration,  BASE_PATH);');
    parts.entries.set(text, printed.replace('super(configuration, BASE_PATH);', 'super(configuration);'));
    expect(printTypeScript(api, STYLE, undefined, parts)).toBeUndefined();
  });
});
