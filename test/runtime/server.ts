/**
 * A real HTTP server for runtime tests: node:http on 127.0.0.1, port 0. It records every request
 * (method, URL, headers, body) and answers with scripted handlers — JSON, text, SSE written event by
 * event, dropped connections — and tells whether the client closed a connection before the
 * response ended (what abort and `break` must do).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, exactly as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** When the request arrived (performance.now()). */
  receivedAt: number;
  /** Resolves when the connection closes before the response ended, and the server did not drop it itself. */
  clientClosed: Promise<void>;
  /** Whether that has happened. */
  readonly closedByClient: boolean;
}

/** Answers one request. */
export type Handler = (request: RecordedRequest, res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

/** The server's side of one SSE response. */
export interface SseWriter {
  /** Writes one event block (fields in the order event, id, retry, data lines) and the blank line. */
  event(fields: { event?: string; id?: string; retry?: number; data?: string }): void;
  /** Writes raw text as it is. */
  raw(text: string): void;
  /** Ends the response cleanly. */
  end(): void;
  /**
   * Destroys the socket mid-response (a dropped connection), once what was written has had time to
   * reach the client (an error right behind the data would discard it from the client's queue).
   */
  drop(): Promise<void>;
  /** Waits; resolves early when the client closes the connection. */
  wait(ms: number): Promise<void>;
  /** The request being answered. */
  request: RecordedRequest;
}

/** The test server. */
export class TestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Handler[] = [];
  private fallback: Handler = json(404, { error: 'no handler scripted' });

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** Starts a server on 127.0.0.1 with an ephemeral port. */
  static async start(): Promise<TestServer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const instance = new TestServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => void instance.handle(req, res));
    return instance;
  }

  /** Scripts the answers to the next requests, in order; the last one also answers any later request. */
  respond(...handlers: Handler[]): this {
    this.queue.push(...handlers);
    if (handlers.length > 0) this.fallback = handlers[handlers.length - 1]!;
    return this;
  }

  /** Resolves once `count` requests have arrived (rejects after `timeoutMs`). */
  async waitForRequests(count: number, timeoutMs = 2000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.requests.length < count) {
      if (performance.now() > deadline) throw new Error(`expected ${count} requests, got ${this.requests.length}`);
      await sleep(5);
    }
  }

  /** Closes the server and every open connection. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let closedByClient = false;
    let droppedByServer = false;
    let markClosed: () => void = () => {};
    const clientClosed = new Promise<void>((resolve) => (markClosed = resolve));
    res.on('close', () => {
      if (!res.writableFinished && !droppedByServer) {
        closedByClient = true;
        markClosed();
      }
    });
    res.on('dropped-by-server', () => (droppedByServer = true));
    const request: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks),
      receivedAt: performance.now(),
      clientClosed,
      get closedByClient() {
        return closedByClient;
      },
    };
    this.requests.push(request);
    const handler = this.queue.shift() ?? this.fallback;
    try {
      await handler(request, res, req);
    } catch (error) {
      console.error('test server handler failed', error);
      res.destroy();
    }
  }
}

/** Destroys the socket of a response, marking it as the server's doing. */
function destroy(res: ServerResponse): void {
  res.emit('dropped-by-server');
  res.socket?.destroy();
}

/** Answers with a JSON body (or an empty one when `body` is undefined). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, res) => {
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(text);
  };
}

/** Answers with a text body of the given content type. */
export function text(status: number, body: string, contentType = 'text/plain', headers: Record<string, string> = {}): Handler {
  return (_request, res) => {
    res.writeHead(status, { 'Content-Type': contentType, ...headers });
    res.end(body);
  };
}

/** Answers with the request itself as JSON: method, url, headers and the body as text. */
export function echo(): Handler {
  return (request, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body.toString('utf8') }));
  };
}

/** Destroys the connection without answering (the client's fetch rejects). */
export function dropRequest(): Handler {
  return (_request, res) => destroy(res);
}

/** Answers with an SSE response and lets the script write it event by event. */
export function sse(script: (writer: SseWriter) => void | Promise<void>, headers: Record<string, string> = {}): Handler {
  return async (request, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', ...headers });
    res.flushHeaders();
    const writer: SseWriter = {
      request,
      event({ event, id, retry, data }) {
        let block = '';
        if (event !== undefined) block += `event: ${event}\n`;
        if (id !== undefined) block += `id: ${id}\n`;
        if (retry !== undefined) block += `retry: ${retry}\n`;
        if (data !== undefined) for (const line of data.split('\n')) block += `data: ${line}\n`;
        res.write(`${block}\n`);
      },
      raw(chunk) {
        res.write(chunk);
      },
      end() {
        res.end();
      },
      async drop() {
        await sleep(20);
        destroy(res);
      },
      wait(ms) {
        return Promise.race([sleep(ms), request.clientClosed]);
      },
    };
    await script(writer);
  };
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects if the promise does not settle within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
