import { appendPointer } from '../load/source-map.js';
import { isObject, objectField, stringField, type JsonObject } from '../normalize/json.js';
import { schemaOfParameter } from './parameter-object-2.js';
import { upgradeRef, upgradeSchema } from './schema-object-2.js';
import { copyExtensions, copyFields, track, type UpgradeContext } from './upgrade-context.js';

/**
 * A 2.0 Response Object as a 3.0 one (OAS 3.0 §4.7.17): its `schema` is served as each media
 * type of `produces`, its `examples` (by media type) move next to them, and headers get schemas.
 */
export function upgradeResponse(ctx: UpgradeContext, response: unknown, pointer: string, produces: readonly string[]): unknown {
  if (!isObject(response)) return response;
  const ref = stringField(response, '$ref');
  if (ref !== undefined) return track(ctx, { $ref: upgradeRef(ref) }, pointer);
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  copyFields(response, out, ['description']);
  const headers = objectField(response, 'headers');
  if (headers) out['headers'] = upgradeHeaders(ctx, headers, appendPointer(pointer, 'headers'));
  if (response['schema'] !== undefined) {
    const schemaPointer = appendPointer(pointer, 'schema');
    const examples = objectField(response, 'examples') ?? {};
    const content: Record<string, unknown> = track(ctx, {}, schemaPointer);
    for (const mediaType of produces.length > 0 ? produces : ['application/json']) {
      const media: Record<string, unknown> = track(ctx, { schema: upgradeSchema(ctx, response['schema'], schemaPointer) }, schemaPointer);
      if (examples[mediaType] !== undefined) media['example'] = examples[mediaType];
      content[mediaType] = media;
    }
    out['content'] = content;
  }
  copyExtensions(response, out);
  return out;
}

/** The responses of an operation (or `#/responses`), by status. */
export function upgradeResponses(ctx: UpgradeContext, responses: JsonObject, pointer: string, produces: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  for (const [status, response] of Object.entries(responses)) {
    out[status] = status.startsWith('x-') ? response : upgradeResponse(ctx, response, appendPointer(pointer, status), produces);
  }
  return out;
}

function upgradeHeaders(ctx: UpgradeContext, headers: JsonObject, pointer: string): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  for (const [name, header] of Object.entries(headers)) {
    if (!isObject(header)) continue;
    const at = appendPointer(pointer, name);
    const upgraded: Record<string, unknown> = track(ctx, {}, at);
    copyFields(header, upgraded, ['description']);
    upgraded['schema'] = schemaOfParameter(ctx, header, at);
    out[name] = upgraded;
  }
  return out;
}
