/**
 * The runtime against a real node:http server (no fetch mocks): request building, auth,
 * middleware, errors, and the event-stream connection with its reconnection and closing behaviour,
 * checked on the server side.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BaseAPI,
  Configuration,
  ContentTypeError,
  EventDataError,
  ResponseError,
  type ConfigurationParameters,
  type DataFormat,
  type EventStream,
  type Middleware,
  type RequestOptions,
  type RequestSpec,
  type SecurityRequirementSpec,
  type StreamOptions,
  type TypedEvent,
} from '../../templates/runtime/runtime.js';
import { dropRequest, echo, json, sleep, sse, text, TestServer, within } from './server.js';

/** Exposes BaseAPI's protected methods. */
class TestApi extends BaseAPI {
  raw(spec: RequestSpec, options?: RequestOptions): Promise<Response> {
    return this.request(spec, options);
  }
  json<T>(spec: RequestSpec, options?: RequestOptions): Promise<T> {
    return this.requestJson<T>(spec, options);
  }
  text(spec: RequestSpec, options?: RequestOptions): Promise<string> {
    return this.requestText(spec, options);
  }
  blob(spec: RequestSpec, options?: RequestOptions): Promise<Blob> {
    return this.requestBlob(spec, options);
  }
  void(spec: RequestSpec, options?: RequestOptions): Promise<void> {
    return this.requestVoid(spec, options);
  }
  stream<E extends TypedEvent<unknown>>(spec: RequestSpec, options?: StreamOptions, format: DataFormat = 'json'): EventStream<E> {
    return this.requestEventStream<E>(spec, options, format);
  }
}

interface Echo {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

let server: TestServer;
beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  await server.close();
});

function api(parameters: ConfigurationParameters = {}): TestApi {
  return new TestApi(new Configuration(parameters), server.url);
}

