import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatFiles, formatKey, startFormatFiles } from '../../../generator/format/format-files.js';
import { finishTable } from '../../../generator/format/format-work.js';
import { tableLayout } from '../../../generator/format/markdown-table.js';
import { balancedShares, formatInParallel, WarmWorker } from '../../../generator/format/format-pool.js';

const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, proseWrap: 'preserve' as const };

describe('formatFiles', () => {
  it('formats TypeScript and markdown with oasgen defaults and leaves other files alone', async () => {
    const files = [
      { path: 'a.ts', content: 'export const a = {b: "c"}' },
      { path: 'doc.md', content: '# Title\n\n\n* item\n' },
      { path: 'x.txt', content: 'as   is' },
    ];
    expect(await formatFiles(files, '/nonexistent/output')).toEqual([
      { path: 'a.ts', content: "export const a = { b: 'c' };\n" },
      { path: 'doc.md', content: '# Title\n\n- item\n' },
      { path: 'x.txt', content: 'as   is' },
    ]);
  });

  // The format stage keeps the runtime files as shipped without formatting them (generate.ts names
  // them): that holds only while each is exactly what prettier makes of it under oasgen's defaults.
  it.each(['auth', 'body', 'event-stream', 'runtime', 'serialize', 'stream'])('ships runtime/%s.ts in prettier form', async (name) => {
    const text = await readFile(new URL(`../../../templates/runtime/${name}.ts`, import.meta.url), 'utf8');
    expect(await format(text, { ...OPTIONS, parser: 'typescript' })).toBe(text);
  });

  it('keeps shipped files as they are, and formats them under a prettier config of the user', async () => {
    const files = [{ path: 'runtime/runtime.ts', content: 'export const a = {b: "c"}' }];
    const shipped = new Set(['runtime/runtime.ts']);
    expect(await (await startFormatFiles(files, '/nonexistent/output', new Map(), new Set(), shipped)).files).toEqual(files);
    const project = await mkdtemp(join(tmpdir(), 'oasgen-prettierrc-'));
    await writeFile(join(project, '.prettierrc'), '{ "semi": false }\n');
    const formatted = await (await startFormatFiles(files, join(project, 'generated'), new Map(), new Set(), shipped)).files;
    expect(formatted).toEqual([{ path: 'runtime/runtime.ts', content: "export const a = { b: 'c' }\n" }]);
    await rm(project, { recursive: true, force: true });
  });

  it('formats batched TypeScript and docs with code blocks as prettier formats each file', async () => {
    const files = [
      { path: 'a.ts', content: 'export const a = foo' },
      { path: 'b.ts', content: '(bar)' },
      {
        path: 'docs/Api.md',
        content: '# Api\n\n|Method|Path|\n|-|-|\n|get|/pets|\n\n```ts\nconst pets = await api.list({limit:10})\n```\n\nSome *emphasis*.\n\n```ts\nconst = broken\n```\n',
      },
    ];
    const want = await Promise.all(files.map(async (file) => ({ path: file.path, content: await format(file.content, { ...OPTIONS, filepath: file.path }) })));
    expect(await formatFiles(files, '/nonexistent/output')).toEqual(want);
  });

  it('fails on a TypeScript file prettier cannot parse, naming the error', async () => {
    const files = [
      { path: 'a.ts', content: 'export const a = 1' },
      { path: 'b.ts', content: 'export const = ;' },
    ];
    await expect(formatFiles(files, '/nonexistent/output')).rejects.toThrow('(1:14)');
  });

  it('takes a cached result instead of calling prettier, and records the keys it used', async () => {
    const file = { path: 'a.ts', content: 'export const a = 1' };
    const cache = new Map<string, string>();
    const used = new Set<string>();
    await formatFiles([file], '/nonexistent/output', cache, used);
    expect([...cache.values()]).toEqual(['export const a = 1;\n']);
    expect([...used]).toEqual([...cache.keys()]);
    const [key] = [...cache.keys()];
    cache.set(key!, 'from the cache\n');
    expect(await formatFiles([file], '/nonexistent/output', cache)).toEqual([{ path: 'a.ts', content: 'from the cache\n' }]);
    expect(await formatFiles([{ ...file, content: 'export const a = 2' }], '/nonexistent/output', cache)).toEqual([{ path: 'a.ts', content: 'export const a = 2;\n' }]);
  });

  it("takes a doc's code block from the cache when an earlier run formatted the same code, in any doc", async () => {
    const doc = (title: string): { path: string; content: string } => ({ path: 'docs/A.md', content: `# ${title}\n\n\`\`\`ts\nconst a = {b:1}\n\`\`\`\n` });
    const cache = new Map<string, string>();
    const used = new Set<string>();
    const [first] = await formatFiles([doc('A')], '/nonexistent/output', cache, used);
    expect(first!.content).toBe('# A\n\n```ts\nconst a = { b: 1 };\n```\n');
    // Two entries: the doc, and its code block as formatted TypeScript; both used.
    expect([...cache.values()].sort()).toEqual([first!.content, 'const a = { b: 1 };\n'].sort());
    expect(used.size).toBe(2);
    const block = [...cache].find(([, text]) => text === 'const a = { b: 1 };\n')![0];
    cache.set(block, 'const fromTheCache = true;\n');
    const [edited] = await formatFiles([doc('B')], '/nonexistent/output', cache);
    expect(edited!.content).toBe('# B\n\n```ts\nconst fromTheCache = true;\n```\n');
  });

  it("takes a doc's markdown for prettier (a table's cells) from the cache when an earlier run formatted the same text", async () => {
    // A cell with an escaped bracket is not markdown oasgen prints itself: prettier prints the cells.
    const doc = (title: string): { path: string; content: string } => ({ path: 'docs/A.md', content: `# ${title}\n\n| Name | Note |\n| - | - |\n| **include\\[\\]** | a |\n` });
    const cache = new Map<string, string>();
    const used = new Set<string>();
    const [first] = await formatFiles([doc('A')], '/nonexistent/output', cache, used);
    expect(first!.content).toBe(await format(doc('A').content, { ...OPTIONS, parser: 'markdown' }));
    // Two entries: the doc, and the table's cells as prettier printed them; both used.
    expect(cache.size).toBe(2);
    expect(used.size).toBe(2);
    const cells = [...cache].find(([, text]) => text !== first!.content)!;
    expect(cells[1]).toContain('**include\\[\\]**');
    cache.set(cells[0], cells[1].replace('include', 'fromTheCache'));
    const [edited] = await formatFiles([doc('B')], '/nonexistent/output', cache);
    expect(edited!.content).toContain('**fromTheCache\\[\\]**');
    expect(edited!.content.startsWith('# B\n')).toBe(true);
  });

  it('keys a formatting by prettier options and version (salt), path and text', () => {
    const file = { path: 'a.ts', content: 'x' };
    const keys = [formatKey('s', file), formatKey('t', file), formatKey('s', { ...file, path: 'b.ts' }), formatKey('s', { ...file, content: 'y' })];
    expect(new Set(keys).size).toBe(4);
    expect(formatKey('s', file)).toBe(keys[0]);
  });
});

