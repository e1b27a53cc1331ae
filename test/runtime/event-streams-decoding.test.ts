/**
 * The client generated from test/fixtures/event-streams/spec.yaml over real HTTP (127.0.0.1), one
 * stream kind at a time: per-event decoding (JSON or text, as the spec says for each event name),
 * `[DONE]` ending a JSON stream, and the done sentinel set per Configuration and per call.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { removeDir } from '../helpers/generate-client.js';
import { buildEventStreamsClient, importEventStreamsClient, type EventStreamsClient } from './fixture-client.js';
import { json, sse, TestServer } from './server.js';

let dir: string;
let client: EventStreamsClient;
let server: TestServer;

beforeAll(async () => {
  dir = await buildEventStreamsClient();
  client = await importEventStreamsClient(dir);
}, 60_000);
afterAll(async () => {
  await removeDir(dir);
});
beforeEach(async () => {
  server = await TestServer.start();
});
afterEach(async () => {
  await server.close();
});

function api(parameters: { doneSentinel?: string | null } = {}) {
  return new client.EventsApi(new client.Configuration({ basePath: server.url, ...parameters }));
}

async function collect<E>(iterable: AsyncIterable<E>): Promise<E[]> {
  const out: E[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('OAS 3.2 itemSchema oneOf: streamCompletion', () => {
  it('decodes each event per its name (delta and error JSON, done text) and sends the request body', async () => {
    server.respond(
      sse((w) => {
        w.event({ event: 'delta', id: 'd1', data: JSON.stringify({ index: 0, text: ' Hel' }) });
        w.event({ event: 'delta', id: 'd2', data: JSON.stringify({ index: 1, text: 'lo ' }) });
        w.event({ event: 'error', data: '{"code": 429, "message": "slow down"}' });
        w.event({ event: 'done', data: ' stop\n{"not": "json"} ' });
        w.end();
      }),
    );
    const events = await collect(api().streamCompletion({ chat: 'c 1', body: { prompt: 'hi' } }));
    expect(events).toEqual([
      { event: 'delta', id: 'd1', data: { index: 0, text: ' Hel' } },
      { event: 'delta', id: 'd2', data: { index: 1, text: 'lo ' } },
      { event: 'error', id: 'd2', data: { code: 429, message: 'slow down' } },
      { event: 'done', id: 'd2', data: ' stop\n{"not": "json"} ' },
    ]);
    const [request] = server.requests;
    expect([request!.method, request!.url, request!.headers['accept'], request!.headers['content-type']]).toEqual([
      'POST',
      '/chats/c%201/completion',
      'text/event-stream',
      'application/json',
    ]);
    expect(JSON.parse(request!.body.toString('utf8'))).toEqual({ prompt: 'hi' });
  });

  it('skips an event the spec does not name (the union type stays true), and reads a done event saying [DONE] as its text', async () => {
    server.respond(
      sse((w) => {
        w.event({ event: 'ping', data: '{"a":1}' });
        w.event({ event: 'done', data: '[DONE]' });
        w.end();
      }),
    );
    const events = await collect(api().streamCompletion({ chat: 'c', body: { prompt: 'p' } }));
    expect(events.map((e) => [e.event, e.data])).toEqual([['done', '[DONE]']]);
  });

  it('throws EventDataError carrying the raw event when a JSON event is not JSON', async () => {
    server.respond(
      sse(async (w) => {
        w.event({ event: 'delta', id: '7', data: '{"index": 0, "text": "a"}' });
        w.event({ event: 'delta', id: '8', data: '{"index": 1,' });
        await w.wait(5000);
      }),
    );
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const ev of api().streamCompletion({ chat: 'c', body: { prompt: 'p' } })) seen.push(ev.data);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.EventDataError);
    expect((error as InstanceType<EventStreamsClient['EventDataError']>).event).toEqual({ event: 'delta', id: '8', data: '{"index": 1,' });
    expect(seen).toEqual([{ index: 0, text: 'a' }]);
    await server.requests[0]!.clientClosed;
    expect(server.requests).toHaveLength(1);
  });

  it('throws ResponseError with the typed 403 body', async () => {
    server.respond(json(403, { code: 403, message: 'not your chat' }));
    const error = await collect(api().streamCompletion({ chat: 'c', body: { prompt: 'p' } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.ResponseError);
    const failure = error as InstanceType<EventStreamsClient['ResponseError']>;
    expect([failure.status, failure.body]).toEqual([403, { code: 403, message: 'not your chat' }]);
    expect(server.requests).toHaveLength(1);
  });
});

describe('OAS 3.1 string schema: tailLog', () => {
  it('yields raw text data, whitespace, JSON-looking text and [DONE] included', async () => {
    server.respond(
      sse((w) => {
        w.event({ data: '  two leading spaces, one trailing ' });
        w.event({ event: 'warn', id: 'l2', data: 'line one\nline two' });
        w.event({ data: '{"level":"info"}' });
        w.event({ data: '[DONE]' });
        w.event({ data: 'after' });
        w.end();
      }),
    );
    const events = await collect(api().tailLog());
    expect(events).toEqual([
      { event: 'message', id: '', data: '  two leading spaces, one trailing ' },
      { event: 'warn', id: 'l2', data: 'line one\nline two' },
      { event: 'message', id: 'l2', data: '{"level":"info"}' },
      { event: 'message', id: 'l2', data: '[DONE]' },
      { event: 'message', id: 'l2', data: 'after' },
    ]);
    expect(server.requests[0]!.headers['accept']).toBe('text/event-stream');
  });
});

describe('OAS 3.1 JSON schema: watchTicker and watchTickerJson', () => {
  /** Two ticks, then `done`, then a tick that must never be read. */
  const ticks = (done: string) =>
    sse(async (w) => {
      w.event({ id: '1', data: '{"symbol":"ACME","price":1.5}' });
      w.event({ id: '2', data: '{"symbol":"ACME","price":2}' });
      w.event({ data: done });
      w.event({ id: '3', data: '{"symbol":"ACME","price":3}' });
      await w.wait(5000);
    });

  it('ends the stream at [DONE], closing the connection, even with onEnd reconnection on', async () => {
    server.respond(ticks('[DONE]'));
    const stream = api().watchTicker({ symbol: 'ACME' }, { reconnect: { onEnd: true, delayMs: 1 } });
    const events = await collect(stream);
    expect(events).toEqual([
      { event: 'message', id: '1', data: { symbol: 'ACME', price: 1.5 } },
      { event: 'message', id: '2', data: { symbol: 'ACME', price: 2 } },
    ]);
    await server.requests[0]!.clientClosed;
    expect(server.requests).toHaveLength(1);
  });

  it('ends at the Configuration sentinel, and [DONE] is then invalid JSON', async () => {
    server.respond(ticks('[END]'), ticks('[DONE]'));
    const custom = api({ doneSentinel: '[END]' });
    expect((await collect(custom.watchTicker({ symbol: 'ACME' }))).map((e) => e.data.price)).toEqual([1.5, 2]);
    const error = await collect(custom.watchTicker({ symbol: 'ACME' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.EventDataError);
    expect((error as InstanceType<EventStreamsClient['EventDataError']>).event.data).toBe('[DONE]');
  });

  it('lets a call override the Configuration sentinel, or disable it with null', async () => {
    server.respond(ticks('bye'), ticks('[END]'));
    const custom = api({ doneSentinel: '[END]' });
    const perCall = await collect(custom.watchTicker({ symbol: 'ACME' }, { doneSentinel: 'bye' }));
    expect(perCall.map((e) => e.id)).toEqual(['1', '2']);
    const error = await collect(custom.watchTicker({ symbol: 'ACME' }, { doneSentinel: null })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.EventDataError);
    expect((error as InstanceType<EventStreamsClient['EventDataError']>).event.data).toBe('[END]');
  });

  it('watchTickerJson reads the same operation as one JSON value with the JSON Accept', async () => {
    server.respond(json(200, { symbol: 'ACME', price: 4.25 }));
    expect(await api().watchTickerJson({ symbol: 'ACME' })).toEqual({ symbol: 'ACME', price: 4.25 });
    expect(server.requests[0]!.headers['accept']).toBe('application/json');
  });

  it('throws ResponseError with the typed 404 body', async () => {
    server.respond(json(404, { code: 404, message: 'unknown symbol' }));
    const error = (await collect(api().watchTicker({ symbol: 'NOPE' })).catch((e: unknown) => e)) as InstanceType<EventStreamsClient['ResponseError']>;
    expect(error).toBeInstanceOf(client.ResponseError);
    expect([error.status, error.body]).toEqual([404, { code: 404, message: 'unknown symbol' }]);
  });
});
