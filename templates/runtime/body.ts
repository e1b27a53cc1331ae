/**
 * Request bodies for the generated client's runtime: the value of a RequestBodySpec turned into a
 * fetch BodyInit by its media type (OAS 3.1 §4.8.14 "Media Type Object", §4.8.15 "Encoding Object").
 * This file is copied verbatim into every generated client; it has no dependencies.
 */
import type { RequestBodySpec } from './runtime.js';
import { isJsonMediaType, scalarText } from './serialize.js';

/** A body and the Content-Type to declare for it (none for multipart: fetch adds the boundary). */
export interface SerializedBody {
  body?: BodyInit;
  contentType?: string;
}

/** Values fetch sends as they are (WHATWG Fetch §5.2 BodyInit). */
function isBodyInit(value: unknown): value is BodyInit {
  return (
    typeof value === 'string' ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) ||
    (typeof FormData !== 'undefined' && value instanceof FormData) ||
    value instanceof URLSearchParams
  );
}

/** Serializes the request body by its media type (OAS 3.1 §4.8.14 "Media Type Object", §4.8.15 "Encoding Object" defaults). */
export function serializeBody(spec: RequestBodySpec | undefined): SerializedBody {
  if (spec === undefined || spec.value === undefined) return {};
  const { mediaType, value } = spec;
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  // A wildcard range (e.g. application/*) is no Content-Type: let fetch derive it from the value.
  const contentType = essence.includes('*') ? undefined : mediaType;
  if (essence === 'multipart/form-data')
    return { body: value instanceof FormData ? value : toFormData(value) };
  if (isBodyInit(value) && typeof value !== 'string') return { body: value, contentType };
  if (isJsonMediaType(mediaType)) return { body: JSON.stringify(value), contentType };
  if (essence === 'application/x-www-form-urlencoded')
    return { body: toSearchParams(value), contentType };
  return { body: typeof value === 'string' ? value : scalarText(value), contentType };
}

/** application/x-www-form-urlencoded (WHATWG URL §5): one pair per property; arrays repeat the name, objects are JSON. */
function toSearchParams(value: unknown): URLSearchParams {
  if (typeof value === 'string') return new URLSearchParams(value);
  const params = new URLSearchParams();
  for (const [name, member] of Object.entries(value ?? {})) {
    if (member === undefined) continue;
    for (const item of Array.isArray(member) ? member : [member])
      if (item !== undefined) params.append(name, scalarText(item));
  }
  return params;
}

/**
 * multipart/form-data (RFC 7578): Blobs (and Files) as file parts, arrays repeat the field, objects
 * as JSON text (OAS 3.1 §4.8.15: object properties default to application/json), others as text.
 */
function toFormData(value: unknown): FormData {
  const form = new FormData();
  for (const [name, member] of Object.entries(value ?? {})) {
    if (member === undefined) continue;
    for (const item of Array.isArray(member) ? member : [member]) {
      if (item === undefined) continue;
      if (item instanceof Blob) form.append(name, item);
      else form.append(name, scalarText(item));
    }
  }
  return form;
}
