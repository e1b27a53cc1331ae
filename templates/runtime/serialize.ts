/**
 * Parameter and media-type serialization for the generated client's runtime.
 *
 * Parameters follow the OpenAPI Specification 3.1.1 §4.8.12 "Parameter Object": the `style`
 * values of §4.8.12.3 ("Style Values"), which are RFC 6570 URI-template expansions for `simple`,
 * `label`, `matrix` and `form` (RFC 6570 §3.2.2, §3.2.5, §3.2.7, §3.2.8), with the exact output of
 * the §4.8.12.4 "Style Examples" table, and the percent-encoding rules of Appendix E.
 * This file is copied verbatim into every generated client; it has no dependencies.
 */

/** How a parameter value is written (OAS 3.1 §4.8.12.3 "Style Values"). */
export type ParameterStyle =
  'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

/** One parameter occurrence, with its OpenAPI serialization (OAS 3.1 §4.8.12.3 "Style Values", §4.8.12.4 "Style Examples"). value undefined → omitted. */
export interface ParameterSpec {
  /** The parameter's name (case-sensitive; for headers, the header name). */
  name: string;
  /** The value; `undefined` omits the parameter, `null` sends it empty. */
  value: unknown;
  /** The serialization style. */
  style: ParameterStyle;
  /** Whether arrays and objects produce one name/value pair per item (OAS 3.1 §4.8.12.2.2 `explode`). */
  explode: boolean;
  /** Query only: RFC 3986 reserved characters are sent unencoded (RFC 6570 §3.2.3 reserved expansion). */
  allowReserved?: boolean;
  /** content-encoded parameter (`content` instead of `schema`): serialize value with this media type (JSON.stringify for json) then percent-encode */
  contentType?: string;
}

/** A value reduced to what RFC 6570 §2.3 distinguishes: undefined, a string, a list or an associative array. */
type Shape =
  | { kind: 'undefined' }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'map'; entries: [string, string][] };

/**
 * `application/json` and every structured-syntax `+json` type (RFC 6839 §3.1), with or without
 * parameters; the runtime uses JSON for requests and responses of these media types.
 */
export function isJsonMediaType(mediaType: string | null | undefined): boolean {
  if (!mediaType) return false;
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  return (
    essence === 'application/json' || /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+\+json$/.test(essence)
  );
}

/**
 * The text of one scalar: strings as they are, numbers, bigints and booleans via String(),
 * dates as ISO 8601 (the `date-time` format, OAS 3.1 §4.4 "Data Types"), null as the empty string,
 * and anything structured as JSON (nested structures have no defined serialization in OAS 3.1).
 */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * RFC 6570 §2.3: undefined, an empty list and a map with no defined members are undefined (the
 * parameter is omitted). null, which RFC 6570 also calls undefined, is sent empty here, like the
 * empty string: a JSON null the caller passed explicitly is not "no value".
 */
function shapeOf(value: unknown): Shape {
  if (value === undefined) return { kind: 'undefined' };
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== undefined).map(scalarText);
    return items.length === 0 ? { kind: 'undefined' } : { kind: 'list', items };
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries: [string, string][] = [];
    for (const [key, member] of Object.entries(value))
      if (member !== undefined) entries.push([key, scalarText(member)]);
    return entries.length === 0 ? { kind: 'undefined' } : { kind: 'map', entries };
  }
  return { kind: 'string', value: scalarText(value) };
}

/** The text of a `content`-encoded parameter (OAS 3.1 §4.8.12.2.3): JSON for JSON media types, else plain text. */
function contentText(value: unknown, contentType: string): string {
  if (isJsonMediaType(contentType)) return JSON.stringify(value) ?? '';
  return typeof value === 'object' && value !== null && !(value instanceof Date)
    ? (JSON.stringify(value) ?? '')
    : scalarText(value);
}

/**
 * Percent-encodes everything except RFC 3986 §2.3 unreserved characters, as RFC 6570 does for
 * simple, label, matrix and form expansion (stricter than encodeURIComponent, which leaves
 * `!'()*` alone).
 */