describe('formatInParallel', () => {
  it('gives the results in order, the same as formatting one by one, when worker threads share the work', async () => {
    const jobs = Array.from({ length: 120 }, (_, i) => ({
      content: `export const value${i} = {${Array.from({ length: 250 }, (_, j) => `key${j}: "${'v'.repeat(i % 7)}${j}"`).join(',')}}`,
      options: { ...OPTIONS, parser: 'typescript', filepath: `f${i}.ts` },
    }));
    expect(jobs.reduce((sum, job) => sum + job.content.length, 0)).toBeGreaterThan(400_000);
    const parallel = await formatInParallel(jobs, () => Promise.reject(new Error('not on this thread')));
    const serial = await Promise.all(jobs.map(async (job) => ({ text: await format(job.content, job.options) })));
    expect(parallel).toEqual(serial);
  }, 120_000);
});

describe('formatInParallel, small inputs', () => {
  it('formats a few small files on the calling thread, in order', async () => {
    const jobs = ['a', 'b'].map((name) => ({ content: `export const ${name} = 1`, options: { ...OPTIONS, parser: 'typescript' } }));
    expect(await formatInParallel(jobs, async (job) => `here: ${job.content}`)).toEqual([{ text: 'here: export const a = 1' }, { text: 'here: export const b = 1' }]);
  });

  it("reports a file prettier cannot parse as that file's error, and formats the others", async () => {
    const jobs = ['export const a = 1', 'export const = ;'].map((content) => ({ content, options: { ...OPTIONS, parser: 'typescript' } }));
    const [good, bad] = await formatInParallel(jobs, (job) => format(job.content, job.options));
    expect(good).toEqual({ text: 'export const a = 1;\n' });
    expect(bad).toEqual({ error: expect.stringContaining('(1:14)') });
  });
});

