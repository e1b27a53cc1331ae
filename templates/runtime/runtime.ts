/**
 * The HTTP runtime of the generated client: configuration, errors, request building (parameters,
 * bodies, security) and BaseAPI, which every generated API class extends.
 * This file is copied verbatim into every generated client. It has no dependencies and uses only
 * web-platform globals (`fetch`, `Headers`, `FormData`, `TextEncoder`, `btoa`), so it runs in
 * browsers, Node.js 20+, Deno, Bun and edge runtimes.
 */
import { applySecurity } from './auth.js';
import { serializeBody } from './body.js';
import {
  buildQueryString,
  expandPath,
  isJsonMediaType,
  serializeCookieParameter,
  serializeHeaderParameter,
} from './serialize.js';
import type { ParameterSpec } from './serialize.js';
import {
  openEventStream,
  type DataFormat,
  type EventStream,
  type StreamOptions,
  type TypedEvent,
} from './stream.js';

export type { ParameterSpec, ParameterStyle } from './serialize.js';
export { ContentTypeError, EventDataError } from './stream.js';
export type { DataFormat, EventStream, StreamOptions, TypedEvent } from './stream.js';
export type { ServerSentEvent } from './event-stream.js';

/**
 * A security scheme of components.securitySchemes, as the runtime applies it (OAS 3.1 §4.8.27
 * "Security Scheme Object"). `key` is the scheme's name in components.securitySchemes.
 * `http` with scheme `basic` or `bearer` (case-insensitive) sends `Authorization: Basic …` /
 * `Bearer …`; any other `http` scheme sends `Authorization: <scheme> <accessToken>`.
 */
export type SecuritySchemeSpec =
  | { type: 'http'; scheme: string; key: string }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string; key: string }
  | { type: 'oauth2' | 'openIdConnect'; key: string };

/** One scheme of a Security Requirement Object (OAS 3.1 §4.8.30) with the scopes it requires. */
export interface SecurityRequirementSpec {
  /** The scheme to satisfy. */
  scheme: SecuritySchemeSpec;
  /** The scopes required (oauth2 / openIdConnect; role names for others), passed to the accessToken function. */
  scopes: readonly string[];
}

/** The request body and the media type to send it as (OAS 3.1 §4.8.13 "Request Body Object"). */
export interface RequestBodySpec {
  /** The media type the body is sent as (a key of the Request Body Object's content). */
  mediaType: string;
  /** The value; undefined sends no body. */
  value: unknown;
}

/** Everything a generated method knows about one request; see BaseAPI.request. */
export interface RequestSpec {
  /** The HTTP method: 'GET', 'POST', ... */
  method: string;
  /** The OpenAPI path template (OAS 3.1 §4.8.2), e.g. '/api/v1/tenants/{tenant}/stream/{stream}'. */
  path: string;
  /** Path parameters, substituted into `path`. */
  pathParams?: readonly ParameterSpec[];
  /** Query parameters, in the order they are sent. */
  query?: readonly ParameterSpec[];
  /** Header parameters (`simple` style). */
  headers?: readonly ParameterSpec[];
  /** Cookie parameters (`form` style), sent in the `Cookie` header (browsers forbid setting it from script: they send their own cookies with `credentials: 'include'`). */
  cookies?: readonly ParameterSpec[];
  /**
   * The body, serialized by media type: JSON (application/json, any +json) → JSON.stringify;
   * application/x-www-form-urlencoded → URLSearchParams (arrays repeat, objects as JSON);
   * multipart/form-data → FormData (Blobs as files, arrays repeat, objects as JSON text);
   * text/* → String(value); anything else → the value as-is (Blob, ArrayBuffer, Uint8Array,
   * ReadableStream, string). Content-Type is set to the media type, except for multipart (fetch
   * adds the boundary).
   */
  body?: RequestBodySpec;
  /** The Accept header to send. */
  accept?: string;
  /**
   * Security requirements (OAS 3.1 §4.8.30): alternatives (OR) of scheme sets (AND). The first
   * alternative whose credentials are all configured is applied; none → no auth is sent (the
   * server answers 401). undefined or [] → no auth.
   */
  security?: readonly (readonly SecurityRequirementSpec[])[];
}

