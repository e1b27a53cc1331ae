import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics/diagnostic.js';
import { loadSpec } from '../../generator/load/load-spec.js';

// A spec served over HTTP from 127.0.0.1, with a relative $ref and an absolute URL $ref.
const FILES: Record<string, string> = {
  '/api/openapi.yaml': `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: './schemas/pet.yaml#/Pet' }
components:
  schemas:
    Error: { $ref: 'ORIGIN/shared/error.json' }
`,
  '/api/schemas/pet.yaml': 'Pet:\n  type: object\n  properties:\n    name: { type: string }\n',
  '/shared/error.json': '{\n  "type": "object",\n  "properties": { "code": { "type": "integer" } }\n}\n',
  '/broken/openapi.yaml': "openapi: 3.1.0\ninfo: { title: T, version: '1' }\ncomponents:\n  schemas:\n    A: { $ref: './missing.yaml' }\n",
};

let server: Server;
let origin = '';
const requested: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requested.push(request.url ?? '');
    const body = FILES[request.url ?? ''];
    if (body === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/plain' }).end(body.replace('ORIGIN', origin));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

describe('specs and $refs at http URLs', () => {
  it('fetches the root, a relative $ref and an absolute URL $ref, and bundles them', async () => {
    const spec = await loadSpec(`${origin}/api/openapi.yaml`);
    expect(spec.files.sort()).toEqual([`${origin}/api/openapi.yaml`, `${origin}/api/schemas/pet.yaml`, `${origin}/shared/error.json`]);
    const doc = spec.document as { components: { schemas: Record<string, unknown> } };
    expect(doc.components.schemas['Pet']).toEqual({ type: 'object', properties: { name: { type: 'string' } } });
    // A component that is only a URL $ref becomes a local ref to the bundled copy (named after the file).
    expect(doc.components.schemas['Error']).toEqual({ $ref: '#/components/schemas/error' });
    expect(doc.components.schemas['error']).toEqual({ type: 'object', properties: { code: { type: 'integer' } } });
    // Positions of bundled objects point into the fetched documents, by URL.
    expect(spec.sourceMap.locate('#/components/schemas/Pet/properties/name')).toMatchObject({ file: `${origin}/api/schemas/pet.yaml`, line: 4, column: 5 });
    expect(spec.sourceMap.locate('#/components/schemas/error/properties/code')).toMatchObject({ file: `${origin}/shared/error.json`, line: 3, column: 19 });
  });

  it.each([
    ['a root URL that answers 404', '/nope.yaml', 'OAS001', /cannot read file .*\/nope\.yaml: HTTP 404/],
    ['a $ref to a URL that answers 404', '/broken/openapi.yaml', 'OAS006', /\$ref "\.\/missing\.yaml" in .*\/broken\/openapi\.yaml cannot be loaded: cannot read .*\/broken\/missing\.yaml \(HTTP 404/],
  ])('%s is a diagnostic', async (_name, path, code, message) => {
    const error = await loadSpec(`${origin}${path}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    const [first] = (error as SpecError).diagnostics;
    expect([first?.code, first?.message]).toEqual([code, expect.stringMatching(message)]);
  });
});
