import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { formatFiles } from '../../generator/format/format-files.js';
import { prng } from './prng.js';

// The format stage claims prettier's bytes for the doc blocks it prints itself (generator/format/
// markdown-*.ts) and for TypeScript it formats in batches (typescript-batches.ts). Here the claim is
// tested on text it was not written for: committed docs and TypeScript (the AgentApi client, the
// fixtures' snapshots) with significant characters inserted or deleted at random (seeded), compared
// file by file with prettier. OASGEN_FUZZ_CASES and OASGEN_FUZZ_SEED vary it, as for the spec fuzz test.
const CASES = Number(process.env['OASGEN_FUZZ_CASES'] ?? 200);
const SEED = Number(process.env['OASGEN_FUZZ_SEED'] ?? 1);
const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, proseWrap: 'preserve' as const, parser: 'markdown' };
const INSERTS = ['*', '_', '`', '``', '**', '[', ']', '(', ')', '|', '\\', '<', '>', '&', '#', '- ', '1. ', '> ', '  ', '\n', '\n\n', '~', '!', '{{', '}}', 'http://x.y', ':', '---', '```', '<br>', '\t', '$$', '[x]: y', ' ', 'é', '😀'];

const TYPESCRIPT_INSERTS = ['`', '${', '}', '{', '(', ')', '[', ']', ';', '\n', '\n\n', '//', '/*', '*/', "'", '"', ',', '=>', 'use strict', '#!', ' ', '\t', '<T>', '?', '!'];

/** The files of the AgentApi client and of the feature fixtures' snapshots that end in `extension`. */
async function committed(extension: string): Promise<string[]> {
  const fixtures = (await readdir('test/fixtures')).sort().map((name) => `test/fixtures/${name}/__snapshots__`);
  const dirs = ['generated', 'generated/docs', 'generated/apis', 'generated/models', ...fixtures.flatMap((dir) => [dir, `${dir}/docs`, `${dir}/apis`, `${dir}/models`])];
  const paths = await Promise.all(dirs.map(async (dir) => (await readdir(dir).catch(() => [])).filter((name) => name.endsWith(extension)).sort().map((name) => join(dir, name))));
  return Promise.all(paths.flat().map((path) => readFile(path, 'utf8')));
}

/** `count` seeded variants of `sources`, each with one to four insertions (of `inserts`) or deletions. */
function mutated(sources: readonly string[], inserts: readonly string[], count: number, extension: string): { path: string; content: string }[] {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    let text = pick(sources);
    for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
      const at = Math.floor(random() * text.length);
      // Mostly an insertion; sometimes a few characters deleted (a fence, a pipe, a blank line gone).
      text = random() < 0.7 ? text.slice(0, at) + pick(inserts) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
    }
    return { path: `case-${i}${extension}`, content: text };
  });
}

describe('fuzz: the format stage against prettier', () => {
  it(`${CASES} mutated docs format as prettier formats them (seed ${SEED})`, async () => {
    const cases = mutated(await committed('.md'), INSERTS, CASES, '.md');
    const formatted = await formatFiles(cases, 'generated');
    const differing: string[] = [];
    for (const [i, file] of cases.entries()) {
      const want = await format(file.content, OPTIONS).catch(() => undefined);
      if (want !== undefined && formatted[i]!.content !== want) differing.push(`${file.path}: ${firstDifference(formatted[i]!.content, want)}`);
    }
    expect(differing).toEqual([]);
  }, 300_000);

  it(`${CASES} mutated TypeScript files format in batches as prettier formats each (seed ${SEED})`, async () => {
    const options = { ...OPTIONS, parser: 'typescript' };
    // A file prettier cannot parse fails the run, so only the ones it formats are batched together.
    const cases = [];
    const wants: string[] = [];
    for (const file of mutated(await committed('.ts'), TYPESCRIPT_INSERTS, CASES, '.ts')) {
      const want = await format(file.content, options).catch(() => undefined);
      if (want === undefined) continue;
      cases.push(file);
      wants.push(want);
    }
    expect(cases.length).toBeGreaterThan(CASES / 10);
    const formatted = await formatFiles(cases, 'generated');
    const differing = cases.flatMap((file, i) => (formatted[i]!.content === wants[i] ? [] : [`${file.path}: ${firstDifference(formatted[i]!.content, wants[i]!)}`]));
    expect(differing).toEqual([]);
  }, 300_000);
});

/** The first line where `got` and `want` differ, for the failure message. */
function firstDifference(got: string, want: string): string {
  const [a, b] = [got.split('\n'), want.split('\n')];
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line < 0 ? a.length : line;
  return `line ${at + 1}: got ${JSON.stringify(a[at])}, prettier ${JSON.stringify(b[at])}`;
}
