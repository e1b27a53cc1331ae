import { appendPointer } from '../load/source-map.js';
import type { IrOperation } from './api-model.js';
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

/**
 * Callbacks and webhooks (OAS 3.1 §4.8.18, §4.8.1) get types for their request and response
 * bodies (webhooks.ts); their parameters (often a signature header) are only listed in the docs:
 * one warning per Path Item, at its first parameter.
 */
export function reportWebhookParameters(ctx: NormalizeContext, operations: IrOperation[]): void {
  const parameters = new Map(operations.flatMap((o) => o.parameters).map((p) => [`${p.in} "${p.name}"`, p.origin]));
  const first = [...parameters.values()][0];
  if (first === undefined || !operations[0]) return;
  ctx.sink.warn('OAS301', first, {
    feature: 'Typing the parameters of webhooks and callbacks',
    detail: `${[...parameters.keys()].join(', ')} of "${operations[0].path}" (${operations.map((o) => o.method.toUpperCase()).join(', ')}): listed in the README, not typed (the bodies are typed in webhooks.ts)`,
  });
}

/** A Callback Object inside a webhook or callback operation: the request it describes is one more hop away from the client. */
export function reportNestedCallbacks(ctx: NormalizeContext, operation: JsonObject, pointer: string): void {
  for (const name of Object.keys(objectField(operation, 'callbacks') ?? {})) {
    ctx.sink.warn('OAS301', appendPointer(pointer, 'callbacks', name), {
      feature: 'Callback Object',
      detail: `callback "${name}" of a webhook or callback operation gets no types (only the callbacks of paths operations do)`,
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
