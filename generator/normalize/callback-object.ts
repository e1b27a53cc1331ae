import { appendPointer } from '../load/source-map.js';
import type { IrOperation, IrWebhook } from './api-model.js';
import { followRef, type NormalizeContext } from './context.js';
import { arrayField, isObject, objectField, stringField, type JsonObject } from './json.js';
// A cycle with normalize-document.ts (which calls this module), harmless: HTTP_METHODS is read only when the functions run.
import { HTTP_METHODS } from './normalize-document.js';
import { normalizeOperationObject, normalizeParameterList } from './operation-object.js';
import { reportNestedCallbacks, reportWebhookParameters } from './unsupported-features.js';

/** The 3.1 `webhooks` map (OAS 3.1 §4.8.1): each key's Path Item, its operations in method order; keys sorted (a map, looked up by name). */
export function normalizeWebhooks(ctx: NormalizeContext, document: JsonObject): IrWebhook[] {
  const webhooks = objectField(document, 'webhooks') ?? {};
  return Object.keys(webhooks).sort().flatMap((key) =>
    pathItemOperations(ctx, webhooks[key], appendPointer('#', 'webhooks', key), key).map((operation) => ({ source: 'webhook' as const, key, operation })),
  );
}

/**
 * The Callback Objects (OAS 3.1 §4.8.18) of every operation under `paths`, in the operations'
 * order (`operationIndex` counts them as normalizePaths does), each operation's callback keys sorted.
 */
export function normalizeCallbacks(ctx: NormalizeContext, paths: JsonObject | undefined): IrWebhook[] {
  const out: IrWebhook[] = [];
  let operationIndex = 0;
  for (const path of Object.keys(paths ?? {})) {
    const item = paths![path];
    if (path.startsWith('x-') || !isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const node = item[method];
      if (!isObject(node)) continue;
      out.push(...operationCallbacks(ctx, node, appendPointer('#', 'paths', path, method), operationIndex));
      operationIndex++;
    }
  }
  return out;
}

function operationCallbacks(ctx: NormalizeContext, operation: JsonObject, pointer: string, operationIndex: number): IrWebhook[] {
  const callbacks = objectField(operation, 'callbacks') ?? {};
  return Object.keys(callbacks).sort().flatMap((key) => {
    const at = appendPointer(pointer, 'callbacks', key);
    const raw = callbacks[key];
    const callback = isObject(raw) ? (stringField(raw, '$ref') !== undefined ? followRef(ctx, raw, at) : { node: raw, pointer: at }) : undefined;
    if (!callback) return [];
    return Object.keys(callback.node).filter((expression) => !expression.startsWith('x-')).flatMap((expression) =>
      pathItemOperations(ctx, callback.node[expression], appendPointer(callback.pointer, expression), expression).map((op) => ({
        source: 'callback' as const, key, operationIndex, expression, operation: op,
      })),
    );
  });
}

/** A Path Item Object (OAS 3.1 §4.8.9), `$ref` followed, as operations whose `path` is the item's key. */
function pathItemOperations(ctx: NormalizeContext, raw: unknown, pointer: string, path: string): IrOperation[] {
  if (!isObject(raw)) return [];
  const item = stringField(raw, '$ref') !== undefined ? followRef(ctx, raw, pointer) : { node: raw, pointer };
  if (!item) return [];
  const pathParameters = normalizeParameterList(ctx, arrayField(item.node, 'parameters'), appendPointer(item.pointer, 'parameters'));
  const operations = HTTP_METHODS.flatMap((method) => {
    const node = item.node[method];
    if (!isObject(node)) return [];
    const at = appendPointer(item.pointer, method);
    reportNestedCallbacks(ctx, node, at);
    return [normalizeOperationObject(ctx, node, { path, method, pointer: at, pathParameters })];
  });
  reportWebhookParameters(ctx, operations);
  return operations;
}