export function encodeUnreserved(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * RFC 6570 §3.2.3 reserved expansion, used for `allowReserved: true` (OAS 3.1 §4.8.12.2.2):
 * RFC 3986 reserved characters (§2.2) and existing percent-encoded triplets pass through. `#` is
 * still encoded: unencoded it would end the query and start a fragment (OAS 3.1.1 §4.8.12.2.2
 * leaves encoding `#` to the application).
 */
export function encodeReserved(text: string): string {
  return encodeURIComponent(text)
    .replace(/%25([0-9A-Fa-f]{2})/g, '%$1')
    .replace(/%(3A|2F|3F|5B|5D|40|21|24|26|27|28|29|2A|2B|2C|3B|3D)/gi, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
}

/**
 * Header values are not URIs: OAS 3.1.1 Appendix D leaves them unencoded, but a header value can
 * only carry visible ASCII, spaces and tabs (RFC 9110 §5.5), so anything else — including CR/LF,
 * which would split the header — is percent-encoded.
 */
function headerSafe(text: string): string {
  return text.replace(/[^\t\x20-\x7e]+/g, (run) => encodeURIComponent(run));
}

/** Path styles (`simple`, `label`, `matrix`): the RFC 6570 expansion of one path variable. */
function expandPathStyle(
  param: ParameterSpec,
  shape: Shape,
  encode: (text: string) => string,
): string {
  const { name, explode } = param;
  const pair = (key: string, value: string): string =>
    value === '' ? encode(key) : `${encode(key)}=${encode(value)}`;
  switch (param.style) {
    case 'label': {
      // RFC 6570 §3.2.5: prefix '.', exploded members separated by '.', others by ','.
      if (shape.kind === 'undefined') return '';
      if (shape.kind === 'string') return `.${encode(shape.value)}`;
      if (shape.kind === 'list') return `.${shape.items.map(encode).join(explode ? '.' : ',')}`;
      return explode
        ? `.${shape.entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('.')}`
        : `.${shape.entries.flatMap(([k, v]) => [encode(k), encode(v)]).join(',')}`;
    }
    case 'matrix': {
      // RFC 6570 §3.2.7: ';name=value', and just ';name' when the value is empty.
      if (shape.kind === 'undefined') return '';
      if (shape.kind === 'string') return `;${pair(name, shape.value)}`;
      if (shape.kind === 'list') {
        return explode
          ? shape.items.map((item) => `;${pair(name, item)}`).join('')
          : `;${encode(name)}=${shape.items.map(encode).join(',')}`;
      }
      return explode
        ? shape.entries.map(([k, v]) => `;${pair(k, v)}`).join('')
        : `;${encode(name)}=${shape.entries.flatMap(([k, v]) => [encode(k), encode(v)]).join(',')}`;
    }
    default: {
      // RFC 6570 §3.2.2 simple expansion (the default for path and header parameters).
      if (shape.kind === 'undefined') return '';
      if (shape.kind === 'string') return encode(shape.value);
      if (shape.kind === 'list') return shape.items.map(encode).join(',');
      return explode
        ? shape.entries.map(([k, v]) => `${encode(k)}=${encode(v)}`).join(',')
        : shape.entries.flatMap(([k, v]) => [encode(k), encode(v)]).join(',');
    }
  }
}

/**
 * A path parameter's text, to replace `{name}` in the path template (OAS 3.1 §4.8.2 "Path
 * Templating"): `simple`, `label` or `matrix` style, every value percent-encoded so that `/`, `?`,
 * `#` and the style's own delimiters in a value cannot change the URL's structure.
 * An undefined value expands to the empty string (RFC 6570 §2.3).
 */
export function serializePathParameter(param: ParameterSpec): string {
  if (param.contentType !== undefined) {
    return param.value === undefined
      ? ''
      : encodeUnreserved(contentText(param.value, param.contentType));
  }
  return expandPathStyle(param, shapeOf(param.value), encodeUnreserved);
}

/**
 * Replaces each `{name}` of an OpenAPI path template (OAS 3.1 §4.8.2) with its serialized path
 * parameter. Path parameters are required (OAS 3.1 §4.8.12.2.1), so a missing one throws a
 * TypeError instead of silently addressing another resource.
 */
export function expandPath(template: string, params: readonly ParameterSpec[] | undefined): string {
  const byName = new Map<string, ParameterSpec>();
  for (const param of params ?? []) byName.set(param.name, param);
  return template.replace(/\{([^{}]+)\}/g, (whole, name: string) => {
    const param = byName.get(name);
    if (param === undefined || param.value === undefined)
      throw new TypeError(`Missing required path parameter "${name}"`);
    return serializePathParameter(param);
  });
}

/**
 * The `name=value` pairs of one query parameter, already percent-encoded, in order; none when the
 * value is undefined. `form` follows RFC 6570 §3.2.8; `spaceDelimited` and `pipeDelimited` join
 * with `%20` and `%7C` (explode: true behaves like `form`); `deepObject` writes `name[key]=value`
 * with the brackets encoded (`%5B`/`%5D`), exactly as the OAS 3.1.1 §4.8.12.4 table shows.
 * Path-only styles used in a query fall back to `form`.
 */
export function serializeQueryParameter(param: ParameterSpec): string[] {
  if (param.value === undefined) return [];
  const encodeValue = param.allowReserved === true ? encodeReserved : encodeUnreserved;
  const name = encodeUnreserved(param.name);
  if (param.contentType !== undefined)
    return [`${name}=${encodeValue(contentText(param.value, param.contentType))}`];
  if (param.style === 'deepObject') return deepObjectPairs(param.name, param.value, encodeValue);
  const shape = shapeOf(param.value);
  if (shape.kind === 'undefined') return [];
  if (shape.kind === 'string') return [`${name}=${encodeValue(shape.value)}`];
  const delimiter = param.explode
    ? undefined
    : param.style === 'spaceDelimited'
      ? '%20'
      : param.style === 'pipeDelimited'
        ? '%7C'
        : ',';
  if (shape.kind === 'list') {
    return delimiter === undefined
      ? shape.items.map((item) => `${name}=${encodeValue(item)}`)
      : [`${name}=${shape.items.map(encodeValue).join(delimiter)}`];
  }
  return delimiter === undefined
    ? shape.entries.map(([k, v]) => `${encodeUnreserved(k)}=${encodeValue(v)}`)
    : [
        `${name}=${shape.entries.flatMap(([k, v]) => [encodeValue(k), encodeValue(v)]).join(delimiter)}`,
      ];
}

/**
 * `deepObject` (OAS 3.1 §4.8.12.3): `name[key]=value` per member. Nested objects and arrays have
 * no defined representation; they continue the bracket path and repeat the key, the convention
 * most server frameworks parse.
 */
function deepObjectPairs(
  name: string,
  value: unknown,
  encodeValue: (text: string) => string,
): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value))
    return value.flatMap((item) => deepObjectPairs(name, item, encodeValue));
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, member]) =>
      deepObjectPairs(`${name}[${key}]`, member, encodeValue),
    );
  }
  return [`${encodeUnreserved(name)}=${encodeValue(scalarText(value))}`];
}

