import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/generate-client.js';
import { json, TestServer } from '../runtime/server.js';
import { apiOf, loadGeneratedClient, type ClientModule } from './load-client.js';

// The generated client of test/fixtures/security/spec.yaml against a real HTTP server: which
// credentials it sends per Security Requirement (OAS 3.1 §4.8.30), and the scheme key and scopes
// it asks `accessToken(name, scopes)` for (oauth2, openIdConnect).

let server: TestServer;
let client: ClientModule;
let dir: string;

beforeAll(async () => {
  ({ client, dir } = await loadGeneratedClient('test/fixtures/security/spec.yaml'));
  server = await TestServer.start();
  server.respond(json(204, undefined));
}, 60_000);
afterAll(async () => {
  await server.close();
  await removeDir(dir);
});

async function send(method: string, credentials: Record<string, unknown>) {
  const before = server.requests.length;
  await apiOf(client, 'SecureApi', server.url, credentials)[method]!({});
  const { url, headers } = server.requests[before]!;
  return { url, authorization: headers['authorization'], apiKey: headers['x-api-key'] };
}

describe('tokens are asked for by scheme key and scopes', () => {
  const cases: [method: string, wantCall: string][] = [
    ['listPets', 'petstoreAuth read:pets'],
    ['createPet', 'oidc openid,write:pets'],
  ];
  for (const [method, wantCall] of cases) {
    it(`${method} → accessToken(${wantCall})`, async () => {
      const calls: string[] = [];
      const accessToken = (name: string, scopes: readonly string[]) => {
        calls.push(`${name} ${scopes.join(',')}`);
        return `token-for-${name}`;
      };
      const sent = await send(method, { accessToken });
      expect(calls).toEqual([wantCall]);
      expect(sent.authorization).toBe(`Bearer token-for-${wantCall.split(' ')[0]}`);
    });
  }
});

describe('requirements', () => {
  it('security: [] sends no credentials even when configured', async () => {
    expect(await send('health', { accessToken: 't', apiKey: 'k', username: 'u', password: 'p' })).toEqual({ url: '/health', authorization: undefined, apiKey: undefined });
  });
  it('an AND-combination sends both API keys (header and query)', async () => {
    const apiKey = (name: string) => `key-for-${name}`;
    expect(await send('admin', { apiKey })).toEqual({ url: '/admin?api_key=key-for-api_key', authorization: undefined, apiKey: 'key-for-X-Api-Key' });
  });
  it('the alternative is used when the first cannot be satisfied', async () => {
    expect(await send('admin', { username: 'u', password: 'p' })).toEqual({ url: '/admin', authorization: `Basic ${btoa('u:p')}`, apiKey: undefined });
  });
  it('an optional requirement ({}) sends nothing without credentials, the bearer token with', async () => {
    expect(await send('feed', {})).toEqual({ url: '/feed', authorization: undefined, apiKey: undefined });
    expect(await send('feed', { accessToken: 'abc' })).toEqual({ url: '/feed', authorization: 'Bearer abc', apiKey: undefined });
  });
});
