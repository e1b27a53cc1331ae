import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AgentApi, Configuration, ResponseError, type AgentStreamError, type AgentStream200Response, type TypedEvent } from '../../generated/index.js';
import { json, sse, TestServer } from './server.js';

// The committed, generated AgentApi client against a real HTTP server on 127.0.0.1.

const TENANT = '38400000-8cf0-11bd-b23e-10b96e4ef00d';
let server: TestServer;

beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  await server.close();
});

async function collect<E>(iterable: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('AgentApi.agentStream (text/event-stream)', () => {
  it('streams typed events with ids, percent-encodes the path and sends the stream Accept', async () => {
    server.respond(
      sse((w) => {
        w.event({ id: '1', data: JSON.stringify({ type: 'start' }) });
        w.event({ event: 'quick_start', id: '2', data: JSON.stringify({ type: 'qs', quick_start: { content: '你好', title: 'hi' } }) });
        w.raw(': keep-alive\n\n');
        w.event({ data: JSON.stringify({ type: 'end' }) });
        w.end();
      }),
    );
    const api = new AgentApi(new Configuration({ basePath: server.url, accessToken: 'tok' }));
    const events: TypedEvent<AgentStream200Response>[] = await collect(api.agentStream({ tenant: TENANT, stream: 'a b/c' }));
    expect(events).toEqual([
      { event: 'message', id: '1', data: { type: 'start' } },
      { event: 'quick_start', id: '2', data: { type: 'qs', quick_start: { content: '你好', title: 'hi' } } },
      { event: 'message', id: '2', data: { type: 'end' } },
    ]);
    const [request] = server.requests;
    expect(request!.method).toBe('GET');
    expect(request!.url).toBe(`/api/v1/tenants/${TENANT}/stream/a%20b%2Fc`);
    expect(request!.headers['accept']).toBe('text/event-stream');
  });

  it('yields each event as it arrives, before the stream ends', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server.respond(
      sse(async (w) => {
        w.event({ data: JSON.stringify({ type: 'first' }) });
        await gate;
        w.event({ data: JSON.stringify({ type: 'second' }) });
        w.end();
      }),
    );
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    const seen: string[] = [];
    for await (const event of api.agentStream({ tenant: TENANT, stream: 's' })) {
      seen.push(event.data.type ?? '');
      if (seen.length === 1) release();
    }
    expect(seen).toEqual(['first', 'second']);
  });

  it('break closes the connection (seen by the server)', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ data: JSON.stringify({ type: 'one' }) });
        await w.wait(5000);
      }),
    );
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    for await (const event of api.agentStream({ tenant: TENANT, stream: 's' })) {
      expect(event.data.type).toBe('one');
      break;
    }
    await server.requests[0]!.clientClosed;
    expect(server.requests[0]!.closedByClient).toBe(true);
  });

  it('aborting options.signal rejects and closes the connection', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ data: JSON.stringify({ type: 'one' }) });
        await w.wait(5000);
      }),
    );
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    const controller = new AbortController();
    const consume = collect(api.agentStream({ tenant: TENANT, stream: 's' }, { signal: controller.signal }));
    await server.waitForRequests(1);
    setTimeout(() => controller.abort(), 20);
    await expect(consume).rejects.toThrow();
    await server.requests[0]!.clientClosed;
  });

  it('throws ResponseError with the typed 403 body and does not reconnect', async () => {
    server.respond(json(403, { description: 'no access', code: 1403 }));
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    const error = await collect(api.agentStream({ tenant: TENANT, stream: 's' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    const failure = error as AgentStreamError;
    expect(failure.status).toBe(403);
    if (failure.status === 403) expect(failure.body.description).toBe('no access');
    expect(server.requests).toHaveLength(1);
  });
});

describe('AgentApi.agentStreamJson (application/json)', () => {
  it('returns the typed JSON body and sends the JSON Accept', async () => {
    server.respond(json(200, { type: 'snapshot', quick_start: { content: 'c' } }));
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    const body: AgentStream200Response = await api.agentStreamJson({ tenant: TENANT, stream: 's' });
    expect(body).toEqual({ type: 'snapshot', quick_start: { content: 'c' } });
    expect(server.requests[0]!.headers['accept']).toBe('application/json');
  });

  it('throws ResponseError with the typed 400 body', async () => {
    server.respond(json(400, { errors: [{ description: 'bad tenant', field: 'tenant' }] }));
    const api = new AgentApi(new Configuration({ basePath: server.url }));
    const error = (await api.agentStreamJson({ tenant: 'x', stream: 's' }).catch((e: unknown) => e)) as AgentStreamError;
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.status).toBe(400);
    if (error.status === 400) expect(error.body.errors[0]!.field).toBe('tenant');
  });
});

describe('AgentApi authentication (basicAuth OR cookieAuth OR bearerAuth)', () => {
  it.each([
    ['basic', { username: 'ada', password: 'lövelace' }, { authorization: `Basic ${Buffer.from('ada:lövelace').toString('base64')}` }],
    ['cookie', { apiKey: 'session-123' }, { cookie: 'hatchet=session-123' }],
    ['bearer', { accessToken: 'tok-1' }, { authorization: 'Bearer tok-1' }],
    ['bearer from an async function', { accessToken: async () => 'tok-2' }, { authorization: 'Bearer tok-2' }],
    ['none configured', {}, {}],
  ] as const)('%s', async (_name, credentials, want) => {
    server.respond(json(200, {}));
    const api = new AgentApi(new Configuration({ basePath: server.url, ...credentials }));
    await api.agentStreamJson({ tenant: TENANT, stream: 's' });
    const headers = server.requests[0]!.headers;
    expect({ authorization: headers['authorization'], cookie: headers['cookie'] }).toEqual({ authorization: undefined, cookie: undefined, ...want });
  });
});
