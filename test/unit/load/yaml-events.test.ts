import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { FileSourceMap, pointerOf } from '../../../generator/load/source-map.js';
import { readYamlEvents, TooDeepText } from '../../../generator/load/yaml-events.js';

/** What the full YAML parser makes of a text: the value the fast path must equal. */
function fullParse(text: string): unknown {
  return parseDocument(text, { uniqueKeys: true }).toJS({ maxAliasCount: 1000 });
}

describe('readYamlEvents: the fast path reads a text as the full parser does, or leaves it to it', () => {
  it.each([
    ['decimal, octal and hex integers', 'a: 12\nb: +12\nc: -0\nd: 0o17\ne: 0x1F\nf: 017\n'],
    ['floats, infinities and NaN', 'a: 1.5\nb: 0.\nc: .5e3\nd: -.inf\ne: .NaN\nf: 1e3\ng: 1E-2\n'],
    ['numbers too large for a double', 'a: 1e999\nb: 123456789012345678901234567890\nc: -1e999\n'],
    ['YAML 1.1 forms that are strings in 1.2', 'a: yes\nb: on\nc: 1_000\nd: 0b101\ne: 1:20\nf: 2001-12-14\ng: 0x\nh: .\n'],
    ['nulls and booleans', 'a: ~\nb: Null\nc:\nd: TRUE\ne: False\nf: tRue\n'],
    ['keys that resolve before they become strings', '200: ok\n1.0: float\n0x1F: hex\ntrue: bool\n~: tilde\n.inf: inf\n'],
    ['quoted scalars and escapes', 'a: "1"\nb: \'x\'\'y\'\nc: "\\u00e9\\n\\t"\nd: "multi\n  line"\n'],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\nc: |+\n  keep\n\n'],
    ['flow collections', 'a: [1, "2", {x: 1, "y": [ ]}]\nb: { }\nc: {k: }\n'],
    ['`<<` is a plain key in the core schema', '<<: {a: 1}\nb: 2\n'],
    ['`__proto__` and `constructor` are own keys', '__proto__: {polluted: true}\nconstructor: 1\n'],
    ['a byte order mark and CRLF line ends', '\ufeffa: 1\r\nb:\r\n  - x\r\n'],
    ['a JSON text', '{"a": [1, 2.5, null, true, "x"], "b": {"c": "d"}}'],
  ])('%s', (_name, text) => {
    const fast = readYamlEvents(text);
    expect(fast).toBeDefined();
    expect(fast!.document).toStrictEqual(fullParse(text));
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['an explicit tag', 'a: !!str 1\n'],
    ['a YAML 1.1 directive', '%YAML 1.1\n---\na: yes\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [unclosed\n'],
    ['an empty key (the event parser would take `: b: c`, which YAML refuses)', 'a:\n  : b: c\n'],
    ['an empty key', ': x\n'],
  ])('leaves %s to the full parser', (_name, text) => {
    expect(readYamlEvents(text)).toBeUndefined();
  });

  // No parser reads further than one level past the depth limit (validation refuses such a
  // document anyway): the full parser would recurse to the end of the stack.
  it.each([
    { given: 'a container at the depth limit', text: 'a: ' + '['.repeat(200) + ']'.repeat(200) + '\n', want: 'read' },
    { given: 'a node one level past it', text: 'a: ' + '['.repeat(201) + ']'.repeat(201) + '\n', want: 3 + 200 },
    // Inside a flow collection it gives up as the 200th bracket opens its item.
    { given: 'flow JSON 10,000 deep', text: '{"a":' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', want: 5 + 199 },
    { given: 'block nesting past it', text: Array.from({ length: 203 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n', want: 'offset' },
  ])('given $given, reads it or throws TooDeepText where it gave up ($want)', ({ text, want }) => {
    let outcome: string | number = 'read';
    try {
      readYamlEvents(text);
    } catch (error) {
      if (!(error instanceof TooDeepText)) throw error;
      outcome = want === 'offset' ? 'offset' : error.offset;
      if (want === 'offset') expect(text.slice(error.offset).trimStart().startsWith('k:')).toBe(true);
    }
    expect(outcome).toBe(want);
  });

  it('leaves a JSON text too deep for the event parser unlocated instead of handing it to the full parser', () => {
    const text = '{"a": {"b": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}}';
    expect(new FileSourceMap('f.json', text).locate('#/a/b')).toBeUndefined();
    expect(new FileSourceMap('f.json', '{"a": {"b": []}}').locate('#/a/b')).toMatchObject({ line: 1, column: 8 });
  });
});

/** Every pointer of the document, and one missing member below each object, so a partial path is covered too. */
function pointersOf(value: unknown, path: (string | number)[] = [], into: string[] = []): string[] {
  into.push(pointerOf(path));
  if (typeof value === 'object' && value !== null) {
    into.push(pointerOf([...path, 'not-there', 'deeper']));
    for (const [key, child] of Object.entries(value)) pointersOf(child, [...path, Array.isArray(value) ? Number(key) : key], into);
  }
  return into;
}

describe('positions from the events', () => {
  const tricky = [
    '# a comment first',
    'a:',
    '  - ',
    '  - |',
    '    block',
    '  - >-',
    '    folded',
    '  -   "quoted"',
    "  - 'single'",
    '  - [1, 2, {x: 1, "y": 2}]',
    '  - {a: b, c: }',
    '  - key:',
    '    other: ~',
    '  -',
    '    - nested',
    '  - 200: ok',
    '    1.0: float key',
    '    "": empty',
    'b: [ ]',
    '"quoted key": 1',
    "'single key': {x: [ {y: z} ]}",
    'd:   # a comment after',
    '  e: |',
    '    text',
    '',
  ].join('\n');

  it.each([
    ['a text with every kind of node', tricky],
    ['the same text with CRLF line ends', tricky.replace(/\n/g, '\r\n')],
    ['JSON with escaped keys', '{\n  "x": [\n    1,\n    {"y": "z"}\n  ],\n  "k\\u0041": 3\n}\n'],
    ['the AgentApi spec', readFileSync('spec/agent-api.yaml', 'utf8')],
    ['the Petstore spec', readFileSync('../shared/specs/petstore3/openapi.yaml', 'utf8')],
  ])('%s: every pointer lands where the full parser puts it', (_name, text) => {
    const doc = parseDocument(text, { uniqueKeys: false });
    const want = new FileSourceMap('spec.yaml', text, { doc });
    const fast = readYamlEvents(text);
    expect(fast).toBeDefined();
    const got = new FileSourceMap('spec.yaml', text, { events: fast!.events });
    // Without a parse handed over, positions come from the events parsed on first use (as for JSON).
    const lazy = new FileSourceMap('spec.yaml', text);
    for (const pointer of pointersOf(fast!.document)) {
      expect([pointer, got.locate(pointer)]).toEqual([pointer, want.locate(pointer)]);
      expect([pointer, lazy.locate(pointer)]).toEqual([pointer, want.locate(pointer)]);
    }
  });
});
