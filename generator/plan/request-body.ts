import type { IrMediaType, IrRequestBody } from '../normalize/api-model.js';
import { baseMediaType } from '../normalize/media-type-object.js';
import { bodyKindOf, isJsonMediaType } from './responses.js';
import { printType, type TypeScope } from './type-printer.js';

/** One media type a request body can be sent as, and the type of the value sent as it. */
export interface RequestBodyVariant {
  /** The Content-Type sent (a JSON range such as `application/*+json` is sent as `application/json`). */
  mediaType: string;
  type: string;
}

/**
 * The media types of a Request Body Object (OAS 3.1 §4.8.13) in the spec's order, the first
 * being the default; two keys sent as the same Content-Type count once.
 */
export function requestBodyVariants(body: IrRequestBody, scope: TypeScope): RequestBodyVariant[] {
  const variants: RequestBodyVariant[] = [];
  for (const content of body.contents) {
    const mediaType = sentMediaType(content.mediaType);
    if (variants.some((v) => v.mediaType === mediaType)) continue;
    variants.push({ mediaType, type: bodyValueType(content, scope) });
  }
  return variants;
}

/**
 * A media type range names no Content-Type to send (RFC 9110 §12.5.1). A JSON range
 * (`application/*+json`, `*\/*+json`) is sent as `application/json`; other ranges are passed on
 * and the runtime lets fetch derive the Content-Type from the value.
 */
export function sentMediaType(mediaType: string): string {
  const base = baseMediaType(mediaType);
  if (base.includes('*') && base.endsWith('+json')) return 'application/json';
  return mediaType;
}

/** Binary bodies take what fetch can send, text bodies a string, JSON, form and multipart bodies their schema's type. */
function bodyValueType(content: IrMediaType, scope: TypeScope): string {
  if (isBinaryBody(content.mediaType)) return 'Blob | ArrayBuffer | Uint8Array | string';
  if (bodyKindOf(content.mediaType) === 'text') return 'string';
  return content.schema ? printType(content.schema, scope) : 'unknown';
}

/** Whether a body is sent as raw bytes: neither JSON, text, nor a form or multipart object of fields. */
export function isBinaryBody(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  if (base === 'application/x-www-form-urlencoded' || base.startsWith('multipart/') || isJsonMediaType(base)) return false;
  return bodyKindOf(base) === 'blob';
}