async function collect<E>(stream: AsyncIterable<E>, limit = 50): Promise<E[]> {
  const events: E[] = [];
  for await (const event of stream) {
    events.push(event);
    if (events.length >= limit) break;
  }
  return events;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

const GET: RequestSpec = { method: 'GET', path: '/thing' };
const STREAM: RequestSpec = { method: 'GET', path: '/events', accept: 'text/event-stream' };

describe('requests', () => {
  it('sends path, query, header and cookie parameters as serialized', async () => {
    server.respond(echo());
    const result = await api({ headers: { 'X-Config': 'c' } }).json<Echo>(
      {
        method: 'GET',
        path: '/api/v1/tenants/{tenant}/stream/{stream}',
        pathParams: [
          { name: 'tenant', value: '6f1c/é', style: 'simple', explode: false },
          { name: 'stream', value: ['a', 'b'], style: 'simple', explode: false },
        ],
        query: [
          { name: 'limit', value: 10, style: 'form', explode: true },
          { name: 'skip', value: undefined, style: 'form', explode: true },
          { name: 'tag', value: ['x y', 'z'], style: 'form', explode: true },
          { name: 'ids', value: [1, 2], style: 'pipeDelimited', explode: false },
          { name: 'filter', value: { a: 1 }, style: 'deepObject', explode: true },
          { name: 'next', value: '/p?q', style: 'form', explode: true, allowReserved: true },
        ],
        headers: [
          { name: 'X-Request-Id', value: 'r1', style: 'simple', explode: false },
          { name: 'X-List', value: [1, 2, 3], style: 'simple', explode: false },
          { name: 'X-Absent', value: undefined, style: 'simple', explode: false },
          { name: 'Authorization', value: 'ignored', style: 'simple', explode: false },
        ],
        cookies: [
          { name: 'session', value: 'abc', style: 'form', explode: true },
          { name: 'prefs', value: ['a', 'b'], style: 'form', explode: false },
        ],
        accept: 'application/json',
      },
      { headers: { 'X-Call': 'k' } },
    );
    expect(result.method).toBe('GET');
    expect(result.url).toBe(
      '/api/v1/tenants/6f1c%2F%C3%A9/stream/a,b?limit=10&tag=x%20y&tag=z&ids=1%7C2&filter%5Ba%5D=1&next=/p?q',
    );
    expect(result.headers['x-request-id']).toBe('r1');
    expect(result.headers['x-list']).toBe('1,2,3');
    expect(result.headers['x-absent']).toBeUndefined();
    expect(result.headers['cookie']).toBe('session=abc; prefs=a,b');
    expect(result.headers['accept']).toBe('application/json');
    expect(result.headers['x-config']).toBe('c');
    expect(result.headers['x-call']).toBe('k');
    expect(result.headers['authorization']).toBeUndefined();
  });

  it('uses configuration.basePath over the default and trims trailing slashes', async () => {
    server.respond(echo());
    const custom = new TestApi(new Configuration({ basePath: `${server.url}/base//` }), 'http://unused.invalid');
    expect((await custom.json<Echo>(GET)).url).toBe('/base/thing');
    const byDefault = new TestApi(undefined, `${server.url}/root/`);
    expect((await byDefault.json<Echo>(GET)).url).toBe('/root/thing');
  });

  it('merges per-call headers over configuration headers', async () => {
    server.respond(echo());
    const result = await api({ headers: { 'X-A': 'config', 'X-B': 'config' } }).json<Echo>(GET, { headers: { 'x-b': 'call' } });
    expect(result.headers['x-a']).toBe('config');
    expect(result.headers['x-b']).toBe('call');
  });

  it('POSTs a JSON body and parses the JSON answer', async () => {
    server.respond(echo());
    const result = await api().json<Echo>({ method: 'POST', path: '/items', body: { mediaType: 'application/json', value: { name: 'n', n: [1, 2] } } });
    expect(result.method).toBe('POST');
    expect(result.headers['content-type']).toBe('application/json');
    expect(JSON.parse(result.body)).toEqual({ name: 'n', n: [1, 2] });
  });

  it('sends +json media types as JSON with their own Content-Type', async () => {
    server.respond(echo());
    const result = await api().json<Echo>({ method: 'PATCH', path: '/items/1', body: { mediaType: 'application/merge-patch+json', value: { a: null } } });
    expect(result.headers['content-type']).toBe('application/merge-patch+json');
    expect(result.body).toBe('{"a":null}');
  });

  it('sends an application/x-www-form-urlencoded body', async () => {
    server.respond(echo());
    const value = { name: 'a b&c', tags: ['x', 'y'], meta: { k: 1 }, none: undefined, empty: null, on: true };
    const result = await api().json<Echo>({ method: 'POST', path: '/form', body: { mediaType: 'application/x-www-form-urlencoded', value } });
    expect(result.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(result.body).toBe('name=a+b%26c&tags=x&tags=y&meta=%7B%22k%22%3A1%7D&empty=&on=true');
  });

  it('sends a multipart/form-data body with files, repeated fields and JSON parts', async () => {
    server.respond(echo());
    const file = new File(['file content'], 'a.txt', { type: 'text/plain' });
    const value = { file, tags: ['x', 'y'], meta: { k: 1 }, count: 3 };
    const result = await api().json<Echo>({ method: 'POST', path: '/upload', body: { mediaType: 'multipart/form-data', value } });
    const contentType = result.headers['content-type']!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(result.body, { headers: { 'Content-Type': contentType } }).formData();
    const part = form.get('file');
    expect(part).toBeInstanceOf(Blob);
    expect((part as File).name).toBe('a.txt');
    expect(await (part as File).text()).toBe('file content');
    expect(form.getAll('tags')).toEqual(['x', 'y']);
    expect(form.get('meta')).toBe('{"k":1}');
    expect(form.get('count')).toBe('3');
  });

  it('sends text and binary bodies', async () => {
    server.respond(echo());
    const textResult = await api().json<Echo>({ method: 'PUT', path: '/t', body: { mediaType: 'text/plain', value: 42 } });
    expect(textResult.headers['content-type']).toBe('text/plain');
    expect(textResult.body).toBe('42');
    const bytes = new TextEncoder().encode('binary!');
    const binary = await api().json<Echo>({ method: 'PUT', path: '/b', body: { mediaType: 'application/octet-stream', value: bytes } });
    expect(binary.headers['content-type']).toBe('application/octet-stream');
    expect(binary.body).toBe('binary!');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('stre'));
        controller.enqueue(new TextEncoder().encode('amed'));
        controller.close();
      },
    });
    const streamed = await api().json<Echo>({ method: 'PUT', path: '/s', body: { mediaType: 'application/octet-stream', value: stream } });
    expect(streamed.body).toBe('streamed');
  });

  it('reads text, Blob, void and empty JSON answers', async () => {
    server.respond(text(200, 'hello'), text(200, 'bytes', 'application/octet-stream'), text(200, 'ignored'), json(204, undefined), json(200, undefined));
    const client = api();
    expect(await client.text(GET)).toBe('hello');
    const blob = await client.blob(GET);
    expect(blob.type).toBe('application/octet-stream');
    expect(await blob.text()).toBe('bytes');
    await expect(client.void(GET)).resolves.toBeUndefined();
    await expect(client.json(GET)).resolves.toBeUndefined();
    await expect(client.json(GET)).resolves.toBeUndefined();
  });

  it('throws ResponseError with status, headers and the parsed JSON body on 400 and 403', async () => {
    const errors = { errors: [{ code: 1400, description: 'bad' }] };
    server.respond(json(400, errors, { 'X-Trace': 't1' }), json(403, { description: 'Forbidden' }));
    const bad = await rejection(api().json(GET));
    expect(bad).toBeInstanceOf(ResponseError);
    const error400 = bad as ResponseError;
    expect(error400.name).toBe('ResponseError');
    expect(error400.status).toBe(400);
    expect(error400.body).toEqual(errors);
    expect(error400.headers.get('x-trace')).toBe('t1');
    expect(error400.response.status).toBe(400);
    expect(error400.message).toContain('400');
    const forbidden = (await rejection(api().raw(GET))) as ResponseError<403, { description: string }>;
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.description).toBe('Forbidden');
  });

  it('gives ResponseError the text body for non-JSON and invalid JSON, undefined when empty', async () => {
    server.respond(text(500, 'oops'), text(502, '{not json', 'application/json'), json(404, undefined));
    expect(((await rejection(api().text(GET))) as ResponseError).body).toBe('oops');
    expect(((await rejection(api().text(GET))) as ResponseError).body).toBe('{not json');
    expect(((await rejection(api().text(GET))) as ResponseError).body).toBeUndefined();
  });

  it('keeps the query string (API keys) out of the error message', async () => {
    server.respond(json(401, {}));
    const error = (await rejection(api().json({ ...GET, query: [{ name: 'key', value: 'secret', style: 'form', explode: true }] }))) as ResponseError;
    expect(error.message).not.toContain('secret');
  });

  it('passes RequestInit options (signal) through', async () => {
    server.respond(async (_request, res) => {
      await sleep(2000);
      res.end();
    });
    const controller = new AbortController();
    const pending = api().json(GET, { signal: controller.signal });
    await server.waitForRequests(1);
    controller.abort(new Error('stop'));
    await expect(within(pending, 1000)).rejects.toThrow('stop');
  });
});

