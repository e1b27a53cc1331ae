import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFormatLog, storeFormatLog } from '../../../generator/cache/format-log.js';
import { removeDir } from '../../helpers/generate-client.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oasgen-format-log-'));
});
afterEach(async () => removeDir(dir));

const line = (key: string, text: string): string => JSON.stringify([key, text]) + '\n';

describe('the format log', () => {
  const cases: {
    name: string;
    /** The file before the run (undefined: none). */
    file?: string;
    /** Entries the run adds to what it read, and the keys it used. */
    add: Record<string, string>;
    used: string[];
    /** Written to the file between the run's read and its store (another run). */
    meanwhile?: string;
    /** The whole file after the store. */
    want: string;
  }[] = [
    { name: 'no file: the used entries, whole', add: { a: 'A', b: 'B' }, used: ['a'], want: line('a', 'A') },
    {
      name: 'a few new entries: appended after the ones held',
      file: line('a', 'A'.repeat(20)) + line('b', 'B'),
      add: { c: 'C' },
      used: ['a', 'c'],
      want: line('a', 'A'.repeat(20)) + line('b', 'B') + line('c', 'C'),
    },
    { name: 'nothing new: the file as it was', file: line('a', 'A'), add: {}, used: ['a'], want: line('a', 'A') },
    {
      name: 'unused entries more than half as long as the used ones: only the used, whole',
      file: line('a', 'A'.repeat(20)) + line('b', 'B'.repeat(11)),
      add: { c: 'C' },
      used: ['a', 'c'],
      want: line('a', 'A'.repeat(20)) + line('c', 'C'),
    },
    {
      name: 'unused entries at most half as long: kept, the new appended',
      file: line('a', 'A'.repeat(20)) + line('b', 'B'.repeat(3)),
      add: { c: 'C' },
      used: ['a', 'c'],
      want: line('a', 'A'.repeat(20)) + line('b', 'B'.repeat(3)) + line('c', 'C'),
    },
    {
      name: 'a line cut short (a store stopped half way): read without it, then written whole',
      file: line('a', 'A') + '["b","',
      add: { c: 'C' },
      used: ['a', 'c'],
      want: line('a', 'A') + line('c', 'C'),
    },
    {
      name: 'a line that is not an entry: skipped, then written whole',
      file: line('a', 'A') + '{"b":"B"}\n',
      add: {},
      used: ['a'],
      want: line('a', 'A'),
    },
    {
      name: 'written by another run since it was read: written whole, not appended to',
      file: line('a', 'A'),
      add: { c: 'C' },
      used: ['a', 'c'],
      meanwhile: line('x', 'X'),
      want: line('a', 'A') + line('c', 'C'),
    },
  ];
  it.each(cases)('$name', ({ file, add, used, meanwhile, want }) => {
    const path = join(dir, `format.jsonl`);
    if (file !== undefined) writeFileSync(path, file);
    const read = readFormatLog(path);
    for (const [key, text] of Object.entries(add)) read.entries.set(key, text);
    if (meanwhile !== undefined) appendFileSync(path, meanwhile);
    const stored = storeFormatLog(path, read, read.entries, new Set(used));
    const after = readFileSync(path, 'utf8');
    expect(after).toBe(want);
    // Whatever happened before, every used entry reads back.
    const again = readFormatLog(path);
    for (const key of used) expect(again.entries.get(key)).toBe(read.entries.get(key));
    expect(again.appendable).toBe(true);
    // What the store returns (what --watch keeps for the next run) is the file as read from disk.
    expect(stored).toEqual(again);
    expect(stored.size).toBe(Buffer.byteLength(after));
  });

  it('keeps texts with newlines, quotes and non-ASCII intact on one line each', () => {
    const path = join(dir, 'format.jsonl');
    const text = 'const a = "x";\n// ü 😀 \u2028\n';
    storeFormatLog(path, undefined, new Map([['k', text]]), new Set(['k']));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2);
    expect(readFormatLog(path).entries.get('k')).toBe(text);
  });
});
