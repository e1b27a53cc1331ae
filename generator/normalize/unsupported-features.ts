import { appendPointer } from '../load/source-map.js';
import type { NormalizeContext } from './context.js';
import { isObject, objectField, type JsonObject } from './json.js';

/**
 * JSON Schema keywords a TypeScript type cannot say (OAS 3.1 §4.8.24 / JSON Schema 2020-12):
 * the type oasgen prints is wider than the schema, which the OAS302 warning says where.
 */
const UNEXPRESSED_KEYWORDS = [
  'not', 'if', 'then', 'else', 'dependentSchemas', 'dependentRequired', 'unevaluatedProperties', 'unevaluatedItems',
  'propertyNames', 'contains', '$dynamicRef',
] as const;

export function reportUnexpressedKeywords(ctx: NormalizeContext, node: JsonObject, pointer: string): void {
  for (const keyword of UNEXPRESSED_KEYWORDS) {
    if (node[keyword] !== undefined) ctx.sink.warn('OAS302', appendPointer(pointer, keyword), { keyword });
  }
}

/** Callback Objects (OAS 3.1 §4.8.18): requests the server sends, which a client does not make. */
export function reportCallbacks(ctx: NormalizeContext, operation: JsonObject, pointer: string): void {
  for (const name of Object.keys(objectField(operation, 'callbacks') ?? {})) {
    ctx.sink.warn('OAS301', appendPointer(pointer, 'callbacks', name), {
      feature: 'Callback Object',
      detail: `callback "${name}" gets no types or handler (the component schemas it refers to are generated)`,
    });
  }
}

/** Link Objects (OAS 3.1 §4.8.20): design-time relations the client does not follow. */
export function reportLinks(ctx: NormalizeContext, response: JsonObject, pointer: string): void {
  for (const name of Object.keys(objectField(response, 'links') ?? {})) {
    if (!isObject(objectField(response, 'links')![name])) continue;
    ctx.sink.warn('OAS301', appendPointer(pointer, 'links', name), { feature: 'Link Object', detail: `link "${name}" is not followed or documented` });
  }
}

/** Webhooks (OAS 3.1 §4.8.1 `webhooks`): requests the API sends, not ones a client makes. */
export function reportWebhooks(ctx: NormalizeContext, document: JsonObject): void {
  for (const name of Object.keys(objectField(document, 'webhooks') ?? {})) {
    ctx.sink.warn('OAS301', appendPointer('#', 'webhooks', name), {
      feature: 'webhooks',
      detail: `webhook "${name}" gets no types or handler (the component schemas it refers to are generated)`,
    });
  }
}