/** What a Configuration is made from; every field is optional. */
export interface ConfigurationParameters {
  /** Overrides the default base path the API class was generated with (trailing slashes are trimmed). */
  basePath?: string;
  /** Token for http bearer, oauth2 and openIdConnect schemes, or a function called per request with (scheme key, scopes). */
  accessToken?: string | ((name: string, scopes: readonly string[]) => string | Promise<string>);
  /** User name for http basic. */
  username?: string;
  /** Password for http basic. */
  password?: string;
  /**
   * Value for apiKey schemes (header, query or cookie, as the scheme says), or a function called per
   * request with the key's parameter name. Browsers forbid setting `Cookie` from script: for
   * cookie keys there, let the browser send the cookie with `credentials: 'include'`.
   */
  apiKey?: string | ((parameterName: string) => string | Promise<string>);
  /** Headers sent with every request (per-call RequestOptions.headers win). */
  headers?: Record<string, string>;
  /** The fetch to use instead of the global one (e.g. to add a proxy or instrumentation). */
  fetchApi?: typeof fetch;
  /** Middleware run around every request, in order. */
  middleware?: readonly Middleware[];
  /** RequestInit.credentials for every request (WHATWG Fetch §5.3). */
  credentials?: RequestCredentials;
  /** event-stream data that ends a JSON stream cleanly; default '[DONE]'; null disables */
  doneSentinel?: string | null;
}

/** The settings shared by API instances; immutable once built. */
export class Configuration {
  private readonly parameters: ConfigurationParameters;

  /** @param parameters the settings; copied, so later changes to the object have no effect */
  constructor(parameters: ConfigurationParameters = {}) {
    this.parameters = { ...parameters };
  }

  /** The base path override, if any. */
  get basePath(): string | undefined {
    return this.parameters.basePath;
  }

  /** The access token (or token function) for bearer, oauth2 and openIdConnect. */
  get accessToken(): ConfigurationParameters['accessToken'] {
    return this.parameters.accessToken;
  }

  /** The http basic user name. */
  get username(): string | undefined {
    return this.parameters.username;
  }

  /** The http basic password. */
  get password(): string | undefined {
    return this.parameters.password;
  }

  /** The API key (or key function) for apiKey schemes. */
  get apiKey(): ConfigurationParameters['apiKey'] {
    return this.parameters.apiKey;
  }

  /** Headers sent with every request. */
  get headers(): Readonly<Record<string, string>> | undefined {
    return this.parameters.headers;
  }

  /** The fetch override, if any. */
  get fetchApi(): typeof fetch | undefined {
    return this.parameters.fetchApi;
  }

  /** The middleware, in order ([] when none). */
  get middleware(): readonly Middleware[] {
    return this.parameters.middleware ?? [];
  }

  /** RequestInit.credentials for every request, if set. */
  get credentials(): RequestCredentials | undefined {
    return this.parameters.credentials;
  }

  /** The done sentinel of JSON event streams: the configured value, '[DONE]' by default, null when disabled. */
  get doneSentinel(): string | null {
    return this.parameters.doneSentinel === undefined ? '[DONE]' : this.parameters.doneSentinel;
  }
}

/** A request about to be sent: the URL and the RequestInit passed to fetch (headers is a Headers object). */
export interface RequestContext {
  /** The absolute URL, query string included. */
  url: string;
  /** The fetch init; `headers` is a Headers object. */
  init: RequestInit;
}

/**
 * Hooks around every request. `pre` may return a replacement context; `post` a replacement
 * response; `onError` (fetch rejected) a response to use instead of failing.
 */
export interface Middleware {
  /** Before fetch: return a replacement context, or nothing to keep it. */
  pre?(context: RequestContext): RequestContext | void | Promise<RequestContext | void>;
  /** After fetch, for every status: return a replacement response, or nothing to keep it. */
  post?(
    context: RequestContext & { response: Response },
  ): Response | void | Promise<Response | void>;
  /** When fetch rejects (network error, abort): return a response to use instead, or nothing to rethrow the error. */
  onError?(
    context: RequestContext & { error: unknown },
  ): Response | void | Promise<Response | void>;
}

/** Per-call options: a RequestInit-like object. headers are merged over configuration headers. */
export interface RequestOptions extends Omit<RequestInit, 'method' | 'body'> {}

/**
 * A non-2xx response. `body` is the parsed JSON when the Content-Type is JSON (the text if it is
 * not valid JSON), else the text; undefined when the body is empty.
 */
