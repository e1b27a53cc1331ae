import { appendPointer } from '../load/source-map.js';
import type { IrEventStream, IrMediaType, IrSchema, IrStreamEvent } from './api-model.js';
import type { NormalizeContext } from './context.js';
import { isObject, objectField, stringField, type JsonObject } from './json.js';
import { resolveRef } from './resolve-ref.js';
import { normalizeSchemaObject } from './schema-object.js';

export const EVENT_STREAM = 'text/event-stream';

/** Normalizes a `content` map (OAS 3.1 §4.8.14 Media Type Objects), keeping the spec's order. */
export function normalizeContent(ctx: NormalizeContext, content: JsonObject | undefined, pointer: string): IrMediaType[] {
  if (!content) return [];
  return Object.keys(content).map((mediaType) => {
    const at = appendPointer(pointer, mediaType);
    const node = isObject(content[mediaType]) ? (content[mediaType] as JsonObject) : {};
    const schema = node['schema'] !== undefined ? normalizeSchemaObject(ctx, node['schema'], appendPointer(at, 'schema')) : undefined;
    const result: IrMediaType = { mediaType, origin: at, ...(schema ? { schema } : {}) };
    if (baseMediaType(mediaType) === EVENT_STREAM) result.stream = normalizeEventStream(ctx, node, at, schema);
    reportEncoding(ctx, objectField(node, 'encoding'), appendPointer(at, 'encoding'));
    return result;
  });
}

/**
 * Encoding Objects (OAS 3.1 §4.8.15): the runtime sends form fields and multipart parts by their
 * default rules (files as file parts, objects as JSON text, the rest as text), so a part's own
 * `contentType`, `headers`, `style`, `explode` or `allowReserved` is not honoured yet: say so.
 */
function reportEncoding(ctx: NormalizeContext, encoding: JsonObject | undefined, pointer: string): void {
  for (const part of Object.keys(encoding ?? {})) {
    const entry = encoding![part];
    if (!isObject(entry)) continue;
    const keys = Object.keys(entry).filter((k) => !k.startsWith('x-'));
    if (keys.length === 0) continue;
    ctx.sink.warn('OAS301', appendPointer(pointer, part), { feature: 'Encoding Object', detail: `part "${part}" is sent with the default encoding (${keys.join(', ')} ignored)` });
  }
}

export function baseMediaType(mediaType: string): string {
  return (mediaType.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * The events of a `text/event-stream` body. OAS 3.2 describes each event with `itemSchema`
 * (an object with `event`, `data`, `id`, `retry`); 3.0/3.1 only give `schema`, which
 * oasgen reads as the type of each event's data (JSON unless the schema is a string).
 */
function normalizeEventStream(ctx: NormalizeContext, node: JsonObject, pointer: string, schema: IrSchema | undefined): IrEventStream {
  const itemSchema = node['itemSchema'];
  if (isObject(itemSchema)) return { source: 'itemSchema', events: itemSchemaEvents(ctx, itemSchema, appendPointer(pointer, 'itemSchema')) };
  const data: IrSchema = schema ?? { kind: 'primitive', type: 'string', origin: pointer };
  return { source: 'schema', events: [{ data, dataFormat: isStringSchema(ctx, node['schema']) || !schema ? 'text' : 'json' }] };
}

function itemSchemaEvents(ctx: NormalizeContext, itemSchema: JsonObject, pointer: string): IrStreamEvent[] {
  const resolved = resolveRef(ctx.document, itemSchema, pointer);
  const root = resolved.ok ? resolved.node : itemSchema;
  const rootPointer = resolved.ok ? resolved.pointer : pointer;
  const branches = root['oneOf'] ?? root['anyOf'];
  if (Array.isArray(branches)) {
    const keyword = root['oneOf'] !== undefined ? 'oneOf' : 'anyOf';
    return branches.map((branch, i) => eventOfItem(ctx, branch, appendPointer(rootPointer, keyword, i)));
  }
  return [eventOfItem(ctx, root, rootPointer)];
}

/** One event variant: its fixed `event` name (from `const` or a one-value `enum`) and its data. */
function eventOfItem(ctx: NormalizeContext, raw: unknown, pointer: string): IrStreamEvent {
  const resolved = isObject(raw) ? resolveRef(ctx.document, raw, pointer) : undefined;
  const node = resolved?.ok ? resolved.node : {};
  const at = resolved?.ok ? resolved.pointer : pointer;
  const properties = objectField(node, 'properties') ?? {};
  const eventNode = isObject(properties['event']) ? properties['event'] : {};
  const fixed = typeof eventNode['const'] === 'string' ? eventNode['const'] : Array.isArray(eventNode['enum']) && eventNode['enum'].length === 1 && typeof eventNode['enum'][0] === 'string' ? eventNode['enum'][0] : undefined;
  const dataNode = isObject(properties['data']) ? properties['data'] : undefined;
  const dataPointer = appendPointer(at, 'properties', 'data');
  const name = fixed !== undefined ? { name: fixed } : {};
  if (!dataNode) return { ...name, data: { kind: 'primitive', type: 'string', origin: dataPointer }, dataFormat: 'text' };
  const contentSchema = dataNode['contentSchema'];
  const contentMediaType = stringField(dataNode, 'contentMediaType');
  if (contentSchema !== undefined && (contentMediaType === undefined || /json/i.test(contentMediaType))) {
    return { ...name, data: normalizeSchemaObject(ctx, contentSchema, appendPointer(dataPointer, 'contentSchema')), dataFormat: 'json' };
  }
  if (contentMediaType !== undefined && /json/i.test(contentMediaType)) {
    return { ...name, data: { kind: 'unknown', origin: dataPointer }, dataFormat: 'json' };
  }
  const data = normalizeSchemaObject(ctx, dataNode, dataPointer);
  return { ...name, data, dataFormat: isStringSchema(ctx, dataNode) ? 'text' : 'json' };
}

function isStringSchema(ctx: NormalizeContext, raw: unknown): boolean {
  if (!isObject(raw)) return false;
  const resolved = resolveRef(ctx.document, raw, '#');
  const node = resolved.ok ? resolved.node : raw;
  const type = node['type'];
  return type === 'string' || (Array.isArray(type) && type.length === 1 && type[0] === 'string');
}
