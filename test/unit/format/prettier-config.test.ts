import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayHoldConfig, prettierVersion, userPrettierOptions } from '../../../generator/format/prettier-config.js';
import { removeDir } from '../../helpers/generate-client.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'oasgen-prettier-config-'));
});
afterAll(async () => removeDir(root));

describe('userPrettierOptions', () => {
  // Files (relative to a project folder; the output folder is project/a/out), and whether prettier must be asked.
  const cases: { name: string; given: Record<string, string>; wantAsked: boolean }[] = [
    { name: 'no config anywhere', given: {}, wantAsked: false },
    { name: 'a package.json without a prettier key', given: { 'package.json': '{ "name": "app", "devDependencies": { "prettier": "3" } }' }, wantAsked: false },
    { name: 'a package.json with a prettier key', given: { 'package.json': '{ "name": "app", "prettier": { "semi": false } }' }, wantAsked: true },
    { name: 'a package.json that does not parse', given: { 'package.json': '{ "name": ' }, wantAsked: true },
    { name: 'a .prettierrc in the output folder', given: { 'a/out/.prettierrc': '{ "printWidth": 120 }' }, wantAsked: true },
    { name: 'a .prettierrc above a package.json without the key', given: { '.prettierrc': 'semi: false\n', 'a/package.json': '{}' }, wantAsked: true },
    { name: 'a package.yaml, whatever it holds', given: { 'package.yaml': 'name: app\n' }, wantAsked: true },
    { name: 'a prettier.config.mjs', given: { 'prettier.config.mjs': 'export default { tabWidth: 4 };\n' }, wantAsked: true },
  ];
  it.each(cases)('$name', async ({ name, given, wantAsked }) => {
    const project = join(root, name.replace(/\W+/g, '-'));
    for (const [path, text] of Object.entries(given)) {
      await mkdir(dirname(join(project, path)), { recursive: true });
      await writeFile(join(project, path), text);
    }
    const out = join(project, 'a', 'out');
    // A config above the temporary folder (none on a clean machine) would be found by both.
    const asked = wantAsked || mayHoldConfig(root);
    let loads = 0;
    const options = await userPrettierOptions(out, async () => (loads++, prettier));
    expect(loads).toBe(asked ? 1 : 0);
    expect(options).toEqual((await prettier.resolveConfig(join(out, 'index.ts'), { editorconfig: false })) ?? {});
  });

  it("reads prettier's version from its package.json", () => {
    expect(prettierVersion()).toBe(prettier.version);
  });
});
