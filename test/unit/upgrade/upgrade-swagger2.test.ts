import { describe, expect, it } from 'vitest';
import { parseSpecText } from '../../../generator/load/parse-spec-text.js';
import type { JsonObject } from '../../../generator/normalize/json.js';
import { upgradeSwagger2 } from '../../../generator/upgrade/upgrade-swagger2.js';

function upgrade(yaml: string): { document: Record<string, unknown>; codes: string[]; locate: (pointer: string) => unknown } {
  const spec = parseSpecText(`swagger: '2.0'\ninfo: { title: T, version: '1' }\n${yaml}`, 'swagger.yaml');
  const result = upgradeSwagger2(spec.document as JsonObject, spec.sourceMap);
  return { document: result.document, codes: result.diagnostics.map((d) => d.code), locate: (p) => result.sourceMap.locate(p) };
}

const get = (value: unknown, path: string[]): unknown => path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

describe('upgradeSwagger2', () => {
  it.each([
    ['host, basePath and schemes → servers', 'host: api.example.com\nbasePath: /v1\nschemes: [http, https]\npaths: {}', ['servers'], [{ url: 'http://api.example.com/v1' }, { url: 'https://api.example.com/v1' }]],
    ['basePath alone → a relative server', 'basePath: /v1\npaths: {}', ['servers'], [{ url: '/v1' }]],
    ['definitions → components.schemas, refs moved', 'paths: {}\ndefinitions:\n  A: { type: object, properties: { b: { $ref: "#/definitions/B" } } }\n  B: { type: string }', ['components', 'schemas', 'A', 'properties', 'b'], { $ref: '#/components/schemas/B' }],
    ['type: file → binary string', 'paths: {}\ndefinitions:\n  F: { type: file }', ['components', 'schemas', 'F'], { type: 'string', format: 'binary' }],
    ['x-nullable → nullable, discriminator name → object', 'paths: {}\ndefinitions:\n  P: { type: object, discriminator: kind, x-nullable: true }', ['components', 'schemas', 'P'], { type: 'object', discriminator: { propertyName: 'kind' }, nullable: true }],
    ['basic → http basic', 'paths: {}\nsecurityDefinitions:\n  b: { type: basic }', ['components', 'securitySchemes', 'b'], { type: 'http', scheme: 'basic' }],
    ['apiKey stays', 'paths: {}\nsecurityDefinitions:\n  k: { type: apiKey, name: X-Key, in: header }', ['components', 'securitySchemes', 'k'], { type: 'apiKey', name: 'X-Key', in: 'header' }],
    ['oauth2 accessCode → authorizationCode flow', 'paths: {}\nsecurityDefinitions:\n  o: { type: oauth2, flow: accessCode, authorizationUrl: "https://a", tokenUrl: "https://t", scopes: { read: r } }', ['components', 'securitySchemes', 'o'], { type: 'oauth2', flows: { authorizationCode: { scopes: { read: 'r' }, authorizationUrl: 'https://a', tokenUrl: 'https://t' } } }],
    ['oauth2 application → clientCredentials flow', 'paths: {}\nsecurityDefinitions:\n  o: { type: oauth2, flow: application, tokenUrl: "https://t", scopes: {} }', ['components', 'securitySchemes', 'o', 'flows'], { clientCredentials: { scopes: {}, tokenUrl: 'https://t' } }],
    ['query array csv → form, not exploded', 'paths:\n  /a:\n    get:\n      parameters: [{ name: t, in: query, type: array, items: { type: string } }]\n      responses: { "204": { description: ok } }', ['paths', '/a', 'get', 'parameters', '0'], { name: 't', in: 'query', schema: { type: 'array', items: { type: 'string' } }, style: 'form', explode: false }],
    ['multi → form exploded', 'paths:\n  /a:\n    get:\n      parameters: [{ name: t, in: query, type: array, collectionFormat: multi, items: { type: integer } }]\n      responses: { "204": { description: ok } }', ['paths', '/a', 'get', 'parameters', '0', 'explode'], true],
    ['pipes → pipeDelimited', 'paths:\n  /a:\n    get:\n      parameters: [{ name: t, in: query, type: array, collectionFormat: pipes, items: { type: integer } }]\n      responses: { "204": { description: ok } }', ['paths', '/a', 'get', 'parameters', '0', 'style'], 'pipeDelimited'],
    ['path array csv → simple', 'paths:\n  /a/{t}:\n    get:\n      parameters: [{ name: t, in: path, required: true, type: array, items: { type: string } }]\n      responses: { "204": { description: ok } }', ['paths', '/a/{t}', 'get', 'parameters', '0', 'style'], 'simple'],
    ['body + consumes → requestBody per media type', 'consumes: [application/json, application/xml]\npaths:\n  /a:\n    post:\n      parameters: [{ name: b, in: body, required: true, schema: { $ref: "#/definitions/A" } }]\n      responses: { "204": { description: ok } }\ndefinitions: { A: { type: object } }', ['paths', '/a', 'post', 'requestBody'], { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } }, 'application/xml': { schema: { $ref: '#/components/schemas/A' } } } }],
    ['formData with a file → multipart object', 'paths:\n  /a:\n    post:\n      parameters:\n        - { name: f, in: formData, type: file, required: true }\n        - { name: note, in: formData, type: string, description: why }\n      responses: { "204": { description: ok } }', ['paths', '/a', 'post', 'requestBody'], { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { f: { type: 'string', format: 'binary' }, note: { type: 'string', description: 'why' } }, required: ['f'] } } } }],
    ['formData without files → urlencoded', 'paths:\n  /a:\n    post:\n      parameters: [{ name: n, in: formData, type: string }]\n      responses: { "204": { description: ok } }', ['paths', '/a', 'post', 'requestBody', 'content'], { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { n: { type: 'string' } } } } }],
    ['response schema + produces → content, headers get schemas', 'produces: [application/json]\npaths:\n  /a:\n    get:\n      responses:\n        "200": { description: ok, schema: { type: string }, headers: { X-Rate: { type: integer } } }', ['paths', '/a', 'get', 'responses', '200'], { description: 'ok', headers: { 'X-Rate': { schema: { type: 'integer' } } }, content: { 'application/json': { schema: { type: 'string' } } } }],
    ['shared body parameter → components.requestBodies', 'paths:\n  /a:\n    post:\n      parameters: [{ $ref: "#/parameters/B" }]\n      responses: { "204": { description: ok } }\nparameters:\n  B: { name: b, in: body, schema: { type: string } }', ['paths', '/a', 'post', 'requestBody'], { $ref: '#/components/requestBodies/B' }],
  ])('%s', (_name, yaml, path, want) => {
    expect(get(upgrade(yaml).document, path)).toEqual(want);
  });

  it('warns (OAS007) for collectionFormat tsv and falls back to csv', () => {
    const { codes, document } = upgrade('paths:\n  /a:\n    get:\n      parameters: [{ name: t, in: query, type: array, collectionFormat: tsv, items: { type: string } }]\n      responses: { "204": { description: ok } }');
    expect(codes).toEqual(['OAS007']);
    expect(get(document, ['paths', '/a', 'get', 'parameters', '0', 'style'])).toBe('form');
  });

  it('points pointers of the 3.0 document back at the 2.0 text', () => {
    const { locate } = upgrade('paths:\n  /a:\n    post:\n      parameters:\n        - name: b\n          in: body\n          schema:\n            type: object\n      responses: { "204": { description: ok } }\ndefinitions:\n  A:\n    type: string');
    expect(locate('#/components/schemas/A/type')).toMatchObject({ file: 'swagger.yaml', line: 14, column: 5 });
    expect(locate('#/paths/~1a/post/requestBody/content/application~1json/schema/type')).toMatchObject({ line: 10, column: 13 });
  });
});
