/**
 * Builds an OpenAPI 3.1 document with `operations` operations, for the scaling rows of the benchmark
 * (issue 7). Made on the fly, never committed: 20 operations per tag, one model per two operations,
 * each operation with a path and a query parameter, a JSON body or response referencing a model.
 */
export function syntheticSpec(operations: number): string {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  const models = Math.max(1, Math.ceil(operations / 2));
  for (let m = 0; m < models; m++) schemas[`Model${m}`] = modelSchema(m, models);
  for (let i = 0; i < operations; i++) {
    const model = { $ref: `#/components/schemas/Model${i % models}` };
    const resource = `/resources${Math.floor(i / 2)}/{id}`;
    const write = i % 2 === 1;
    paths[resource] ??= {};
    paths[resource]![write ? 'put' : 'get'] = {
      operationId: `operation${i}`,
      tags: [`Tag${Math.floor(i / 20)}`],
      summary: `Operation number ${i}.`,
      description: `Does the work of operation ${i} on one resource.`,
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
      ],
      ...(write ? { requestBody: { required: true, content: { 'application/json': { schema: model } } } } : {}),
      responses: {
        '200': { description: 'The resource.', content: { 'application/json': { schema: model } } },
        '404': { description: 'Not found.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      },
    };
  }
  schemas['Problem'] = { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } };
  const document = { openapi: '3.1.0', info: { title: `Synthetic ${operations}`, version: '1.0.0' }, servers: [{ url: 'https://api.example.com' }], paths, components: { schemas } };
  return JSON.stringify(document, null, 1);
}

function modelSchema(m: number, models: number): unknown {
  return {
    type: 'object',
    description: `Model number ${m}.`,
    required: ['id', 'name'],
    properties: {
      id: { type: 'string', format: 'uuid' },
      name: { type: 'string', description: 'A display name.' },
      count: { type: 'integer' },
      status: { type: 'string', enum: ['active', 'paused', 'deleted'] },
      tags: { type: 'array', items: { type: 'string' } },
      createdAt: { type: 'string', format: 'date-time' },
      // Models refer to each other in small groups (real APIs are wide, not one deep chain).
      ...(m % 10 < 9 && m + 1 < models ? { next: { $ref: `#/components/schemas/Model${m + 1}` } } : {}),
    },
  };
}
