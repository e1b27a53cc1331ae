import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import { validateDocument } from '../../../generator/validate/validate-document.js';

function reported(fragment: Record<string, unknown>): string[] {
  const sink = new DiagnosticSink();
  validateDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, ...fragment }, sink);
  return sink.items.map((d) => `${d.severity} ${d.code} ${d.pointer}`);
}

const ok = { '200': { description: 'ok' } };
const id = { name: 'id', in: 'path', required: true };

describe('validateDocument', () => {
  it.each([
    ['a valid operation', { paths: { '/a/{id}': { get: { parameters: [id], responses: ok } } } }, []],
    ['a path-level parameter unused by two operations is one problem', { paths: { '/a': { parameters: [id], get: { responses: ok }, put: { responses: ok } } } }, ['error OAS202 #/paths/~1a/parameters/0']],
    ['an operation parameter overrides the path-level one', { paths: { '/a/{id}': { parameters: [id], get: { parameters: [id], responses: ok } } } }, []],
    ['a duplicate through a $ref', { components: { parameters: { Id: id } }, paths: { '/a/{id}': { get: { parameters: [id, { $ref: '#/components/parameters/Id' }], responses: ok } } } }, ['error OAS207 #/paths/~1a~1{id}/get/parameters/1']],
    ['a shared broken component is reported once', { components: { parameters: { Q: { name: 'q', in: 'body' } } }, paths: { '/a': { get: { parameters: [{ $ref: '#/components/parameters/Q' }], responses: ok } }, '/b': { get: { parameters: [{ $ref: '#/components/parameters/Q' }], responses: ok } } } }, ['error OAS205 #/components/parameters/Q/in']],
    ['response ranges, default and extensions are valid keys', { paths: { '/a': { get: { responses: { '2XX': { description: 'x' }, default: { description: 'x' }, 'x-note': 1 } } } } }, []],
    ['an extension path is not a path', { paths: { 'x-internal': { anything: 1 } } }, []],
    ['3.1 allows an operation without responses', { paths: { '/a': { get: {} } } }, []],
    ['a path item that is not an object', { paths: { '/a': 'nope' } }, ['error OAS101 #/paths/~1a']],
    ['a tag without a name', { tags: [{ description: 'x' }] }, ['error OAS102 #/tags/0']],
  ])('%s', (_name, fragment, want) => {
    expect(reported(fragment)).toEqual(want);
  });

  it('requires responses in 3.0', () => {
    const sink = new DiagnosticSink();
    validateDocument({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: {} } } }, sink);
    expect(sink.items.map((d) => `${d.code} ${d.pointer}`)).toEqual(['OAS102 #/paths/~1a/get']);
  });
});
