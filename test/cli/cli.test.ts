import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oasgen-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const SPEC = 'spec/agent-api.yaml';

describe('oasgen CLI', () => {
  it('prints help with exit 0', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('oasgen generate -i <spec> -o <dir>');
  });

  it('prints the version with exit 0', async () => {
    const { code, out } = await run('--version');
    expect(code).toBe(0);
    expect(out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.each([
    [['generate', '-o', 'x'], 'missing --input'],
    [['generate', '-i', SPEC], 'missing --output'],
    [['frobnicate'], 'unknown command'],
    [['generate', '--bogus'], 'Unknown option'],
  ])('usage error %j exits 2', async (args, message) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('generates, then regenerates without changing anything, and --check passes', async () => {
    const out = join(dir, 'client');
    expect((await run('generate', '-i', SPEC, '-o', out)).code).toBe(0);
    const again = await run('generate', '-i', SPEC, '-o', out);
    expect(again.out).toMatch(/wrote 0 file\(s\)/);
    expect((await run('generate', '-i', SPEC, '-o', out, '--check')).code).toBe(0);
  }, 60_000);

  it('writes a folder that does not exist yet whole, leaving nothing beside it', async () => {
    const out = join(dir, 'nested', 'client');
    const { code, out: said } = await run('generate', '-i', SPEC, '-o', out);
    expect(code).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, '.oasgen-manifest.json'), 'utf8')) as { files: string[] };
    expect(said).toMatch(new RegExp(`wrote ${manifest.files.length + 1} file\\(s\\), 0 unchanged, 0 removed`));
    expect(await readFile(join(out, 'apis/AgentApi.ts'), 'utf8')).toContain('class AgentApi');
    expect((await readdir(join(dir, 'nested'))).filter((name) => name.includes('oasgen-tmp'))).toEqual([]);
  }, 60_000);

  it('--check lists differing, missing and stale files and exits 1', async () => {
    const out = join(dir, 'client');
    await run('generate', '-i', SPEC, '-o', out);
    await writeFile(join(out, 'index.ts'), '// edited\n');
    await rm(join(out, 'docs/AgentApi.md'));
    const manifest = JSON.parse(await readFile(join(out, '.oasgen-manifest.json'), 'utf8')) as { files: string[] };
    manifest.files.push('models/Gone.ts');
    await writeFile(join(out, '.oasgen-manifest.json'), JSON.stringify(manifest));
    await writeFile(join(out, 'models/Gone.ts'), 'export {};\n');
    const { code, err } = await run('generate', '-i', SPEC, '-o', out, '--check');
    expect(code).toBe(1);
    expect(err).toContain('differs: index.ts');
    expect(err).toContain('missing: docs/AgentApi.md');
    expect(err).toContain('stale:   models/Gone.ts');
  }, 60_000);

  it('removes stale files it owns and never touches files it does not own', async () => {
    const out = join(dir, 'client');
    await run('generate', '-i', SPEC, '-o', out);
    const manifest = JSON.parse(await readFile(join(out, '.oasgen-manifest.json'), 'utf8')) as { files: string[] };
    manifest.files.push('models/Gone.ts');
    await writeFile(join(out, '.oasgen-manifest.json'), JSON.stringify(manifest));
    await writeFile(join(out, 'models/Gone.ts'), 'export {};\n');
    await writeFile(join(out, 'mine.ts'), 'export const mine = 1;\n');
    expect((await run('generate', '-i', SPEC, '-o', out)).code).toBe(0);
    await expect(readFile(join(out, 'models/Gone.ts'))).rejects.toThrow();
    expect(await readFile(join(out, 'mine.ts'), 'utf8')).toBe('export const mine = 1;\n');
  }, 60_000);

  it('refuses to overwrite a file it did not write, and writes nothing', async () => {
    const out = join(dir, 'client');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'index.ts'), '// my own index\n');
    const { code, err } = await run('generate', '-i', SPEC, '-o', out);
    expect(code).toBe(2);
    expect(err).toContain('refusing to overwrite files oasgen did not write');
    expect(await readFile(join(out, 'index.ts'), 'utf8')).toBe('// my own index\n');
    await expect(readFile(join(out, '.oasgen-manifest.json'))).rejects.toThrow();
  }, 60_000);

  it('reports spec errors with file:line:col, code and pointer, exits 1 and writes nothing', async () => {
    const spec = join(dir, 'bad.yaml');
    await writeFile(
      spec,
      [
        'openapi: 3.1.0',
        'info:',
        '  title: Bad',
        '  version: "1"',
        'paths:',
        '  /pets/{id}:',
        '    get:',
        '      operationId: getPet',
        '      responses:',
        "        '200':",
        '          description: ok',
        '',
      ].join('\n'),
    );
    const out = join(dir, 'client');
    const { code, err } = await run('generate', '-i', spec, '-o', out);
    expect(code).toBe(1);
    expect(err).toMatch(/bad\.yaml:7:5 error OAS201 #\/paths\/~1pets~1\{id\}\/get: path parameter "id" is not declared/);
    expect(err).not.toMatch(/\n\s+at /);
    await expect(readFile(join(out, 'index.ts'))).rejects.toThrow();
  });

  it('reports an unreadable file', async () => {
    const { code, err } = await run('generate', '-i', join(dir, 'nope.yaml'), '-o', join(dir, 'out'));
    expect(code).toBe(1);
    expect(err).toContain('error OAS001');
  });
});