export class ResponseError<S extends number = number, B = unknown> extends Error {
  override readonly name = 'ResponseError';
  /** The HTTP status code. */
  readonly status: S;
  /** The response headers. */
  readonly headers: Headers;
  /** The parsed response body. */
  readonly body: B;
  /** The response (its body already read). */
  readonly response: Response;

  /** @param response the non-2xx response; @param body its parsed body; @param message defaults to the status line */
  constructor(response: Response, body: B, message?: string) {
    // The URL without its query: query strings can carry API keys, and messages end up in logs.
    const where = response.url === '' ? '' : ` from ${response.url.replace(/[?#].*$/s, '')}`;
    super(
      message ??
        `Response returned status ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${where}`,
    );
    this.status = response.status as S;
    this.headers = response.headers;
    this.body = body;
    this.response = response;
  }
}

/** The base class of every generated API class: builds, authenticates and sends requests. */
export class BaseAPI {
  /** The configuration this API uses. */
  protected readonly configuration: Configuration;
  readonly #basePath: string;

  /**
   * @param configuration credentials, headers, middleware…; configuration.basePath wins over defaultBasePath
   * @param defaultBasePath the spec's server URL the class was generated with
   */
  constructor(
    configuration: Configuration = new Configuration(),
    defaultBasePath = 'http://localhost',
  ) {
    this.configuration = configuration;
    this.#basePath = (configuration.basePath ?? defaultBasePath).replace(/\/+$/, '');
  }

