import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/generate-client.js';
import { json, TestServer } from '../runtime/server.js';
import { apiOf, loadGeneratedClient, type ClientModule } from './load-client.js';

// The generated client of test/fixtures/request-bodies/spec.yaml against a real HTTP server:
// the exact Content-Type and body bytes per media type (OAS 3.1 §4.8.13, §4.8.14, §4.8.15).

let server: TestServer;
let client: ClientModule;
let dir: string;

beforeAll(async () => {
  ({ client, dir } = await loadGeneratedClient('test/fixtures/request-bodies/spec.yaml'));
  server = await TestServer.start();
  server.respond(json(200, {}));
}, 60_000);
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

async function send(method: string, given: Record<string, unknown>) {
  const before = server.requests.length;
  await apiOf(client, 'BodiesApi', server.url)[method]!(given);
  const request = server.requests[before]!;
  return { contentType: request.headers['content-type'], body: request.body.toString('latin1'), request };
}

describe('a body with several media types: contentType picks one, the first is the default', () => {
  const pet = { name: 'Rex', tags: ['a b', 'c&d'] };
  const cases: [given: Record<string, unknown>, contentType: string, body: string][] = [
    [{ body: pet }, 'application/json', '{"name":"Rex","tags":["a b","c&d"]}'],
    [{ contentType: 'application/json', body: pet }, 'application/json', '{"name":"Rex","tags":["a b","c&d"]}'],
    [{ contentType: 'application/x-www-form-urlencoded', body: { name: 'Rex K', age: 3 } }, 'application/x-www-form-urlencoded', 'name=Rex+K&age=3'],
    [{ contentType: 'text/plain', body: 'just text' }, 'text/plain', 'just text'],
  ];
  for (const [given, contentType, body] of cases) {
    it(`${JSON.stringify(given)} → ${contentType} ${body}`, async () => expect(await send('createPet', given)).toMatchObject({ contentType, body }));
  }
});

describe('optional bodies and JSON ranges', () => {
  it('application/*+json is sent as application/json', async () => {
    expect(await send('mergePet', { body: { name: 'Rex' } })).toMatchObject({ contentType: 'application/json', body: '{"name":"Rex"}' });
  });
  it('an optional body left out sends no body and no Content-Type', async () => {
    expect(await send('mergePet', {})).toMatchObject({ contentType: undefined, body: '' });
  });
});

describe('binary and multipart bodies', () => {
  it('application/octet-stream sends the bytes as they are', async () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 10]);
    const { contentType, request } = await send('putRaw', { body: bytes });
    expect(contentType).toBe('application/octet-stream');
    expect([...request.body]).toEqual([0, 1, 2, 255, 10]);
  });

  it('multipart/form-data: Blob files and Blob arrays as file parts, objects as JSON text, strings as text', async () => {
    const body = {
      file: new Blob(['%PDF'], { type: 'application/pdf' }),
      attachments: [new Blob(['one']), new Blob(['two'])],
      meta: { name: 'Rex' },
      note: 'hello',
    };
    const { contentType, request } = await send('uploadFiles', { body });
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType! } }).formData();
    const parts = await Promise.all(
      [...form.entries()].map(async ([name, value]) => (typeof value === 'string' ? [name, value] : [name, value.type, await value.text()])),
    );
    expect(parts).toEqual([
      ['file', 'application/pdf', '%PDF'],
      ['attachments', 'application/octet-stream', 'one'],
      ['attachments', 'application/octet-stream', 'two'],
      ['meta', '{"name":"Rex"}'],
      ['note', 'hello'],
    ]);
  });
});
