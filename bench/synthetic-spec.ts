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

/**
 * A document shaped like GitHub's REST API description (issue 4's scale case): about 10 kB per
 * operation from long markdown descriptions, response examples, shared parameters, inline response
 * objects, nullable and `allOf`/`oneOf` schemas with twenty-odd described properties each. With
 * 1,000 operations it is about 10 MB, the size of GitHub's.
 */
export function githubShapedSpec(operations: number): string {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, unknown> = {};
  const models = Math.max(2, Math.ceil(operations * 0.8));
  for (let m = 0; m < models; m++) schemas[`resource-${m}`] = richModel(m, models);
  schemas['basic-error'] = { title: 'Basic Error', type: 'object', properties: { message: { type: 'string' }, documentation_url: { type: 'string' }, url: { type: 'string' }, status: { type: 'string' } } };
  for (let i = 0; i < operations; i++) {
    const model = `resource-${i % models}`;
    const path = `/repos/{owner}/{repo}/area${Math.floor(i / 4)}/{item_id}${i % 4 < 2 ? '' : '/sub'}`;
    const method = ['get', 'patch', 'post', 'delete'][i % 4]!;
    paths[path] ??= {};
    paths[path]![method] = {
      summary: `Do thing ${i}`,
      description: paragraph(i, 9),
      tags: [`area${Math.floor(i / 40)}`],
      operationId: `area${Math.floor(i / 40)}/do-thing-${i}`,
      externalDocs: { description: 'API method documentation', url: `https://docs.example.com/rest/area/${i}` },
      parameters: [
        { $ref: '#/components/parameters/owner' },
        { $ref: '#/components/parameters/repo' },
        { name: 'item_id', in: 'path', required: true, description: 'The unique identifier of the item.', schema: { type: 'integer' } },
        { $ref: '#/components/parameters/per-page' },
        { $ref: '#/components/parameters/page' },
        { name: 'state', in: 'query', description: 'Indicates the state of the items to return.', schema: { type: 'string', enum: ['open', 'closed', 'all'], default: 'open' } },
        { name: 'labels', in: 'query', style: 'form', explode: false, description: 'A list of comma separated label names.', schema: { type: 'array', items: { type: 'string' } } },
      ],
      ...(method === 'patch' || method === 'post'
        ? { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { title: { type: 'string', description: 'The title.' }, body: { type: 'string', nullable: true }, assignees: { type: 'array', items: { type: 'string' } }, milestone: { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true } }, required: ['title'] }, examples: { default: { value: { title: 'Found a bug', body: "I'm having a problem with this.", assignees: ['octocat'] } } } } } } }
        : {}),
      responses: {
        [method === 'post' ? '201' : method === 'delete' ? '204' : '200']:
          method === 'delete'
            ? { description: 'Response' }
            : {
                description: 'Response',
                headers: { Link: { $ref: '#/components/headers/link' } },
                content: {
                  'application/json': {
                    schema: i % 3 === 0 ? { type: 'object', required: ['total_count', 'items'], properties: { total_count: { type: 'integer' }, items: { type: 'array', items: { $ref: `#/components/schemas/${model}` } } } } : { $ref: `#/components/schemas/${model}` },
                    examples: { default: { value: exampleOf(i) } },
                  },
                },
              },
        '404': { $ref: '#/components/responses/not_found' },
        '422': { description: 'Validation failed', content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } },
      },
      'x-github': { githubCloudOnly: false, enabledForGitHubApps: true, category: `area${Math.floor(i / 40)}` },
    };
  }
  const document = {
    openapi: '3.0.3',
    info: { title: `GitHub-shaped ${operations}`, version: '1.1.4', description: paragraph(0, 3) },
    servers: [{ url: 'https://api.example.com' }],
    paths,
    components: {
      schemas,
      parameters: {
        owner: { name: 'owner', in: 'path', required: true, description: 'The account owner of the repository. The name is not case sensitive.', schema: { type: 'string' } },
        repo: { name: 'repo', in: 'path', required: true, description: 'The name of the repository without the `.git` extension. The name is not case sensitive.', schema: { type: 'string' } },
        'per-page': { name: 'per_page', in: 'query', description: 'The number of results per page (max 100). For more information, see "[Using pagination](https://docs.example.com/pagination)."', schema: { type: 'integer', default: 30 } },
        page: { name: 'page', in: 'query', description: 'The page number of the results to fetch.', schema: { type: 'integer', default: 1 } },
      },
      headers: { link: { example: '<https://api.example.com/resource?page=2>; rel="next"', schema: { type: 'string' } } },
      responses: { not_found: { description: 'Resource not found', content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } } } },
    },
  };
  return JSON.stringify(document, null, 2);
}