describe('security', () => {
  const basic: SecurityRequirementSpec = { scheme: { type: 'http', scheme: 'basic', key: 'basicAuth' }, scopes: [] };
  const bearer: SecurityRequirementSpec = { scheme: { type: 'http', scheme: 'Bearer', key: 'bearerAuth' }, scopes: [] };
  const cookie: SecurityRequirementSpec = { scheme: { type: 'apiKey', in: 'cookie', parameterName: 'hatchet', key: 'cookieAuth' }, scopes: [] };
  const header: SecurityRequirementSpec = { scheme: { type: 'apiKey', in: 'header', parameterName: 'X-API-Key', key: 'headerKey' }, scopes: [] };
  const query: SecurityRequirementSpec = { scheme: { type: 'apiKey', in: 'query', parameterName: 'api_key', key: 'queryKey' }, scopes: [] };
  const oauth: SecurityRequirementSpec = { scheme: { type: 'oauth2', key: 'oauth' }, scopes: ['read', 'write'] };
  const spec = (security: SecurityRequirementSpec[][]): RequestSpec => ({ ...GET, security });

  it('http basic: UTF-8 base64 of username:password', async () => {
    server.respond(echo());
    const result = await api({ username: 'usér', password: 'pä:ss' }).json<Echo>(spec([[basic]]));
    const expected = `Basic ${Buffer.from('usér:pä:ss', 'utf8').toString('base64')}`;
    expect(result.headers['authorization']).toBe(expected);
  });

  it('http bearer and oauth2: the token, from a function given the scheme key and scopes', async () => {
    server.respond(echo());
    const calls: [string, readonly string[]][] = [];
    const client = api({
      accessToken: async (name, scopes) => {
        calls.push([name, scopes]);
        return `token-${name}`;
      },
    });
    expect((await client.json<Echo>(spec([[bearer]]))).headers['authorization']).toBe('Bearer token-bearerAuth');
    expect((await client.json<Echo>(spec([[oauth]]))).headers['authorization']).toBe('Bearer token-oauth');
    expect(calls).toEqual([
      ['bearerAuth', []],
      ['oauth', ['read', 'write']],
    ]);
    const other = await api({ accessToken: 'tok' }).json<Echo>(spec([[{ scheme: { type: 'http', scheme: 'Token', key: 't' }, scopes: [] }]]));
    expect(other.headers['authorization']).toBe('Token tok');
  });

  it('apiKey in header, query and cookie (cookie merged with cookie parameters)', async () => {
    server.respond(echo());
    const client = api({ apiKey: (name) => `key-for-${name}` });
    expect((await client.json<Echo>(spec([[header]]))).headers['x-api-key']).toBe('key-for-X-API-Key');
    const withQuery = await client.json<Echo>({ ...spec([[query]]), query: [{ name: 'a', value: 1, style: 'form', explode: true }] });
    expect(withQuery.url).toBe('/thing?a=1&api_key=key-for-api_key');
    const withCookie = await api({ apiKey: 'k=v' }).json<Echo>({ ...spec([[cookie]]), cookies: [{ name: 'c', value: 'd', style: 'form', explode: true }] });
    expect(withCookie.headers['cookie']).toBe('c=d; hatchet=k=v');
  });

  it('uses the first alternative whose credentials are all configured', async () => {
    server.respond(echo());
    const security = [[basic], [cookie], [bearer]];
    expect((await api({ accessToken: 't' }).json<Echo>(spec(security))).headers['authorization']).toBe('Bearer t');
    const cookieFirst = await api({ accessToken: 't', apiKey: 'k' }).json<Echo>(spec(security));
    expect(cookieFirst.headers['cookie']).toBe('hatchet=k');
    expect(cookieFirst.headers['authorization']).toBeUndefined();
    expect((await api({ username: 'u', accessToken: 't' }).json<Echo>(spec(security))).headers['authorization']).toMatch(/^Basic /);
    // AND: both schemes of one alternative are applied, or the alternative is skipped.
    const both = await api({ accessToken: 't', apiKey: 'k' }).json<Echo>(spec([[bearer, header], [query]]));
    expect(both.headers['authorization']).toBe('Bearer t');
    expect(both.headers['x-api-key']).toBe('k');
    const partial = await api({ apiKey: 'k' }).json<Echo>(spec([[bearer, header], [query]]));
    expect(partial.headers['x-api-key']).toBeUndefined();
    expect(partial.url).toBe('/thing?api_key=k');
  });

  it('sends no auth when no alternative is satisfiable, or when security is empty', async () => {
    server.respond(echo());
    const none = await api({ apiKey: 'k' }).json<Echo>(spec([[basic], [bearer]]));
    expect(none.headers['authorization']).toBeUndefined();
    expect((await api({ accessToken: 't' }).json<Echo>(spec([]))).headers['authorization']).toBeUndefined();
    expect((await api({ accessToken: 't' }).json<Echo>(GET)).headers['authorization']).toBeUndefined();
  });

  it('lets an explicit per-call Authorization header win', async () => {
    server.respond(echo());
    const result = await api({ accessToken: 't' }).json<Echo>(spec([[bearer]]), { headers: { Authorization: 'Custom x' } });
    expect(result.headers['authorization']).toBe('Custom x');
  });
});

