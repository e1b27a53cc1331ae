import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventOffsets } from '../../../generator/load/event-offsets.js';
import { JsonOffsets } from '../../../generator/load/json-offsets.js';
import { eventsOf } from '../../../generator/load/yaml-events.js';
import { parse } from 'yaml';

/** Where the YAML parser's events place the pointer: what JsonOffsets must give for any JSON text. */
function byEvents(text: string, segments: readonly string[]): number | undefined {
  return new EventOffsets(text, eventsOf(text)!).offsetOf(segments);
}

/** Every pointer into `value` (as segments), the root included. */
function pointers(value: unknown, at: string[] = []): string[][] {
  const inner = Array.isArray(value) ? value.map((item, i) => pointers(item, [...at, String(i)])) : value && typeof value === 'object' ? Object.entries(value).map(([key, item]) => pointers(item, [...at, key])) : [];
  return [at, ...inner.flat()];
}

describe('JsonOffsets', () => {
  const TEXT = '{\n  "a": {"b": [1, {"c": "x}\\"]"}, [], {}]},\n  "k\\u0065y\\n": true,\n  "a": 2,\n  "e": -1.5e+3\n}';
  it.each([
    { name: 'the root', segments: [], want: 0 },
    { name: 'a member at its key', segments: ['a'], want: 4 },
    { name: 'an array item at its start, past a string holding a brace and a quote', segments: ['a', 'b', '1', 'c'], want: 20 },
    { name: 'an empty array and object as items', segments: ['a', 'b', '3'], want: 39 },
    { name: 'a key with escapes, by its value', segments: ['key\n'], want: 47 },
    { name: 'the first of duplicate keys', segments: ['a'], want: 4 },
    { name: 'a number with an exponent', segments: ['e'], want: 79 },
    { name: 'the deepest node that exists', segments: ['a', 'b', '0', 'missing'], want: 16 },
    { name: 'an index past the end', segments: ['a', 'b', '9'], want: 10 },
  ])('$name', ({ segments, want }) => {
    expect(new JsonOffsets(TEXT).offsetOf(segments)).toBe(want);
    expect(byEvents(TEXT, segments)).toBe(want);
  });

  it('gives no offset for a text without a value', () => {
    expect(new JsonOffsets('  \n').offsetOf(['a'])).toBeUndefined();
  });

  // The OpenAPI examples as JSON, pretty and minified: every pointer where the events place it.
  it.each(['petstore3/openapi.yaml', 'oai-examples/v3.0/uspto.yaml', 'readme-examples/parameters-style.yaml'])('places every pointer of %s as the events do', (spec) => {
    const document = parse(readFileSync(`../shared/specs/${spec}`, 'utf8')) as unknown;
    for (const text of [JSON.stringify(document, null, 2), JSON.stringify(document), ` ${JSON.stringify(document, null, '\t')}\r\n`]) {
      const offsets = new JsonOffsets(text);
      const reference = new EventOffsets(text, eventsOf(text)!);
      for (const segments of pointers(document)) expect([segments, offsets.offsetOf(segments)]).toEqual([segments, reference.offsetOf(segments)]);
    }
  });
});
