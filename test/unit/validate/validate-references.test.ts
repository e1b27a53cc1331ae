import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import { MAX_DEPTH, validateReferences } from '../../../generator/validate/validate-references.js';

function reported(document: Record<string, unknown>): string[] {
  const sink = new DiagnosticSink();
  validateReferences(document, sink);
  return sink.items.map((d) => `${d.code} ${d.pointer}`);
}

const schemas = (map: Record<string, unknown>): Record<string, unknown> => ({ components: { schemas: map } });

describe('validateReferences', () => {
  it.each([
    ['a ref that resolves', schemas({ A: { $ref: '#/components/schemas/B' }, B: { type: 'string' } }), []],
    ['a missing pointer', schemas({ A: { $ref: '#/components/schemas/C' } }), ['OAS103 #/components/schemas/A/$ref']],
    ['another file', schemas({ A: { $ref: 'other.yaml#/A' } }), ['OAS104 #/components/schemas/A/$ref']],
    ['a self cycle', schemas({ A: { $ref: '#/components/schemas/A' } }), ['OAS105 #/components/schemas/A/$ref']],
    ['a ref inside example data is data', schemas({ A: { type: 'object', example: { $ref: '#/nowhere' }, default: { $ref: '#/x' } } }), []],
    ['a ref inside an extension is data', schemas({ A: { type: 'object', 'x-raw': { $ref: '#/nowhere' } } }), []],
    ['a property named "example" is a schema', schemas({ A: { properties: { example: { $ref: '#/nowhere' } } } }), ['OAS103 #/components/schemas/A/properties/example/$ref']],
    ['a schema named "default" is a schema', schemas({ default: { $ref: '#/nowhere' } }), ['OAS103 #/components/schemas/default/$ref']],
    ['refs in a parameters list', { paths: { '/a': { parameters: [{ $ref: '#/nowhere' }] } } }, ['OAS103 #/paths/~1a/parameters/0/$ref']],
    ['refs in a media type\'s examples map', { paths: { '/a': { get: { responses: { '200': { content: { 'a/b': { examples: { one: { $ref: '#/no' } } } } } } } } } }, ['OAS103 #/paths/~1a/get/responses/200/content/a~1b/examples/one/$ref']],
    ['a property named "$ref" is not a reference', schemas({ A: { properties: { $ref: { type: 'string' } } } }), []],
  ])('%s', (_name, document, want) => {
    expect(reported(document)).toEqual(want);
  });

  it('stops at MAX_DEPTH without recursion, even 100,000 levels deep', () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { items: deep };
    const sink = new DiagnosticSink();
    expect(validateReferences(schemas({ Deep: deep }), sink)).toBe(false);
    expect(sink.items.map((d) => d.code)).toEqual(['OAS106']);
    expect(sink.items[0]!.pointer.split('/').length).toBe(MAX_DEPTH + 2);
  });
});
