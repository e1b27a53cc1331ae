/**
 * The connection of a generated stream method (`watchTicker` of the event-streams fixture client)
 * over real HTTP: reconnection with `Last-Event-ID` after a dropped connection, the server's `retry:`
 * honoured, `onEnd`, no reconnection after a clean end by default, a 200 that is not an event stream,
 * and the WHATWG "last event ID string" moved by a block with only `id:`. Break, abort and the typed
 * 403 through a generated method are in agent-api.test.ts.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { StreamOptions } from '../../templates/runtime/runtime.js';
import { removeDir } from '../helpers/generate-client.js';
import { buildEventStreamsClient, importEventStreamsClient, type EventStreamsClient, type Tick } from './fixture-client.js';
import { json, sse, text, TestServer, type SseWriter } from './server.js';

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

/** Calls the generated watchTicker against the test server and reads every event. */
async function watch(options?: StreamOptions): Promise<{ id: string; price: number }[]> {
  const api = new client.EventsApi(new client.Configuration({ basePath: server.url }));
  const out: { id: string; price: number }[] = [];
  for await (const ev of api.watchTicker({ symbol: 'ACME' }, options)) out.push({ id: ev.id, price: ev.data.price });
  return out;
}

function tick(w: SseWriter, fields: { id?: string; retry?: number; price: number }): void {
  const data: Tick = { symbol: 'ACME', price: fields.price };
  w.event({ id: fields.id, retry: fields.retry, data: JSON.stringify(data) });
}

/** The Last-Event-ID header of each request so far. */
function lastEventIds(): (string | undefined)[] {
  return server.requests.map((r) => r.headers['last-event-id'] as string | undefined);
}

describe('reconnection of a generated stream method', () => {
  it('reconnects after a dropped connection, sending Last-Event-ID, after the server retry: delay', async () => {
    const retryMs = 80;
    server.respond(
      sse(async (w) => {
        tick(w, { id: '1', retry: retryMs, price: 1 });
        tick(w, { id: '2', price: 2 });
        await w.drop();
      }),
      sse((w) => {
        tick(w, { id: '3', price: 3 });
        w.event({ data: '[DONE]' });
        w.end();
      }),
    );
    const retries: { attempt: number; delayMs: number }[] = [];
    // The client's own first delay (1 ms) is far below the server's: only honouring retry: waits longer.
    const events = await watch({ reconnect: { delayMs: 1 }, onRetry: ({ attempt, delayMs }) => retries.push({ attempt, delayMs }) });
    expect(events).toEqual([
      { id: '1', price: 1 },
      { id: '2', price: 2 },
      { id: '3', price: 3 },
    ]);
    expect(lastEventIds()).toEqual([undefined, '2']);
    expect(retries).toEqual([{ attempt: 1, delayMs: retryMs }]);
    // The server drops the first connection 20 ms after writing, which alone is shorter than retry:.
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(retryMs);
  });

  it('does not reconnect after a clean end by default', async () => {
    server.respond(
      sse((w) => {
        tick(w, { id: 'x', retry: 1, price: 1 });
        w.end();
      }),
    );
    const retries: unknown[] = [];
    expect(await watch({ onRetry: (info) => retries.push(info) })).toEqual([{ id: 'x', price: 1 }]);
    // The iteration has finished: a reconnection could only have happened before it did.
    expect(server.requests).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('reconnects after a clean end with reconnect: { onEnd: true }, after the server retry: delay', async () => {
    const retryMs = 50;
    server.respond(
      sse((w) => {
        tick(w, { id: 'a1', retry: retryMs, price: 1 });
        w.end();
      }),
      sse((w) => {
        tick(w, { id: 'a2', price: 2 });
        w.end();
      }),
      sse((w) => {
        w.event({ data: '[DONE]' });
        w.end();
      }),
    );
    const retries: { attempt: number; delayMs: number; error: unknown }[] = [];
    const events = await watch({ reconnect: { onEnd: true, delayMs: 1 }, onRetry: (info) => retries.push(info) });
    expect(events.map((e) => e.id)).toEqual(['a1', 'a2']);
    expect(lastEventIds()).toEqual([undefined, 'a1', 'a2']);
    // A connection that delivered an event resets the attempt count; a clean end carries no error.
    expect(retries).toEqual([
      { attempt: 1, delayMs: retryMs, error: undefined },
      { attempt: 1, delayMs: retryMs, error: undefined },
    ]);
    expect(server.requests[1]!.receivedAt - server.requests[0]!.receivedAt).toBeGreaterThanOrEqual(retryMs);
  });
});

describe('a 2xx answer that is not an event stream', () => {
  it.each([
    ['application/json', json(200, { symbol: 'ACME', price: 1 })],
    ['text/plain', text(200, 'data: {"symbol":"ACME","price":1}\n\n')],
  ])('rejects %s with ContentTypeError, yielding nothing and never reconnecting', async (contentType, handler) => {
    server.respond(handler);
    const seen: unknown[] = [];
    const api = new client.EventsApi(new client.Configuration({ basePath: server.url }));
    const error = await (async () => {
      for await (const ev of api.watchTicker({ symbol: 'ACME' }, { reconnect: { onEnd: true, delayMs: 1 } })) seen.push(ev);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client.ContentTypeError);
    expect((error as InstanceType<EventStreamsClient['ContentTypeError']>).contentType).toBe(contentType);
    expect(seen).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('accepts text/event-stream with parameters and any case', async () => {
    server.respond(
      sse(
        (w) => {
          tick(w, { id: '1', price: 1 });
          w.end();
        },
        { 'Content-Type': 'Text/Event-Stream; charset=utf-8' },
      ),
    );
    expect(await watch()).toEqual([{ id: '1', price: 1 }]);
  });
});

describe('the last event ID string (WHATWG HTML §9.2.6), moved by a block with only id:', () => {
  it('reconnects after a drop with the id of an id-only block, not of the last yielded event nor of an incomplete block', async () => {
    server.respond(
      sse(async (w) => {
        tick(w, { id: '1', retry: 1, price: 1 });
        w.raw('id: 2\n\n'); // dispatches nothing, but sets the last event ID string
        w.raw('id: 3\ndata: {"symbol":"ACME","price":3}\n'); // never completed: discarded with its id
        await w.drop();
      }),
      sse((w) => {
        tick(w, { id: '4', price: 4 });
        w.event({ data: '[DONE]' });
        w.end();
      }),
    );
    expect(await watch()).toEqual([
      { id: '1', price: 1 },
      { id: '4', price: 4 },
    ]);
    expect(lastEventIds()).toEqual([undefined, '2']);
  });

  it('keeps it after a clean end: EventStream.lastEventId, a second iteration and onEnd send it', async () => {
    const script = (w: SseWriter): void => {
      tick(w, { id: '7', retry: 1, price: 7 });
      w.raw('id: 8\n\n');
      w.end();
    };
    server.respond(sse(script), sse(script), sse((w) => (w.event({ data: '[DONE]' }), w.end())));
    const api = new client.EventsApi(new client.Configuration({ basePath: server.url }));
    const stream = api.watchTicker({ symbol: 'ACME' });
    for await (const ev of stream) expect(ev.id).toBe('7');
    expect(stream.lastEventId).toBe('8');
    const resumed = await watch({ lastEventId: stream.lastEventId, reconnect: { onEnd: true } });
    expect(resumed).toEqual([{ id: '7', price: 7 }]);
    expect(lastEventIds()).toEqual([undefined, '8', '8']);
  });
});