  /** Sends the request; resolves with the 2xx response, unread. @throws ResponseError on any other status (body consumed and parsed) */
  protected async request(spec: RequestSpec, options?: RequestOptions): Promise<Response> {
    const response = await send(this.configuration, this.#basePath, spec, options ?? {});
    if (!response.ok) throw await responseError(response);
    return response;
  }

  /** Sends the request and parses the JSON answer; undefined for 204 or an empty body. @throws ResponseError on non-2xx */
  protected async requestJson<T>(spec: RequestSpec, options?: RequestOptions): Promise<T> {
    const response = await this.request(spec, options);
    if (response.status === 204) {
      await discard(response);
      return undefined as T;
    }
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  /** Sends the request and reads the answer as text. @throws ResponseError on non-2xx */
  protected async requestText(spec: RequestSpec, options?: RequestOptions): Promise<string> {
    return (await this.request(spec, options)).text();
  }

  /** Sends the request and reads the answer as a Blob. @throws ResponseError on non-2xx */
  protected async requestBlob(spec: RequestSpec, options?: RequestOptions): Promise<Blob> {
    return (await this.request(spec, options)).blob();
  }

  /** Sends the request and discards the answer. @throws ResponseError on non-2xx */
  protected async requestVoid(spec: RequestSpec, options?: RequestOptions): Promise<void> {
    await discard(await this.request(spec, options));
  }

  /**
   * A server-sent event stream (WHATWG HTML §9.2): nothing is sent until iteration starts; each
   * (re)connection sends `Accept: text/event-stream` (or spec.accept), `Cache-Control: no-cache` and
   * `Last-Event-ID` when known, with auth and middleware applied. See StreamOptions for reconnection.
   */
  protected requestEventStream<E extends TypedEvent<unknown>>(
    spec: RequestSpec,
    options: StreamOptions | undefined,
    dataFormat: DataFormat,
  ): EventStream<E> {
    // The stream settings are not RequestInit members: keep them out of fetch's init.
    const requestOptions: StreamOptions = { ...options };
    for (const key of ['lastEventId', 'reconnect', 'doneSentinel', 'onOpen', 'onRetry'] as const)
      delete requestOptions[key];
    const streamSpec: RequestSpec = { ...spec, accept: spec.accept ?? 'text/event-stream' };
    return openEventStream<E, RequestContext>(
      {
        prepare: (id, signal) => {
          // WHATWG HTML §9.2.3: no caching, and the last event ID (UTF-8 encoded) when not empty.
          const headers: Record<string, string> = { 'Cache-Control': 'no-cache' };
          if (id !== '') headers['Last-Event-ID'] = utf8AsByteString(id);
          return prepare(
            this.configuration,
            this.#basePath,
            streamSpec,
            { ...requestOptions, signal },
            headers,
          );
        },
        send: (context) => dispatch(this.configuration, context),
        toError: responseError,
      },
      dataFormat,
      options?.doneSentinel === undefined ? this.configuration.doneSentinel : options.doneSentinel,
      options,
    );
  }
}

/** Builds and sends the request: prepare, then dispatch. */
function send(
  configuration: Configuration,
  basePath: string,
  spec: RequestSpec,
  options: RequestOptions,
): Promise<Response> {
  return prepare(configuration, basePath, spec, options).then((context) =>
    dispatch(configuration, context),
  );
}

/**
 * Builds the request — URL, headers, body, security — and runs the `pre` middleware.
 * `finalHeaders` are set last (the protocol headers of event streams).
 */
async function prepare(
  configuration: Configuration,
  basePath: string,
  spec: RequestSpec,
  options: RequestOptions,
  finalHeaders?: Record<string, string>,
): Promise<RequestContext> {
  const headers = new Headers(configuration.headers);
  if (spec.accept !== undefined && spec.accept !== '') headers.set('Accept', spec.accept);
  for (const param of spec.headers ?? []) {
    // OAS 3.1 §4.8.12.2.1: header parameters named Accept, Content-Type or Authorization are ignored.
    if (/^(accept|content-type|authorization)$/i.test(param.name)) continue;
    const value = serializeHeaderParameter(param);
    if (value !== undefined) headers.set(param.name, value);
  }
  const body = serializeBody(spec.body);
  if (body.contentType !== undefined) headers.set('Content-Type', body.contentType);
  const auth = await applySecurity(configuration, spec.security);
  for (const [name, value] of auth.headers) headers.set(name, value);
  new Headers(options.headers).forEach((value, name) => headers.set(name, value));
  // RFC 6265 §4.2.1: one Cookie header, pairs separated by '; '.
  const cookies = [
    headers.get('Cookie') ?? '',
    ...(spec.cookies ?? []).flatMap(serializeCookieParameter),
    ...auth.cookies,
  ].filter((c) => c !== '');
  if (cookies.length > 0) headers.set('Cookie', cookies.join('; '));
  for (const [name, value] of Object.entries(finalHeaders ?? {})) headers.set(name, value);

  const query = [buildQueryString(spec.query), ...auth.query].filter((q) => q !== '').join('&');
  const url = `${basePath}${expandPath(spec.path, spec.pathParams)}${query === '' ? '' : `?${query}`}`;
  const init: RequestInit & { duplex?: 'half' } = { ...options, method: spec.method, headers };
  // Some runtimes (e.g. Cloudflare Workers) reject a `credentials` member even when undefined.
  const credentials = options.credentials ?? configuration.credentials;
  if (credentials !== undefined) init.credentials = credentials;
  else delete init.credentials;
  if (body.body !== undefined) init.body = body.body;
  // WHATWG Fetch §5.3: a stream body requires half-duplex.
  if (typeof ReadableStream !== 'undefined' && body.body instanceof ReadableStream)
    init.duplex = 'half';

  let context: RequestContext = { url, init };
  for (const middleware of configuration.middleware)
    if (middleware.pre) context = (await middleware.pre(context)) ?? context;
  return context;
}

/** Fetches, letting `onError` middleware answer for a failed fetch and `post` middleware replace the response; any status resolves. */
async function dispatch(configuration: Configuration, context: RequestContext): Promise<Response> {
  const fetchApi = configuration.fetchApi ?? fetch;
  let response: Response | undefined;
  try {
    response = await fetchApi(context.url, context.init);
  } catch (error) {
    for (const middleware of configuration.middleware) {
      if (middleware.onError)
        response = (await middleware.onError({ ...context, error })) ?? response;
    }
    if (response === undefined) throw error;
  }
  for (const middleware of configuration.middleware) {
    if (middleware.post) response = (await middleware.post({ ...context, response })) ?? response;
  }
  return response;
}

/** Cancels a body nobody reads, releasing the connection. */
async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // already closed or errored: nothing to release
  }
}

/** Reads a non-2xx response into a ResponseError: JSON when the Content-Type says so (text if invalid), else text; undefined when empty. */
async function responseError(response: Response): Promise<ResponseError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // a body that cannot be read leaves `body` undefined
  }
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && isJsonMediaType(response.headers.get('Content-Type'))) {
    try {
      body = JSON.parse(text);
    } catch {
      // not valid JSON after all: keep the text
    }
  }
  return new ResponseError(response, body);
}

/** The UTF-8 bytes of a string as a byte string (one char per byte), the form fetch sends header values in. */
function utf8AsByteString(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let bytes = '';
  for (const byte of new TextEncoder().encode(text)) bytes += String.fromCharCode(byte);
  return bytes;
}
