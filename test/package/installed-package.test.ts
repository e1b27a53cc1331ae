import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PETS_SPEC } from '../cli/cli-project.js';

const exec = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Runs a command in `cwd`, resolving with its exit code and output (never rejecting on a non-zero exit). */
async function sh(cwd: string, file: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await exec(file, args, { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 32 * 2 ** 20 });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, out: failed.stdout ?? '', err: failed.stderr ?? '' };
  }
}

describe('the package as users install it', () => {
  it('npm pack → npm install into an empty project: npx oasgen --help/--version/generate, and import { generate, defineConfig } from "oasgen"', async () => {
    const packDir = await mkdtemp(join(tmpdir(), 'oasgen-pack-'));
    const app = await mkdtemp(join(tmpdir(), 'oasgen-app-'));
    dirs.push(packDir, app);
    expect((await sh(root, 'npm', ['run', 'build'])).code).toBe(0);
    const packed = await sh(root, 'npm', ['pack', '--ignore-scripts', '--pack-destination', packDir]);
    expect(packed.code).toBe(0);
    const tarball = join(packDir, (await readdir(packDir)).find((f) => f.endsWith('.tgz'))!);

    await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true, type: 'module' }));
    const installed = await sh(app, 'npm', ['install', '--no-audit', '--no-fund', tarball]);
    expect(installed.code, installed.err).toBe(0);
    // dev-only tools of oasgen are not installed for its users
    for (const devOnly of ['tsx', 'vitest', 'typescript', '@openapitools/openapi-generator-cli']) await expect(access(join(app, 'node_modules', devOnly))).rejects.toThrow();
    // the type check's native compiler is, with its binary for this platform
    await access(join(app, 'node_modules', 'typescript-native', 'package.json'));
    await access(join(app, 'node_modules', '@typescript', `typescript-${process.platform}-${process.arch}`, 'lib', 'tsc'));

    const help = await sh(app, 'npx', ['oasgen', '--help']);
    expect([help.code, help.out]).toEqual([0, expect.stringContaining('oasgen generate -i <spec> -o <dir>')]);
    const version = await sh(app, 'npx', ['oasgen', '--version']);
    expect(version.out).toBe(`${(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`);
    const bare = await sh(app, 'npx', ['oasgen']);
    expect(bare.code).toBe(2);

    // the built-in templates ship precompiled, each from the text the package's templates hold (else every run compiles them)
    const shipped = join(app, 'node_modules', 'oasgen');
    const { loadPrecompiled } = (await import(pathToFileURL(join(shipped, 'generator/dist/render/precompiled.js')).href)) as typeof import('../../generator/render/precompiled.js');
    const precompiled = await loadPrecompiled(pathToFileURL(join(shipped, 'generator/dist/render/precompiled-templates.js')));
    const templates = (await readdir(join(shipped, 'templates'), { recursive: true })).filter((f) => f.endsWith('.hbs'));
    expect(templates.length).toBeGreaterThan(8);
    for (const template of templates) expect(precompiled.has(await readFile(join(shipped, 'templates', template), 'utf8')), template).toBe(true);

    await writeFile(join(app, 'pets.yaml'), PETS_SPEC);
    const generated = await sh(app, 'npx', ['oasgen', 'generate', '-i', 'pets.yaml', '-o', 'client']);
    expect(generated.code, generated.err).toBe(0);
    expect(await readFile(join(app, 'client/models/Pet.ts'), 'utf8')).toContain('export interface Pet');

    // openapitools.json is validated with the schema shipped in the package (the wrapper is not installed)
    await writeFile(join(app, 'openapitools.json'), JSON.stringify({ 'generator-cli': { version: '7.0.0', generators: { a: { output: 'x' } } } }));
    const tools = await sh(app, 'npx', ['oasgen', 'generate', '--generator-key', 'a']);
    expect([tools.code, tools.err]).toEqual([2, expect.stringContaining("must have required property 'generatorName'")]);

    await writeFile(
      join(app, 'api.mjs'),
      `import { generate, defineConfig } from 'oasgen';
import { existsSync } from 'node:fs';
const config = defineConfig({ spec: 'pets.yaml', output: 'not-written' });
const result = await generate({ input: config.spec, output: config.output });
console.log(JSON.stringify({ files: result.files.map((f) => f.path).filter((p) => p.startsWith('models/')), diagnostics: result.diagnostics.length, written: existsSync('not-written') }));
`,
    );
    const api = await sh(app, 'node', ['api.mjs']);
    expect(api.code, api.err).toBe(0);
    expect(JSON.parse(api.out)).toEqual({ files: ['models/Owner.ts', 'models/Pet.ts'], diagnostics: 0, written: false });

    // the types resolve for a TypeScript user too
    await writeFile(join(app, 'typed.ts'), "import { defineConfig, type OasgenConfig } from 'oasgen';\nexport const c: OasgenConfig = defineConfig({ spec: 'a.yaml', output: 'b' });\n");
    const tsc = await sh(app, process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--skipLibCheck', 'typed.ts']);
    expect(tsc.code, tsc.out).toBe(0);

    // an oasgen.config.ts importing local TypeScript (`.js` meaning `.ts`, extensionless, `.ts`) loads without tsx
    await writeFile(join(app, 'oasgen.config.ts'), "import { defineConfig } from 'oasgen';\nimport { base } from './shared.js';\nexport default defineConfig({ ...base, output: 'from-ts' });\n");
    await writeFile(join(app, 'shared.ts'), "import type { JobConfig } from 'oasgen';\nimport { name } from './naming';\nexport const base: Partial<JobConfig> = { spec: 'pets.yaml', additionalProperties: { npmName: name } };\n");
    await writeFile(join(app, 'naming.ts'), "import { suffix } from './suffix.ts';\nexport const name: string = `ts-config${suffix}`;\n");
    await writeFile(join(app, 'suffix.ts'), "export const suffix: string = '-client';\n");
    const fromTs = await sh(app, 'npx', ['oasgen', 'generate']);
    expect(fromTs.code, fromTs.err).toBe(0);
    expect(JSON.parse(await readFile(join(app, 'from-ts/package.json'), 'utf8'))).toMatchObject({ name: 'ts-config-client' });
    expect((await readdir(app)).filter((f) => f.endsWith('.mjs') && f !== 'api.mjs')).toEqual([]);
  }, 300_000);
});