describe('middleware', () => {
  it('runs pre (replacing the context) and post (replacing the response) in order', async () => {
    server.respond(echo());
    const order: string[] = [];
    const middleware: Middleware[] = [
      {
        pre(context) {
          order.push('pre1');
          const headers = new Headers(context.init.headers);
          headers.set('X-Pre', '1');
          return { url: `${context.url}?via=pre`, init: { ...context.init, headers } };
        },
      },
      {
        async pre() {
          order.push('pre2');
        },
        async post({ response }) {
          order.push('post2');
          const body = (await response.json()) as Echo;
          return new Response(JSON.stringify({ ...body, method: 'REPLACED' }), { headers: { 'Content-Type': 'application/json' } });
        },
      },
    ];
    const result = await api({ middleware }).json<Echo>(GET);
    expect(order).toEqual(['pre1', 'pre2', 'post2']);
    expect(result.url).toBe('/thing?via=pre');
    expect(result.headers['x-pre']).toBe('1');
    expect(result.method).toBe('REPLACED');
  });

  it('onError may answer for a failed fetch; otherwise the error propagates', async () => {
    server.respond(dropRequest());
    const errors: unknown[] = [];
    const rescue: Middleware = {
      onError({ error }) {
        errors.push(error);
        return new Response('"rescued"', { headers: { 'Content-Type': 'application/json' } });
      },
    };
    expect(await api({ middleware: [rescue] }).json<string>(GET)).toBe('rescued');
    expect(errors).toHaveLength(1);
    await expect(api({ middleware: [{ onError: () => undefined }] }).json(GET)).rejects.toThrow();
  });

  it('uses configuration.fetchApi', async () => {
    server.respond(echo());
    const seen: string[] = [];
    const fetchApi: typeof fetch = (input, init) => {
      seen.push(String(input));
      return fetch(input, init);
    };
    await api({ fetchApi }).json(GET);
    expect(seen).toEqual([`${server.url}/thing`]);
  });
});

