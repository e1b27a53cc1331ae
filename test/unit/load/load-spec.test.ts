import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../generator/diagnostics/diagnostic.js';
import { loadSpec, parseSpecText } from '../../../generator/load/load-spec.js';
import { jsonNestingOffset } from '../../../generator/load/parse-spec-text.js';
import { pointerOf, pointerSegments } from '../../../generator/load/source-map.js';

function diagnosticsOf(text: string): [string, number | undefined, number | undefined][] {
  try {
    parseSpecText(text, 'spec.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.diagnostics.map((d) => [d.code, d.location?.line, d.location?.column]);
    throw error;
  }
  return [];
}

describe('parseSpecText', () => {
  it.each([
    ['empty file', '  \n', [['OAS002', 1, 1]]],
    ['YAML syntax error', 'openapi: 3.1.0\ninfo:\n  title: [unclosed\n', [['OAS003', 4, 1]]],
    ['duplicate key', 'a: 1\na: 2\n', [['OAS003', 2, 1]]],
  ] as const)('%s', (_name, text, want) => {
    expect(diagnosticsOf(text)).toEqual(want);
  });

  it('reads JSON and maps pointers back to lines', () => {
    const spec = parseSpecText('{\n  "openapi": "3.1.0",\n  "info": {\n    "title": "x"\n  }\n}\n', 'spec.json');
    expect(spec.sourceMap.locate('#/info/title')).toMatchObject({ file: 'spec.json', line: 4, column: 5 });
  });

  it('maps YAML pointers to the key line and column', () => {
    const spec = parseSpecText('openapi: 3.1.0\npaths:\n  /pets/{id}:\n    get:\n      responses: {}\n', 'spec.yaml');
    expect(spec.sourceMap.locate('#/paths/~1pets~1{id}/get')).toMatchObject({ line: 4, column: 5 });
  });
});

describe('JSON pointers', () => {
  it.each([
    [['paths', '/pets/{id}'], '#/paths/~1pets~1{id}'],
    [['~', 0], '#/~0/0'],
    [['discounts', '50%'], '#/discounts/50%25'],
    [['a%41'], '#/a%2541'],
  ])('pointerOf(%j) is %s, and pointerSegments reads it back', (segments, want) => {
    expect(pointerOf(segments)).toBe(want);
    expect(pointerSegments(want)).toEqual(segments.map(String));
  });

  it.each([
    ['#/components/schemas/A%20B', ['components', 'schemas', 'A B']],
    ['#/a/50%', ['a', '50%']],
  ])('a $ref-style pointer %s reads as %j (a stray %% as written)', (pointer, want) => {
    expect(pointerSegments(pointer)).toEqual(want);
  });

  it('locates a key with a % in it', () => {
    const spec = parseSpecText('paths:\n  /files/50%:\n    get: {}\n', 'spec.yaml');
    expect(spec.sourceMap.locate(pointerOf(['paths', '/files/50%', 'get']))).toMatchObject({ line: 3, column: 5 });
  });
});

describe('jsonNestingOffset: where a JSON text first nests a value so deep, without a parser', () => {
  it.each([
    { given: 'an array item', text: '[[[1]]]', depth: 2, want: 2 },
    { given: 'an object member: at its key', text: '{"a": {"b" : {}}}', depth: 2, want: 7 },
    { given: 'brackets and quotes inside strings', text: '{"[{\\"": ["}]", {"k\\"": {}}]}', depth: 2, want: 16 },
    { given: 'the first of two in document order', text: '[[0], [[1]], [[2]]]', depth: 2, want: 7 },
    { given: 'a text nesting less', text: '{"a": [1, 2]}', depth: 2, want: undefined },
  ])('given $given, finds $want', ({ text, depth, want }) => {
    expect(jsonNestingOffset(text, depth)).toBe(want);
  });
});

describe('a spec nesting deeper than the limit', () => {
  // The fuzz test (seed 61) aborted the process: locating the diagnostic of a 10,000-deep JSON spec
  // handed it to the full YAML parser, whose recursion reached the end of the stack.
  it.each([
    { given: 'JSON, 10,000 deep', text: '{"openapi": "3.1.0", "x": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}', want: { line: 1, column: 226 } },
    { given: 'flow YAML, 10,000 deep', text: 'openapi: 3.1.0\nx: ' + '['.repeat(10_000) + ']'.repeat(10_000) + '\n', want: { line: 2, column: 204 } },
  ])('given $given, is one located OAS106, read no deeper than the limit', async ({ text, want }) => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'oasgen-too-deep-'));
    try {
      await writeFile(join(dir, 'spec'), text);
      const error = await loadSpec(join(dir, 'spec'), 'spec').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SpecError);
      expect((error as SpecError).diagnostics.map((d) => [d.code, d.location?.line, d.location?.column])).toEqual([['OAS106', want.line, want.column]]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
