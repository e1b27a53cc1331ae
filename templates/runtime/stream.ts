/**
 * The event-stream connection of the generated client: one `text/event-stream` response read as
 * typed events, reconnecting the way the WHATWG HTML Standard §9.2 "Server-sent events" has an
 * EventSource reconnect (§9.2.3 "Processing model": `Last-Event-ID`, the server's `retry:`
 * reconnection time, backoff), but over `fetch`, so that methods, headers, auth and bodies work.
 * This file is copied verbatim into every generated client; it has no dependencies.
 */
import { parseEventStream, type ServerSentEvent } from './event-stream.js';
import type { RequestOptions } from './runtime.js';

/**
 * How each event's data is decoded: 'json' (JSON.parse), 'text' (raw string), or per event name
 * with '*' as the fallback. With a map and no '*', events of other names are skipped, as an
 * EventSource delivers only the events a listener is registered for (WHATWG HTML §9.2.6).
 */
export type DataFormat = 'json' | 'text' | Readonly<Record<string, 'json' | 'text'>>;

/** One decoded server-sent event: its type (`message` unless the server named it), data, last event ID and `retry:` value. */
export interface TypedEvent<T, E extends string = string> {
  /** The event type (WHATWG HTML §9.2.6 `event:` field; `message` by default). */
  event: E;
  /** The event's data, decoded per the stream's DataFormat. */
  data: T;
  /** The last event ID at this event (WHATWG HTML §9.2.6: it persists until the server sends another `id:`). */
  id: string;
  /** The reconnection time in milliseconds, when this event carried a `retry:` field. */
  retry?: number;
}

/** Options of a streaming call: the RequestOptions plus event-stream specifics. */
export interface StreamOptions extends RequestOptions {
  /** Sent as `Last-Event-ID` on the first request, to resume a stream (WHATWG HTML §9.2.4). */
  lastEventId?: string;
  /**
   * Reconnection (on by default); `false` disables it. `maxAttempts` (default 3): how many
   * reconnection attempts in a row may be made after failures before the last error is thrown; the
   * count restarts once a connection delivers an event. `onEnd`: also reconnect after the server ends
   * the response cleanly (EventSource behaviour). `delayMs` (default 1000): the first delay when the
   * server gave no `retry:`; it doubles per consecutive attempt, with jitter, up to 30 s.
   */
  reconnect?: false | { maxAttempts?: number; onEnd?: boolean; delayMs?: number };
  /** Data that ends a JSON stream cleanly; overrides the configuration's (default '[DONE]'); null disables. */
  doneSentinel?: string | null;
  /** Called with each successful (2xx `text/event-stream`) response, the first and every reconnection. */
  onOpen?: (response: Response) => void;
  /** Called before each wait for a reconnection: the attempt number (from 1), the delay, and what failed (undefined after a clean end). */
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/** What a streaming method returns: iterate with for await; break or options.signal closes the connection. */
export interface EventStream<E> extends AsyncIterable<E> {
  /** The last event ID seen (or the one given in StreamOptions.lastEventId); '' when none. Iterating again resumes from it. */
  readonly lastEventId: string;
}

/** Thrown when an event of a JSON stream carries data that is not valid JSON; the stream is closed. */
export class EventDataError extends Error {
  override readonly name = 'EventDataError';
  /** The raw event as received. */
  readonly event: ServerSentEvent;
  /** The JSON parse error. */
  override readonly cause: unknown;

