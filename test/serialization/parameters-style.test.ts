import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/generate-client.js';
import { json, TestServer } from '../runtime/server.js';
import { apiOf, loadGeneratedClient, type ClientModule } from './load-client.js';

// The generated client of ../shared/specs/readme-examples/parameters-style.yaml against a real
// HTTP server on 127.0.0.1: the exact URL, headers and body it sends per style and explode
// (OAS 3.1.1 §4.8.12.4 "Style Values" and the table of §4.8.12.5 "Style Examples";
// RFC 6570 for label/matrix, which 3.1.1 follows where 3.0.3's table was wrong).

const primitive = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { name: 'rex', description: 'good dog' };
const params = { primitive, array, object };

let server: TestServer;
let client: ClientModule;
let dir: string;

beforeAll(async () => {
  ({ client, dir } = await loadGeneratedClient('../shared/specs/readme-examples/parameters-style.yaml'));
  server = await TestServer.start();
  server.respond(json(200, {}));
}, 60_000);
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

async function send(className: string, method: string, given: Record<string, unknown> = params) {
  const before = server.requests.length;
  await apiOf(client, className, server.url)[method]!(given);
  return server.requests[before]!;
}

describe('path parameters', () => {
  const cases: [method: string, want: string][] = [
    ['pathsStandard', '/anything/path/blue/blue,black,brown/name,rex,description,good%20dog'],
    ['pathsSimpleNonExploded', '/anything/path/simple/blue/blue,black,brown/name,rex,description,good%20dog'],
    ['pathsSimpleExploded', '/anything/path/simple/blue/blue,black,brown/name=rex,description=good%20dog'],
    ['pathsLabelNonExploded', '/anything/path/label/.blue/.blue,black,brown/.name,rex,description,good%20dog'],
    ['pathsLabelExploded', '/anything/path/label/.blue/.blue.black.brown/.name=rex.description=good%20dog'],
    ['pathsMatrixNonExploded', '/anything/path/matrix/;primitive=blue/;array=blue,black,brown/;object=name,rex,description,good%20dog'],
    ['pathsMatrixExploded', '/anything/path/matrix/;primitive=blue/;array=blue;array=black;array=brown/;name=rex;description=good%20dog'],
  ];
  for (const [method, want] of cases) it(`${method} → ${want}`, async () => expect((await send('PathApi', method)).url).toBe(want));
});

describe('query parameters', () => {
  const cases: [method: string, given: Record<string, unknown>, want: string][] = [
    ['queryStandard', params, '/anything/query?primitive=blue&array=blue&array=black&array=brown&name=rex&description=good%20dog'],
    ['queryFormExploded', params, '/anything/query/form?primitive=blue&array=blue&array=black&array=brown&name=rex&description=good%20dog'],
    ['queryFormNonExploded', params, '/anything/query/form?primitive=blue&array=blue,black,brown&object=name,rex,description,good%20dog'],
    ['querySpaceDelimitedNonExploded', { array, object }, '/anything/query/spaceDelimited?array=blue%20black%20brown&object=name%20rex%20description%20good%20dog'],
    ['queryPipeDelimitedNonExploded', { array, object }, '/anything/query/pipeDelimited?array=blue%7Cblack%7Cbrown&object=name%7Crex%7Cdescription%7Cgood%20dog'],
    ['queryDeepObjectNonExploded', { object }, '/anything/query/deepObject?object%5Bname%5D=rex&object%5Bdescription%5D=good%20dog'],
  ];
  for (const [method, given, want] of cases) it(`${method} → ${want}`, async () => expect((await send('QueryApi', method, given)).url).toBe(want));
});

describe('header parameters', () => {
  const cases: [method: string, want: Record<string, string>][] = [
    ['headersStandard', { primitive: 'blue', array: 'blue,black,brown', object: 'name,rex,description,good dog' }],
    ['headersSimpleNonExploded', { primitive: 'blue', array: 'blue,black,brown', object: 'name,rex,description,good dog' }],
    ['headersSimpleExploded', { primitive: 'blue', array: 'blue,black,brown', object: 'name=rex,description=good dog' }],
  ];
  for (const [method, want] of cases) {
    it(`${method} → ${JSON.stringify(want)}`, async () => {
      const { headers } = await send('HeaderApi', method);
      expect({ primitive: headers['primitive'], array: headers['array'], object: headers['object'] }).toEqual(want);
    });
  }
});

describe('cookie parameters', () => {
  const cases: [method: string, want: string][] = [
    ['cookiesStandard', 'primitive=blue; array=blue; array=black; array=brown; name=rex; description=good%20dog'],
    ['cookiesFormExploded', 'primitive=blue; array=blue; array=black; array=brown; name=rex; description=good%20dog'],
    ['cookiesFormNonExploded', 'primitive=blue; array=blue,black,brown; object=name,rex,description,good%20dog'],
  ];
  for (const [method, want] of cases) it(`${method} → ${want}`, async () => expect((await send('CookieApi', method)).headers['cookie']).toBe(want));
});

describe('multipart/form-data bodies', () => {
  it('formDataStandard: one part per field, arrays repeat the field, objects are JSON text', async () => {
    const request = await send('MultipartFormDataEncodingApi', 'formDataStandard', { body: params });
    const contentType = request.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
    expect([...form.entries()]).toEqual([
      ['primitive', 'blue'],
      ['array', 'blue'],
      ['array', 'black'],
      ['array', 'brown'],
      ['object', '{"name":"rex","description":"good dog"}'],
    ]);
  });
});
