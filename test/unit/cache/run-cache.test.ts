import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFormatLog } from '../../../generator/cache/format-log.js';
import { CacheSession } from '../../../generator/cache/run-cache.js';
import { generate, type GenerateResult } from '../../../generator/generate.js';
import { removeDir } from '../../helpers/generate-client.js';

const PETSTORE = '../shared/specs/petstore3/openapi.yaml';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oasgen-cache-'));
});
afterEach(async () => removeDir(dir));

/** A cached write into `<dir>/out` with its cache in `<dir>/cache`. */
function run(input: string, extra: { templates?: string; strict?: boolean } = {}): Promise<GenerateResult> {
  return generate({ input, output: join(dir, 'out'), write: true, cacheDir: join(dir, 'cache'), ...extra });
}

const stages = (result: GenerateResult): string[] => result.timings.map((t) => t.stage);
const contents = (result: GenerateResult): Map<string, string> => new Map(result.files.map((f) => [f.path, f.content]));

async function formatEntries(): Promise<Set<string>> {
  return new Set(readFormatLog(join(dir, 'cache', 'format.jsonl')).entries.keys());
}

describe('the generation cache', () => {
  it('serves an unchanged regeneration whole, with the same files and diagnostics', async () => {
    const first = await run(PETSTORE);
    const second = await run(PETSTORE);
    expect(stages(first)).toContain('render');
    expect(stages(second)).toEqual(['cache', 'emit']);
    expect(second.files).toEqual(first.files);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(second.changes?.written).toEqual([]);
  }, 120_000);

  it('still rewrites an output file edited by hand when served from the cache', async () => {
    await run(PETSTORE);
    await writeFile(join(dir, 'out', 'index.ts'), '// edited\n');
    const again = await run(PETSTORE);
    expect(stages(again)).toEqual(['cache', 'emit']);
    expect(again.changes?.written).toEqual(['index.ts']);
    expect(await readFile(join(dir, 'out', 'index.ts'), 'utf8')).toBe(contents(again).get('index.ts'));
  }, 120_000);

  it('tells an unchanged output folder by sizes and times, and reads a file only when they differ', async () => {
    await run(PETSTORE);
    const index = join(dir, 'out', 'index.ts');
    const text = await readFile(index, 'utf8');
    // Same text, newer time (a checkout, say): read, found the same, and left alone.
    await writeFile(index, text);
    expect((await run(PETSTORE)).changes?.written).toEqual([]);
    // Edited by hand to the same size: read, found different, rewritten.
    await writeFile(index, text.replace('export', 'EXPORT'));
    const again = await run(PETSTORE);
    expect(again.changes?.written).toEqual(['index.ts']);
    expect(await readFile(index, 'utf8')).toBe(text);
    // Served whole without a texts file to read: a broken cache is a cache miss, never a crash.
    await writeFile(join(dir, 'cache', 'contents.json'), '[]');
    expect(stages(await run(PETSTORE))).toContain('render');
  }, 120_000);

  it('never writes texts that do not hash as its entry says: such a cache is a miss', async () => {
    const first = await run(PETSTORE);
    const texts = join(dir, 'cache', 'contents.json');
    // Same size, so the entry still takes it; one text differs.
    await writeFile(texts, (await readFile(texts, 'utf8')).replace('export', 'EXPORT'));
    await writeFile(join(dir, 'out', 'index.ts'), '// edited\n');
    const again = await run(PETSTORE);
    expect(stages(again)).toContain('render');
    expect(contents(again)).toEqual(contents(first));
    expect(await readFile(join(dir, 'out', 'index.ts'), 'utf8')).toBe(contents(first).get('index.ts'));
  }, 120_000);

  it('serves --check from the cache: up to date while the folder holds the files, a diff once one is edited', async () => {
    await run(PETSTORE);
    const check = () => generate({ input: PETSTORE, output: join(dir, 'out'), check: true, cacheDir: join(dir, 'cache') });
    const clean = await check();
    expect(stages(clean)).toEqual(['cache', 'check']);
    expect(clean.drift).toEqual({ differing: [], missing: [], stale: [] });
    await writeFile(join(dir, 'out', 'index.ts'), '// edited\n');
    expect((await check()).drift?.differing).toEqual(['index.ts']);
  }, 120_000);

  it('after a spec edit, writes the changed files and any file edited by hand since, and compares the rest by hash', async () => {
    const spec = join(dir, 'openapi.yaml');
    await cp(PETSTORE, spec);
    await run(spec);
    const index = join(dir, 'out', 'index.ts');
    const text = await readFile(index, 'utf8');
    await writeFile(index, text.replace('export', 'EXPORT'));
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('summary: Find pet by ID.', 'summary: Find one pet by its ID.'));
    const after = await run(spec);
    expect(after.changes?.written.sort()).toEqual(['README.md', 'apis/PetApi.ts', 'docs/PetApi.md', 'index.ts']);
    expect(await readFile(index, 'utf8')).toBe(text);
  }, 120_000);

  it('is invalidated by a changed template and by a changed option', async () => {
    const plain = await run(PETSTORE);
    const templates = join(dir, 'templates');
    await cp('templates/partials/header.hbs', join(templates, 'partials', 'header.hbs'));
    await writeFile(join(templates, 'partials', 'header.hbs'), `// custom header\n${await readFile('templates/partials/header.hbs', 'utf8')}`);
    const custom = await run(PETSTORE, { templates });
    expect(stages(custom)).toContain('render');
    expect(contents(custom).get('index.ts')).toContain('// custom header');
    await writeFile(join(templates, 'partials', 'header.hbs'), `// edited header\n${await readFile('templates/partials/header.hbs', 'utf8')}`);
    const edited = await run(PETSTORE, { templates });
    expect(stages(edited)).toContain('render');
    expect(contents(edited).get('index.ts')).toContain('// edited header');
    const strict = await run(PETSTORE, { strict: true });
    expect(stages(strict)).toContain('render');
    expect(strict.files).toEqual(plain.files);
  }, 180_000);

  it('after a one-operation edit, gives what an uncached run gives and formats only the files that changed', async () => {
    const spec = join(dir, 'openapi.yaml');
    await cp(PETSTORE, spec);
    const before = await run(spec);
    const entriesBefore = await formatEntries();
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('summary: Find pet by ID.', 'summary: Find one pet by its ID.'));
    const after = await run(spec);
    const fresh = await generate({ input: spec, output: join(dir, 'out'), cacheDir: false });
    expect(after.files).toEqual(fresh.files);
    const changed = [...contents(after)].filter(([path, content]) => contents(before).get(path) !== content).map(([path]) => path);
    // The summary shows in the operation's API file, its doc page and the README's table of operations.
    expect(changed.sort()).toEqual(['README.md', 'apis/PetApi.ts', 'docs/PetApi.md']);
    expect(after.changes?.written.sort()).toEqual(changed);
    const added = [...(await formatEntries())].filter((key) => !entriesBefore.has(key));
    // One entry per changed file, and one for the method of PetApi whose doc changed (class members are kept by their text).
    expect(added).toHaveLength(changed.length + 1);
  }, 180_000);

  it('under one session (--watch), takes the format cache from memory while its file is as the last run left it', async () => {
    const spec = join(dir, 'openapi.yaml');
    await cp(PETSTORE, spec);
    const session = new CacheSession();
    const watched = (): Promise<GenerateResult> => generate({ input: spec, output: join(dir, 'out'), write: true, cacheDir: join(dir, 'cache'), session });
    const first = await watched();
    const readme = contents(first).get('README.md')!;
    // Marks README's entry in memory only: a rerun that formats README from the cache shows the mark.
    const entry = [...session.formatLog!.entries].find(([, text]) => text === readme)!;
    session.formatLog!.entries.set(entry[0], `${readme}<!-- from memory -->\n`);
    // A response's description: not in the README, so its text (and key) stays the same.
    const edit = async (from: string, to: string): Promise<void> => writeFile(spec, (await readFile(spec, 'utf8')).replace(from, to));
    await edit('description: Pet not found', 'description: No such pet');
    expect(contents(await watched()).get('README.md')).toBe(`${readme}<!-- from memory -->\n`);
    // Written by someone else since: read again from the file.
    session.formatLog!.entries.set(entry[0], `${readme}<!-- from memory -->\n`);
    await writeFile(join(dir, 'cache', 'format.jsonl'), (await readFile(join(dir, 'cache', 'format.jsonl'), 'utf8')) + '\n');
    await edit('description: No such pet', 'description: Pet not found');
    expect(contents(await watched()).get('README.md')).toBe(readme);
  }, 180_000);

  it('gives the result to onOutput once the files are written, before the cache is stored', async () => {
    const events: string[] = [];
    const result = await generate({ input: PETSTORE, output: join(dir, 'out'), write: true, cacheDir: join(dir, 'cache'), onStage: (stage) => events.push(stage), onOutput: (early) => events.push(`output: wrote ${early.changes?.written.length}`) });
    expect(events.slice(-3)).toEqual(['emit', `output: wrote ${result.changes?.written.length}`, 'cache']);
    expect(result.changes?.written.length).toBeGreaterThan(20);
  }, 120_000);

  it('keeps the output folder free of cache files and gitignores a cache beside it', async () => {
    const output = join(dir, 'client');
    await generate({ input: PETSTORE, output, write: true });
    const beside = await readdir(join(dir, '.oasgen-cache'));
    expect(beside).toContain('.gitignore');
    expect(await readFile(join(dir, '.oasgen-cache', '.gitignore'), 'utf8')).toBe('*\n');
    expect((await readdir(output, { recursive: true })).some((f) => /cache|tsbuildinfo|format\.json|run\.json/.test(f))).toBe(false);
  }, 120_000);
});