/** The query string (without `?`) for the parameters, in the order given; '' when all are undefined. */
export function buildQueryString(params: readonly ParameterSpec[] | undefined): string {
  return (params ?? []).flatMap(serializeQueryParameter).join('&');
}

/**
 * A header parameter's value: always `simple` style (the only one OAS 3.1 §4.8.12.3 allows for
 * headers), unencoded except for characters a header cannot carry; undefined when omitted.
 */
export function serializeHeaderParameter(param: ParameterSpec): string | undefined {
  if (param.value === undefined) return undefined;
  if (param.contentType !== undefined)
    return headerSafe(contentText(param.value, param.contentType));
  const shape = shapeOf(param.value);
  if (shape.kind === 'undefined') return undefined;
  return expandPathStyle({ ...param, style: 'simple' }, shape, headerSafe);
}

/**
 * The `name=value` pairs a cookie parameter adds to the `Cookie` header (RFC 6265 §4.2.1), in
 * `form` style (OAS 3.1 §4.8.12.3): exploded arrays repeat the name, exploded objects use their
 * keys as cookie names, unexploded values are joined with `,`. Values are percent-encoded so that
 * they stay within RFC 6265 `cookie-octet`s (see OAS 3.1.1 Appendix D).
 */
export function serializeCookieParameter(param: ParameterSpec): string[] {
  if (param.value === undefined) return [];
  if (param.contentType !== undefined)
    return [`${param.name}=${encodeUnreserved(contentText(param.value, param.contentType))}`];
  const shape = shapeOf(param.value);
  if (shape.kind === 'undefined') return [];
  if (shape.kind === 'string') return [`${param.name}=${encodeUnreserved(shape.value)}`];
  if (shape.kind === 'list') {
    return param.explode
      ? shape.items.map((item) => `${param.name}=${encodeUnreserved(item)}`)
      : [`${param.name}=${shape.items.map(encodeUnreserved).join(',')}`];
  }
  return param.explode
    ? shape.entries.map(([k, v]) => `${k}=${encodeUnreserved(v)}`)
    : [
        `${param.name}=${shape.entries.flatMap(([k, v]) => [encodeUnreserved(k), encodeUnreserved(v)]).join(',')}`,
      ];
}
