import { describe, expect, it } from 'vitest';
import type { ApiModel, IrOperation, IrSchema } from '../../../generator/normalize/api-model.js';
import { hoistInlineSchemas } from '../../../generator/plan/hoist-inline-schemas.js';
import { sentMediaType } from '../../../generator/plan/request-body.js';

const str: IrSchema = { kind: 'primitive', type: 'string', origin: '#' };
const object = (origin: string, ...names: string[]): IrSchema => ({ kind: 'object', origin, properties: names.map((name) => ({ name, required: false, schema: str })) });
const json = (schema: IrSchema, origin = '#/c') => [{ mediaType: 'application/json', schema, origin }];
const operation = (operationId: string, body: IrSchema | undefined, responses: [string, IrSchema, string?][]): IrOperation => ({
  operationId,
  method: 'post',
  path: '/x',
  tags: [],
  deprecated: false,
  parameters: [],
  origin: '#/paths/x/post',
  ...(body ? { requestBody: { required: true, contents: json(body), origin: '#/paths/x/post/requestBody' } } : {}),
  responses: responses.map(([status, schema, origin]) => ({ status, description: '', headers: [], contents: json(schema), origin: origin ?? `#/paths/x/post/responses/${status}` })),
});
const model = (operations: IrOperation[], schemas: ApiModel['schemas'] = []): ApiModel => ({
  openapi: '3.1.0', info: { title: '', version: '' }, servers: [], tags: [], schemas, operations, securitySchemes: [], security: [],
});
const refName = (schema: IrSchema | undefined): string => (schema?.kind === 'ref' ? schema.name : schema?.kind === 'array' && schema.items.kind === 'ref' ? `${schema.items.name}[]` : `inline ${schema?.kind}`);

describe('hoistInlineSchemas names', () => {
  it('request bodies, responses by status, shared responses by key, properties and array items', () => {
    const nested: IrSchema = { kind: 'object', origin: '#/b', properties: [{ name: 'ship-to', required: false, schema: object('#/b/ship', 'city') }, { name: 'lines', required: true, schema: { kind: 'array', origin: '#/b/l', items: object('#/b/l/i', 'sku') } }] };
    const shared = object('#/components/responses/NotFound/content/application~1json/schema', 'message');
    const out = hoistInlineSchemas(
      model([
        operation('create_order', nested, [['201', object('#/r201', 'id')], ['404', shared, '#/components/responses/NotFound'], ['default', object('#/rd', 'm')]]),
        operation('listOrders', undefined, [['200', { kind: 'array', origin: '#/l', items: object('#/l/i', 'id') }], ['404', shared, '#/components/responses/NotFound']]),
      ]),
    );
    expect(out.schemas.map((s) => s.name)).toEqual(['CreateOrderRequestShipTo', 'CreateOrderRequestLinesItem', 'CreateOrderRequest', 'CreateOrder201Response', 'NotFoundResponse', 'CreateOrderDefaultResponse', 'ListOrders200ResponseItem']);
    const [create, list] = out.operations;
    expect(refName(create!.requestBody!.contents[0]!.schema)).toBe('CreateOrderRequest');
    expect(create!.responses.map((r) => refName(r.contents[0]!.schema))).toEqual(['CreateOrder201Response', 'NotFoundResponse', 'CreateOrderDefaultResponse']);
    expect(list!.responses.map((r) => refName(r.contents[0]!.schema))).toEqual(['ListOrders200ResponseItem[]', 'NotFoundResponse']);
  });

  it('names taken by components (ignoring case) get a number; maps, empty objects and primitives stay inline', () => {
    const map: IrSchema = { kind: 'object', origin: '#/m', properties: [], additionalProperties: str };
    const out = hoistInlineSchemas(model([operation('createOrder', object('#/b', 'a'), [['200', map], ['201', str]])], [{ name: 'createOrderRequest', schema: object('#/s', 'x') }]));
    expect(out.schemas.map((s) => s.name)).toEqual(['createOrderRequest', 'CreateOrderRequest2']);
    expect(out.operations[0]!.responses.map((r) => r.contents[0]!.schema!.kind)).toEqual(['object', 'primitive']);
  });

  it('a nullable inline object stays nullable where it is used, not in the model', () => {
    const out = hoistInlineSchemas(model([operation('op', { ...object('#/b', 'a'), nullable: true }, [])]));
    expect(out.schemas[0]!.schema.nullable).toBeUndefined();
    expect(out.operations[0]!.requestBody!.contents[0]!.schema).toMatchObject({ kind: 'ref', name: 'OpRequest', nullable: true });
  });
});

describe('sentMediaType', () => {
  const cases: [string, string][] = [
    ['application/json', 'application/json'],
    ['application/*+json', 'application/json'],
    ['*/*+json', 'application/json'],
    ['application/merge-patch+json', 'application/merge-patch+json'],
    ['*/*', '*/*'],
    ['text/plain; charset=utf-8', 'text/plain; charset=utf-8'],
  ];
  for (const [given, want] of cases) it(`${given} → ${want}`, () => expect(sentMediaType(given)).toBe(want));
});