  /** @param event the raw event; @param cause the parse error */
  constructor(event: ServerSentEvent, cause: unknown) {
    super(
      `Event "${event.event}" data is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.event = event;
    this.cause = cause;
  }
}

/** Thrown when a 2xx answer to a streaming call is not `text/event-stream`; its body is cancelled unread. */
export class ContentTypeError extends Error {
  override readonly name = 'ContentTypeError';
  /** The response's Content-Type header, or null when it had none. */
  readonly contentType: string | null;
  /** The response (its body already cancelled). */
  readonly response: Response;

  /** @param response the 2xx response that is not an event stream */
  constructor(response: Response) {
    const contentType = response.headers.get('Content-Type');
    super(
      `Expected a text/event-stream response, got ${contentType === null ? 'no Content-Type' : `"${contentType}"`} (status ${response.status})`,
    );
    this.contentType = contentType;
    this.response = response;
  }
}

/**
 * What the runtime supplies to open the HTTP connections of one event stream. Building a request
 * and sending it are separate so that only failures to send (network errors) are retried: a
 * request that cannot be built (a missing path parameter, a failing token function) fails at once.
 */
export interface EventStreamTransport<R> {
  /** Builds one request (auth and middleware applied, `Last-Event-ID` when not ''), aborted by `signal`. */
  prepare(lastEventId: string, signal: AbortSignal): Promise<R>;
  /** Sends a prepared request and resolves with the response, whatever its status. */
  send(request: R): Promise<Response>;
  /** The error to throw for a non-2xx response (reads its body). */
  toError(response: Response): Promise<unknown>;
}

/** The reconnection settings in effect for one stream. */
interface Reconnect {
  maxAttempts: number;
  onEnd: boolean;
  delayMs: number;
}

/** Upper bound of the backoff delay when the server did not set a reconnection time. */
const MAX_BACKOFF_MS = 30_000;

/**
 * Opens nothing yet: each iteration of the returned stream connects (WHATWG HTML §9.2.3 "announce
 * the connection" ≈ onOpen), decodes every event per `dataFormat`, and reconnects after failures
 * as StreamOptions.reconnect says. Used by BaseAPI.requestEventStream.
 */
export function openEventStream<E, R>(
  transport: EventStreamTransport<R>,
  dataFormat: DataFormat,
  doneSentinel: string | null,
  options: StreamOptions = {},
): EventStream<E> {
  let lastEventId = options.lastEventId ?? '';
  const reconnect: Reconnect | undefined =
    options.reconnect === false
      ? undefined
      : {
          maxAttempts: options.reconnect?.maxAttempts ?? 3,
          onEnd: options.reconnect?.onEnd ?? false,
          delayMs: options.reconnect?.delayMs ?? 1000,
        };

  async function* run(): AsyncGenerator<E, void, undefined> {
    const userSignal = options.signal ?? undefined;
    userSignal?.throwIfAborted();
    // One controller per iteration, linked to the caller's signal: aborting it ends the fetch,
    // the body and any wait, so `break` and `signal` both close the HTTP connection.
    const controller = new AbortController();
    const forward = (): void => controller.abort(userSignal?.reason);
    userSignal?.addEventListener('abort', forward, { once: true });
    const signal = controller.signal;
    let attempt = 0;
    let serverRetryMs: number | undefined;
    try {
      for (;;) {
        let failed = false;
        let error: unknown;
        let retryAfterMs: number | undefined;
        const request = await abortable(transport.prepare(lastEventId, signal), signal);
        let response: Response | undefined;
        try {
          response = await transport.send(request);
        } catch (cause) {
          if (signal.aborted) throw signal.reason;
          failed = true; // network error: retried like any other failed connection (WHATWG HTML §9.2.3)
          error = cause;
        }
        if (response !== undefined && !response.ok) {
          // Only 429 and 503 say "try again later" (RFC 6585 §4, RFC 9110 §15.6.4); any other
          // error status is final, as an EventSource fails the connection (WHATWG HTML §9.2.3).
          if (reconnect === undefined || (response.status !== 429 && response.status !== 503))
            throw await transport.toError(response);
          retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
          failed = true;
          error = await transport.toError(response);
        } else if (response !== undefined) {
          if (response.status === 204) {
            // WHATWG HTML §9.2.3: 204 No Content means "stop reconnecting".
            await discard(response);
            return;
          }
          if (!isEventStream(response.headers.get('Content-Type'))) {
            await discard(response);
            throw new ContentTypeError(response);
          }
          options.onOpen?.(response);
          if (response.body !== null) {
            const events = parseEventStream(response.body, {
              lastEventId,
              onRetry: (ms) => {
                serverRetryMs = ms;
              },
            });
            const iterator = events[Symbol.asyncIterator]();
            let reading = false;
            let yielding = false;
            try {
              for (;;) {
                reading = true;
                const step = await abortable(iterator.next(), signal);
                reading = false;
                if (step.done === true) {
                  // Every event parsed has been yielded: take the parser's last event ID string,
                  // which an `id:`-only block also sets (WHATWG HTML §9.2.6 "dispatch the event" step 1).
                  lastEventId = events.lastEventId;
                  break;
                }
                const raw = step.value;
                lastEventId = raw.id;
                attempt = 0; // this connection delivered an event: consecutive failures start over
                const name = raw.event === '' ? 'message' : raw.event;
                const format = formatOf(dataFormat, name);
                if (format === undefined) continue; // an event the spec does not declare
                let data: unknown = raw.data;
                if (format === 'json') {
                  if (doneSentinel !== null && raw.data === doneSentinel) return;
                  try {
                    data = JSON.parse(raw.data);
                  } catch (cause) {
                    throw new EventDataError(raw, cause);
                  }
                }
                const event: TypedEvent<unknown> = { event: name, data, id: raw.id };
                if (raw.retry !== undefined) event.retry = raw.retry;
                yielding = true;
                yield event as E;
                yielding = false;
              }
            } catch (cause) {
              if (signal.aborted) throw signal.reason;
              if (yielding) throw cause; // thrown in by the consumer (iterator.throw): not a connection failure
              if (cause instanceof EventDataError) throw cause;
              failed = true; // the body failed mid-stream (connection dropped): reconnect
              error = cause;
              // The reconnection sends the last event ID string (WHATWG HTML §9.2.3), set by any
              // block the parser dispatched before the drop, with data or only `id:`.
              lastEventId = events.lastEventId;
            } finally {
              // Ending the parser's iteration cancels the body reader. While a read is still pending
              // (abort), waiting would block on it: the aborted fetch errors the body instead.
              const closing = iterator.return?.();
              if (closing !== undefined) {
                if (reading) closing.catch(ignore);
                else await closing.catch(ignore);
              }
            }
          }
        }
        if (!failed && (reconnect === undefined || !reconnect.onEnd)) return; // clean end
        if (reconnect === undefined) throw error;
        attempt += 1;
        if (attempt > reconnect.maxAttempts) {
          if (failed) throw error;
          return;
        }
        const delayMs = retryAfterMs ?? backoff(attempt, serverRetryMs, reconnect.delayMs);
        options.onRetry?.({ attempt, delayMs, error });
        await sleep(delayMs, signal);
      }
    } finally {
      userSignal?.removeEventListener('abort', forward);
      controller.abort();
    }
  }

  return {
    get lastEventId(): string {
      return lastEventId;
    },
    [Symbol.asyncIterator]: () => run(),
  };
}

/** The format of one event: a single format for all, or the entry for its name, else '*'; undefined: skip it. */
function formatOf(dataFormat: DataFormat, name: string): 'json' | 'text' | undefined {
  if (typeof dataFormat === 'string') return dataFormat;
  return Object.prototype.hasOwnProperty.call(dataFormat, name)
    ? dataFormat[name]
    : dataFormat['*'];
}

/** `text/event-stream` (WHATWG HTML §9.2.3), ignoring parameters such as `charset` and case. */
function isEventStream(contentType: string | null): boolean {
  return (
    contentType !== null && contentType.split(';')[0]!.trim().toLowerCase() === 'text/event-stream'
  );
}

/**
 * The delay before reconnection attempt `attempt`: the server's reconnection time (WHATWG HTML
 * §9.2.6 `retry:`) or `baseMs`, doubled per consecutive attempt ("exponential backoff", §9.2.3);
 * without a server value, capped at 30 s and jittered (50–100 %) so clients do not reconnect in lockstep.
 */
function backoff(attempt: number, serverRetryMs: number | undefined, baseMs: number): number {
  const base = serverRetryMs ?? baseMs;
  const exponential = base * 2 ** (attempt - 1);
  if (serverRetryMs !== undefined) return exponential;
  const capped = Math.min(exponential, Math.max(MAX_BACKOFF_MS, base));
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}

/** `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP-date, in milliseconds from now; undefined when absent or invalid. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Cancels a body that will not be read, releasing the connection. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already closed or errored: nothing to release
  }
}

/** Settles with the promise, or rejects with the signal's reason as soon as it aborts. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms`, rejecting with the signal's reason as soon as it aborts. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Swallows the rejection of a promise nobody waits for. */
function ignore(): void {}
