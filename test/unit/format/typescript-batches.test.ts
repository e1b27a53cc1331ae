import { format } from 'prettier';
import { describe, expect, it } from 'vitest';
import { mustStandAlone, planBatches, splitBatch } from '../../../generator/format/typescript-batches.js';

const OPTIONS = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, parser: 'typescript' };

/** Texts as batched formatting gives them back: undefined for a member whose batch did not split. */
async function formatBatched(texts: string[], limit: number): Promise<(string | undefined)[]> {
  const results = new Array<string | undefined>(texts.length);
  for (const batch of planBatches(texts, limit)) {
    const parts = splitBatch(batch, await format(batch.text, OPTIONS));
    batch.members.forEach((member, i) => (results[member] = parts?.[i]));
  }
  return results;
}

describe('planBatches and splitBatch', () => {
  it('format each member of a batch as prettier formats it alone', async () => {
    const texts = [
      'export const a = {b: "c"}',
      '\n\n/** Doc. */\nexport interface Pet { id: number; name?: string }\n\n\n',
      '// only a comment',
      '',
      'export function f() {}',
      'export type A = {\n a: string }',
      '[1, 2].map((x) => x * 2)',
      'const x = foo',
      '(bar)',
      ';// a comment after an empty statement\nexport const y = 1;',
      'export default class Api {\n  constructor(private readonly base: string) {}\n}',
    ];
    const alone = await Promise.all(texts.map((text) => format(text, OPTIONS)));
    expect(await formatBatched(texts, 1_000_000)).toEqual(alone);
    expect(await formatBatched(texts, 60)).toEqual(alone);
  });

  it('groups texts in order up to the size limit', () => {
    const texts = ['a'.repeat(50), 'b'.repeat(60), 'c'.repeat(10), 'd'.repeat(200), 'e'];
    expect(planBatches(texts, 100).map((batch) => batch.members)).toEqual([[0, 1], [2, 3], [4]]);
  });

  it('gives a text that must stand alone a batch of its own', () => {
    const texts = ['const a = 1;', "'use client';\nconst b = 2;", 'const c = 3;'];
    expect(planBatches(texts).map((batch) => batch.members)).toEqual([[1], [0, 2]]);
  });

  it('refuses a split when the boundaries did not survive', () => {
    const [batch] = planBatches(['const a = 1;', 'const b = 2;']);
    expect(splitBatch(batch!, 'const a = 1;\nconst b = 2;\n')).toBeUndefined();
  });
});

describe('mustStandAlone', () => {
  it.each([
    { text: 'export const a = 1;', want: false },
    { text: '/** Doc with `code`. */\nexport const a = `x`;', want: false },
    { text: "'use strict';\nexport const a = 1;", want: true },
    { text: '// header\n"use client";', want: true },
    { text: '#!/usr/bin/env node\nrun();', want: true },
    { text: ';// header\nexport const a = 1;', want: true },
    { text: '/* c */ ; export const a = 1;', want: true },
    { text: '// prettier-ignore\nconst  a = 1;', want: true },
    { text: 'const a = 1;\r\n', want: true },
    { text: '\uFEFFconst a = 1;', want: true },
    { text: 'const a = `unclosed;', want: true },
    { text: '/* unclosed comment', want: true },
    { text: 'const a = 1; // @oasgen-batch-boundary', want: true },
  ])('$text → $want', ({ text, want }) => {
    expect(mustStandAlone(text)).toBe(want);
  });
});