function richModel(m: number, models: number): unknown {
  const properties: Record<string, unknown> = {
    id: { type: 'integer', format: 'int64', example: 42 },
    node_id: { type: 'string', example: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5' },
    url: { type: 'string', format: 'uri', example: `https://api.example.com/resources/${m}` },
    html_url: { type: 'string', format: 'uri' },
    name: { type: 'string', description: 'The name of the resource.', example: 'Hello-World' },
    description: { type: 'string', nullable: true, description: paragraph(m, 1) },
    state: { type: 'string', enum: ['open', 'closed'], description: 'State of the resource; either \'open\' or \'closed\'.' },
    locked: { type: 'boolean' },
    created_at: { type: 'string', format: 'date-time', example: '2011-01-26T19:01:12Z' },
    updated_at: { type: 'string', format: 'date-time', nullable: true },
    labels: { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' }, color: { type: 'string', nullable: true } } }] } },
    permissions: { type: 'object', properties: { admin: { type: 'boolean' }, maintain: { type: 'boolean' }, push: { type: 'boolean' }, triage: { type: 'boolean' }, pull: { type: 'boolean' } }, required: ['admin', 'pull', 'push'] },
    author_association: { type: 'string', enum: ['COLLABORATOR', 'CONTRIBUTOR', 'FIRST_TIMER', 'MEMBER', 'NONE', 'OWNER'], description: 'How the author is associated with the repository.' },
    ...(m + 1 < models && m % 8 !== 7 ? { parent: { allOf: [{ $ref: `#/components/schemas/resource-${m + 1}` }], nullable: true } } : {}),
  };
  for (let k = 0; k < 8; k++) properties[`field_${k}`] = { type: k % 2 === 0 ? 'string' : 'integer', description: `Field ${k} of resource ${m}. ${paragraph(m + k, 1)}` };
  return { title: `Resource ${m}`, description: paragraph(m, 2), type: 'object', properties, required: ['id', 'node_id', 'url', 'name', 'state', 'created_at'] };
}

function exampleOf(i: number): unknown {
  return { id: i, node_id: 'MDU6SXNzdWUx', url: `https://api.example.com/items/${i}`, name: `Item ${i}`, state: 'open', locked: false, created_at: '2011-04-22T13:33:48Z', labels: [{ id: 208045946, name: 'bug', color: 'f29513' }], permissions: { admin: false, pull: true, push: false }, description: paragraph(i, 1) };
}

/** `sentences` sentences of markdown prose (links, code, emphasis), different per seed. */
function paragraph(seed: number, sentences: number): string {
  const parts = [
    `Lists the items of area ${seed} that the authenticated user can access, in the order they were created.`,
    'OAuth app tokens and personal access tokens (classic) need the `repo` scope to use this endpoint with a private repository.',
    `For more information, see "[Working with items](https://docs.example.com/items/${seed})."`,
    'This endpoint supports the following custom media types: **`application/vnd.example.raw+json`** returns the raw markdown body.',
    'Items are returned **newest first**; use the `page` and `per_page` parameters to walk the list.',
    `> [!NOTE]\n> Results are cached for up to ${seed % 60} seconds.`,
  ];
  return Array.from({ length: sentences }, (_, k) => parts[(seed + k) % parts.length]).join('\n\n');
}