type Message = TypedEvent<{ n: number }, 'message'>;

describe('event streams', () => {
  it('sends nothing until iteration starts, then the SSE request headers', async () => {
    server.respond(
      sse((w) => {
        w.event({ data: '{"n":1}' });
        w.end();
      }),
    );
    const stream = api({ headers: { 'Cache-Control': 'max-age=60' } }).stream<Message>(STREAM, { lastEventId: 'resume-7' });
    await sleep(50);
    expect(server.requests).toHaveLength(0);
    expect(stream.lastEventId).toBe('resume-7');
    expect(await collect(stream)).toEqual([{ event: 'message', data: { n: 1 }, id: 'resume-7' }]);
    const headers = server.requests[0]!.headers;
    expect(headers['accept']).toBe('text/event-stream');
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers['last-event-id']).toBe('resume-7');
  });

  it('sends a non-ASCII Last-Event-ID as UTF-8 bytes', async () => {
    server.respond(sse((w) => w.end()));
    await collect(api().stream(STREAM, { lastEventId: 'é€-1' }));
    // node:http exposes header bytes as latin1 characters
    expect(Buffer.from(server.requests[0]!.headers['last-event-id'] as string, 'latin1').toString('utf8')).toBe('é€-1');
  });

  it('defaults Accept to text/event-stream and omits Last-Event-ID when unknown', async () => {
    server.respond(sse((w) => w.end()));
    await collect(api().stream({ method: 'GET', path: '/events' }));
    expect(server.requests[0]!.headers['accept']).toBe('text/event-stream');
    expect(server.requests[0]!.headers['last-event-id']).toBeUndefined();
  });

  it('yields typed JSON events with event name, id and retry', async () => {
    server.respond(
      sse((w) => {
        w.event({ event: 'quick_start', id: 'e1', data: '{"type":"a","quick_start":{"content":"hi"}}' });
        w.event({ id: 'e2', retry: 50, data: '{"type":"b"}' });
        w.event({ data: '[1,\n2]' });
        w.raw(': heartbeat\n\n');
        w.end();
      }, { 'Content-Type': 'Text/Event-Stream; charset=utf-8' }),
    );
    const stream = api().stream<TypedEvent<unknown>>(STREAM, { reconnect: false });
    expect(await collect(stream)).toEqual([
      { event: 'quick_start', data: { type: 'a', quick_start: { content: 'hi' } }, id: 'e1' },
      { event: 'message', data: { type: 'b' }, id: 'e2', retry: 50 },
      { event: 'message', data: [1, 2], id: 'e2' },
    ]);
    expect(stream.lastEventId).toBe('e2');
  });

  it('decodes text streams and per-event formats with a * fallback', async () => {
    server.respond(
      sse((w) => {
        w.event({ data: 'plain {not json' });
        w.end();
      }),
      sse((w) => {
        w.event({ event: 'delta', data: '{"t":"x"}' });
        w.event({ event: 'log', data: 'raw line' });
        w.event({ data: '{"n":2}' });
        w.end();
      }),
    );
    expect(await collect(api().stream(STREAM, {}, 'text'))).toEqual([{ event: 'message', data: 'plain {not json', id: '' }]);
    const events = await collect(api().stream(STREAM, {}, { delta: 'json', log: 'text', '*': 'json' }));
    expect(events.map((e) => e.data)).toEqual([{ t: 'x' }, 'raw line', { n: 2 }]);
  });

  it('ends a JSON stream at [DONE] and closes the connection without reconnecting', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ data: '{"n":1}' });
        w.event({ data: '[DONE]' });
        await w.wait(2000); // keeps the response open: the client must close it
      }),
    );
    const events = await within(collect(api().stream<Message>(STREAM, { reconnect: { onEnd: true } })), 2000);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
    await within(server.requests[0]!.clientClosed, 1000, 'server-side close');
    await sleep(50);
    expect(server.requests).toHaveLength(1);
  });

  it('honours a custom done sentinel (configuration, then per call) and null', async () => {
    const script = sse((w) => {
      w.event({ data: '"END"' });
      w.event({ data: '[DONE]' });
      w.end();
    });
    server.respond(script);
    expect(await collect(api({ doneSentinel: '"END"' }).stream(STREAM))).toEqual([]);
    expect((await collect(api({ doneSentinel: '"END"' }).stream(STREAM, { doneSentinel: '[DONE]' }))).map((e) => e.data)).toEqual(['END']);
    const error = await rejection(collect(api().stream(STREAM, { doneSentinel: null, reconnect: false })));
    expect(error).toBeInstanceOf(EventDataError);
  });

  it('throws EventDataError with the raw event for invalid JSON data, and closes the connection', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ event: 'update', id: '9', data: '{"n":' });
        await w.wait(2000);
      }),
    );
    const error = await within(rejection(collect(api().stream(STREAM))), 2000);
    expect(error).toBeInstanceOf(EventDataError);
    const dataError = error as EventDataError;
    expect(dataError.name).toBe('EventDataError');
    expect(dataError.event).toEqual({ event: 'update', data: '{"n":', id: '9' });
    expect(dataError.cause).toBeInstanceOf(SyntaxError);
    await within(server.requests[0]!.clientClosed, 1000, 'server-side close');
    expect(server.requests).toHaveLength(1);
  });

  it('throws ContentTypeError for a 2xx JSON answer, before yielding anything', async () => {
    server.respond(json(200, { type: 'x' }));
    const seen: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of api().stream(STREAM)) seen.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(ContentTypeError);
    expect((error as ContentTypeError).contentType).toBe('application/json');
    expect((error as ContentTypeError).response.status).toBe(200);
    expect(seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('ends cleanly on 204, without reconnecting', async () => {
    server.respond((_request, res) => {
      res.writeHead(204);
      res.end();
    });
    expect(await collect(api().stream(STREAM, { reconnect: { onEnd: true, delayMs: 1 } }))).toEqual([]);
    await sleep(30);
    expect(server.requests).toHaveLength(1);
  });

  it('throws ResponseError on 403 and never reconnects', async () => {
    server.respond(json(403, { description: 'Forbidden' }));
    const retries: unknown[] = [];
    const error = await rejection(collect(api().stream(STREAM, { onRetry: (info) => retries.push(info) })));
    expect(error).toBeInstanceOf(ResponseError);
    expect((error as ResponseError).status).toBe(403);
    expect((error as ResponseError).body).toEqual({ description: 'Forbidden' });
    await sleep(50);
    expect(server.requests).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('reconnects after a dropped connection with Last-Event-ID, after the server retry: delay', async () => {
    let droppedAt = 0;
    server.respond(
      sse(async (w) => {
        w.event({ id: '1', retry: 40, data: '{"n":1}' });
        w.event({ id: '2', data: '{"n":2}' });
        await sleep(20);
        droppedAt = performance.now();
        w.drop();
      }),
      sse((w) => {
        w.event({ data: '{"n":3}' });
        w.event({ id: '4', data: '{"n":4}' });
        w.end();
      }),
    );
    const opened: number[] = [];
    const retries: { attempt: number; delayMs: number; error: unknown }[] = [];
    const stream = api().stream<Message>(STREAM, { onOpen: (r) => opened.push(r.status), onRetry: (info) => retries.push(info) });
    const events = await within(collect(stream), 3000);
    expect(events).toEqual([
      { event: 'message', data: { n: 1 }, id: '1', retry: 40 },
      { event: 'message', data: { n: 2 }, id: '2' },
      { event: 'message', data: { n: 3 }, id: '2' },
      { event: 'message', data: { n: 4 }, id: '4' },
    ]);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]!.headers['last-event-id']).toBeUndefined();
    expect(server.requests[1]!.headers['last-event-id']).toBe('2');
    expect(server.requests[1]!.headers['cache-control']).toBe('no-cache');
    expect(server.requests[1]!.receivedAt - droppedAt).toBeGreaterThanOrEqual(35);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.attempt).toBe(1);
    expect(retries[0]!.delayMs).toBe(40);
    expect(retries[0]!.error).toBeInstanceOf(Error);
    expect(opened).toEqual([200, 200]);
    expect(stream.lastEventId).toBe('4');
  });

  it('does not reconnect after a clean end unless onEnd is set', async () => {
    server.respond(
      sse((w) => {
        w.event({ id: 'a', retry: 10, data: '{"n":1}' });
        w.end();
      }),
    );
    expect(await collect(api().stream<Message>(STREAM))).toHaveLength(1);
    await sleep(40);
    expect(server.requests).toHaveLength(1);
  });

  it('reconnects after a clean end with onEnd: true', async () => {
    server.respond(
      sse((w) => {
        w.event({ id: 'a', retry: 10, data: '{"n":1}' });
        w.end();
      }),
      sse((w) => {
        w.event({ id: 'b', data: '{"n":2}' });
        w.end();
      }),
    );
    const retries: { attempt: number; error: unknown }[] = [];
    const events = await within(collect(api().stream<Message>(STREAM, { reconnect: { onEnd: true }, onRetry: (i) => retries.push(i) }), 2), 2000);
    expect(events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(server.requests[1]!.headers['last-event-id']).toBe('a');
    expect(retries).toEqual([{ attempt: 1, delayMs: 10, error: undefined }]);
  });

  it('gives up after maxAttempts consecutive failed attempts and throws the last error', async () => {
    server.respond(
      sse((w) => {
        w.raw('retry: 5\n\n');
        w.drop();
      }),
    );
    const retries: { attempt: number; delayMs: number }[] = [];
    const error = await within(
      rejection(collect(api().stream(STREAM, { reconnect: { maxAttempts: 2 }, onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }) }))),
      3000,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ResponseError);
    expect(server.requests).toHaveLength(3);
    expect(retries).toEqual([
      { attempt: 1, delayMs: 5 },
      { attempt: 2, delayMs: 10 },
    ]);
  });

  it('resets the attempt count after a connection that delivered an event', async () => {
    const failing = sse((w) => {
      w.raw('retry: 5\n\n');
      w.drop();
    });
    const delivering = sse((w) => {
      w.event({ data: '{"n":1}' });
      w.drop();
    });
    // Without the reset, the third connection's drop would be a third failure in a row.
    server.respond(failing, failing, delivering, failing, failing, delivering);
    const attempts: number[] = [];
    const events: Message[] = [];
    const error = await within(
      rejection(
        (async () => {
          const stream = api().stream<Message>(STREAM, { reconnect: { maxAttempts: 2 }, onRetry: ({ attempt }) => attempts.push(attempt) });
          for await (const event of stream) events.push(event);
        })(),
      ),
      3000,
    );
    expect(error).toBeInstanceOf(Error);
    expect(events).toHaveLength(1);
    expect(attempts).toEqual([1, 2, 1, 2]);
    expect(server.requests).toHaveLength(5);
  });

  it('retries a failed initial connection (fetch rejects)', async () => {
    server.respond(
      dropRequest(),
      sse((w) => {
        w.event({ data: '{"n":1}' });
        w.end();
      }),
    );
    const retries: { attempt: number; error: unknown }[] = [];
    const events = await within(collect(api().stream<Message>(STREAM, { reconnect: { delayMs: 10 }, onRetry: (i) => retries.push(i) })), 2000);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.error).toBeInstanceOf(TypeError);
  });

  it('throws the error immediately with reconnect: false', async () => {
    server.respond(
      sse((w) => {
        w.event({ retry: 5, data: '{"n":1}' });
        w.drop();
      }),
    );
    const events: unknown[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of api().stream(STREAM, { reconnect: false })) events.push(event);
      })(),
    );
    expect(error).toBeInstanceOf(Error);
    expect(events).toHaveLength(1);
    await sleep(30);
    expect(server.requests).toHaveLength(1);
  });

  it('retries 503 honouring Retry-After in seconds, and 429 with an HTTP date', async () => {
    server.respond(
      json(503, { description: 'busy' }, { 'Retry-After': '1' }),
      json(429, { description: 'slow down' }, { 'Retry-After': new Date(Date.now() - 5000).toUTCString() }),
      sse((w) => {
        w.event({ data: '{"n":1}' });
        w.end();
      }),
    );
    const retries: { attempt: number; delayMs: number; error: unknown }[] = [];
    const events = await within(collect(api().stream<Message>(STREAM, { onRetry: (i) => retries.push(i) })), 4000);
    expect(events).toHaveLength(1);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(950);
    expect(retries.map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 1000],
      [2, 0],
    ]);
    expect((retries[0]!.error as ResponseError).status).toBe(503);
    expect((retries[0]!.error as ResponseError).body).toEqual({ description: 'busy' });
  });

  it('throws the 503 ResponseError once maxAttempts are used up, and does not retry 503 with reconnect: false', async () => {
    server.respond(json(503, { description: 'busy' }, { 'Retry-After': '0' }));
    const error = await within(rejection(collect(api().stream(STREAM, { reconnect: { maxAttempts: 1 } }))), 2000);
    expect((error as ResponseError).status).toBe(503);
    expect(server.requests).toHaveLength(2);
    const noRetry = await rejection(collect(api().stream(STREAM, { reconnect: false })));
    expect((noRetry as ResponseError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it('aborting the signal rejects a pending read promptly and closes the connection', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ data: '{"n":1}' });
        await w.wait(3000);
      }),
    );
    const controller = new AbortController();
    const events: unknown[] = [];
    const reason = new Error('user abort');
    const consuming = (async () => {
      for await (const event of api().stream(STREAM, { signal: controller.signal })) {
        events.push(event);
        setTimeout(() => controller.abort(reason), 20);
      }
    })();
    const started = performance.now();
    const error = await within(rejection(consuming), 1000);
    expect(error).toBe(reason);
    expect(performance.now() - started).toBeLessThan(500);
    expect(events).toHaveLength(1);
    await within(server.requests[0]!.clientClosed, 1000, 'server-side close');
    expect(server.requests[0]!.closedByClient).toBe(true);
  });

  it('aborting during the wait between reconnections stops at once', async () => {
    server.respond(
      sse((w) => {
        w.event({ retry: 5000, data: '{"n":1}' });
        w.drop();
      }),
    );
    const controller = new AbortController();
    const pending = collect(
      api().stream(STREAM, {
        signal: controller.signal,
        onRetry: () => setTimeout(() => controller.abort(), 10),
      }),
    );
    const error = await within(rejection(pending), 1000);
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal rejects without sending anything', async () => {
    const controller = new AbortController();
    controller.abort(new Error('early'));
    await expect(collect(api().stream(STREAM, { signal: controller.signal }))).rejects.toThrow('early');
    expect(server.requests).toHaveLength(0);
  });

  it('break closes the connection (seen by the server)', async () => {
    server.respond(
      sse(async (w) => {
        for (let n = 1; n <= 3; n++) w.event({ data: `{"n":${n}}` });
        await w.wait(3000);
      }),
    );
    const stream = api().stream<Message>(STREAM);
    let first: Message | undefined;
    for await (const event of stream) {
      first = event;
      break;
    }
    expect(first?.data).toEqual({ n: 1 });
    await within(server.requests[0]!.clientClosed, 1000, 'server-side close');
    expect(server.requests[0]!.closedByClient).toBe(true);
    await sleep(30);
    expect(server.requests).toHaveLength(1);
  });

  it('applies auth and middleware to every (re)connection', async () => {
    server.respond(
      sse((w) => {
        w.event({ id: 'x', retry: 5, data: '{"n":1}' });
        w.drop();
      }),
      sse((w) => {
        w.event({ data: '{"n":2}' });
        w.end();
      }),
    );
    let tokens = 0;
    const pre: Middleware = {
      pre({ url, init }) {
        const headers = new Headers(init.headers);
        headers.set('X-Middleware', 'yes');
        return { url, init: { ...init, headers } };
      },
    };
    const client = api({ accessToken: () => `t${++tokens}`, middleware: [pre] });
    const spec: RequestSpec = { ...STREAM, security: [[{ scheme: { type: 'http', scheme: 'bearer', key: 'bearerAuth' }, scopes: [] }]] };
    expect(await within(collect(client.stream(spec)), 2000)).toHaveLength(2);
    expect(server.requests.map((r) => r.headers['authorization'])).toEqual(['Bearer t1', 'Bearer t2']);
    expect(server.requests.map((r) => r.headers['x-middleware'])).toEqual(['yes', 'yes']);
    expect(server.requests[1]!.headers['last-event-id']).toBe('x');
  });

  it('fails at once, without retrying, when the request cannot be built', async () => {
    const retries: unknown[] = [];
    const spec: RequestSpec = { method: 'GET', path: '/tenants/{tenant}/events' };
    const error = await within(rejection(collect(api().stream(spec, { onRetry: (i) => retries.push(i) }))), 1000);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain('tenant');
    const tokenError = new Error('no token');
    const failingToken = api({
      accessToken: () => {
        throw tokenError;
      },
    });
    const secured: RequestSpec = { ...STREAM, security: [[{ scheme: { type: 'oauth2', key: 'o' }, scopes: [] }]] };
    expect(await within(rejection(collect(failingToken.stream(secured, { onRetry: (i) => retries.push(i) }))), 1000)).toBe(tokenError);
    expect(retries).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('iterating again resumes from the last event id', async () => {
    server.respond(
      sse((w) => {
        w.event({ id: '5', data: '{"n":5}' });
        w.end();
      }),
    );
    const stream = api().stream<Message>(STREAM);
    await collect(stream);
    await collect(stream);
    expect(server.requests[1]!.headers['last-event-id']).toBe('5');
  });
});