describe('a worker started ahead of need', () => {
  it('takes jobs one by one as they come, and gives each its outcome, a file prettier cannot parse its error', async () => {
    const warm = new WarmWorker(true);
    const feed = warm.feed()!;
    expect(warm.feed()).toBeUndefined(); // handed over once
    const outcomes = ['export const a=1', 'export const = ;', '# Title\n\n* item'].map((content, i) =>
      feed.add({ content, options: { ...OPTIONS, parser: i < 2 ? 'typescript' : 'markdown' } }),
    );
    expect(await Promise.all(outcomes)).toEqual([{ text: 'export const a = 1;\n' }, { error: expect.stringContaining('(1:14)') }, { text: '# Title\n\n- item\n' }]);
    await feed.close();
    await expect(feed.add({ content: 'export const b = 1', options: { ...OPTIONS, parser: 'typescript' } })).rejects.toThrow(/stopped/);
    await warm.close();
  }, 60_000);

  it('is stopped when nothing took it', async () => {
    const unused = new WarmWorker(true);
    await unused.close();
    expect(unused.feed()).toBeUndefined();
  }, 60_000);

  it('started later, formats the jobs fed before it started, in order, and those fed after', async () => {
    const warm = new WarmWorker(false);
    const feed = warm.feed()!;
    const before = feed.add({ content: 'export const a=1', options: { ...OPTIONS, parser: 'typescript' } });
    expect(feed.waitingForStart).toBe(true);
    warm.start();
    warm.start(); // once
    expect(feed.waitingForStart).toBe(false);
    const after = feed.add({ content: 'export const b=2', options: { ...OPTIONS, parser: 'typescript' } });
    expect(await Promise.all([before, after])).toEqual([{ text: 'export const a = 1;\n' }, { text: 'export const b = 2;\n' }]);
    await feed.close();
  }, 60_000);

  it('closed before it started, never starts, and fails the jobs fed to it', async () => {
    const warm = new WarmWorker(false);
    const feed = warm.feed()!;
    const job = feed.add({ content: 'export const a=1', options: { ...OPTIONS, parser: 'typescript' } });
    await feed.close();
    warm.start();
    await expect(job).rejects.toThrow(/stopped/);
    expect(feed.waitingForStart).toBe(true);
  });
});

describe('formatInParallel, on workers, with a file prettier cannot parse', () => {
  it('gives that file its error and every other file its text', async () => {
    const big = (i: number) => `export const value${i} = [${Array.from({ length: 8000 }, (_, j) => j).join(',')}]`;
    const jobs = [big(0), 'export const = ;', big(1)].map((content) => ({ content, options: { ...OPTIONS, parser: 'typescript' } }));
    expect(jobs.reduce((sum, job) => sum + job.content.length, 0)).toBeGreaterThan(60_000);
    const outcomes = await formatInParallel(jobs, () => Promise.reject(new Error('not on this thread')));
    expect(outcomes.map((outcome) => Object.keys(outcome)[0])).toEqual(['text', 'error', 'text']);
    expect(outcomes[0]).toEqual({ text: await format(jobs[0]!.content, jobs[0]!.options) });
  }, 60_000);
});

describe('balancedShares', () => {
  const jobs = (...sizes: number[]) => sizes.map((size) => ({ content: 'x'.repeat(size), options: {} }));
  it.each([
    { sizes: [5], count: 2, want: [[0]] },
    {
      sizes: [1, 1, 1, 1],
      count: 2,
      want: [
        [0, 2],
        [1, 3],
      ],
    },
    { sizes: [10, 1, 1, 8], count: 2, want: [[0], [1, 2, 3]] },
    { sizes: [3, 3, 3], count: 1, want: [[0, 1, 2]] },
  ])('splits $sizes into $count share(s): $want', ({ sizes, count, want }) => {
    expect(balancedShares(jobs(...sizes), count)).toEqual(want);
  });
});

describe('finishTable', () => {
  // The cells prettier printed one by one are read back; when they cannot be, prettier prints the table whole.
  const block = ['| Name | Description |', '| - | - |', '| a | some *emphasis* here |'];
  const markdown = (text: string): Promise<string> => format(text, { parser: 'markdown', proseWrap: 'preserve' });
  it.each([
    { name: 'from the cells prettier printed', outcome: { text: '| some _emphasis_ here |\n| -------------------- |\n' }, whole: false },
    { name: 'from prettier whole when the cells failed', outcome: { error: 'prettier failed' }, whole: true },
    { name: 'from prettier whole when the print does not read back as the cells', outcome: { text: 'some text\n' }, whole: true },
  ])('$name', async ({ outcome, whole }) => {
    const asked: string[] = [];
    const table = await finishTable(tableLayout(block)!, outcome, (text) => (asked.push(text), markdown(text)));
    expect(table + '\n').toBe(await markdown(block.join('\n') + '\n'));
    expect(asked).toEqual(whole ? [block.join('\n') + '\n'] : []);
  });
});
