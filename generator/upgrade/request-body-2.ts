import { appendPointer } from '../load/source-map.js';
import { stringField, type JsonObject } from '../normalize/json.js';
import { schemaOfParameter, styleOf } from './parameter-object-2.js';
import { upgradeRef, upgradeSchema } from './schema-object-2.js';
import { copyExtensions, copyFields, track, type UpgradeContext } from './upgrade-context.js';

/** A 2.0 parameter with the pointer it was read from (after following a `#/parameters/` ref). */
export interface LocatedParameter {
  node: JsonObject;
  pointer: string;
  /** The `$ref` it was reached through, if any. */
  ref?: string;
  /** Where it is listed (the `$ref`'s place when reached through one). */
  usedAt: string;
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** The `in: body` parameter as a 3.0 Request Body Object, one media type per `consumes` entry (OAS 3.0 §4.7.13). */
export function upgradeBodyParameter(ctx: UpgradeContext, body: LocatedParameter, consumes: readonly string[]): Record<string, unknown> {
  // A body parameter shared under #/parameters moved to #/components/requestBodies.
  if (body.ref !== undefined) return track(ctx, { $ref: upgradeRef(body.ref).replace('#/components/parameters/', '#/components/requestBodies/') }, body.usedAt);
  return requestBodyOf(ctx, body.node, body.pointer, consumes);
}

export function requestBodyOf(ctx: UpgradeContext, body: JsonObject, pointer: string, consumes: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  copyFields(body, out, ['description', 'required']);
  const content: Record<string, unknown> = track(ctx, {}, pointer);
  for (const mediaType of consumes.length > 0 ? consumes : ['application/json']) {
    content[mediaType] = track(ctx, { schema: upgradeSchema(ctx, body['schema'], appendPointer(pointer, 'schema')) }, pointer);
  }
  out['content'] = content;
  copyExtensions(body, out);
  return out;
}

/**
 * The `in: formData` parameters as one object schema sent as a form (OAS 3.0 §4.7.13.5): urlencoded
 * or multipart as `consumes` says (multipart when a file is sent and `consumes` names no form type).
 */
export function upgradeFormParameters(ctx: UpgradeContext, fields: readonly LocatedParameter[], consumes: readonly string[]): Record<string, unknown> {
  const first = fields[0]!;
  const hasFile = fields.some((field) => field.node['type'] === 'file');
  const declared = consumes.filter((type) => FORM_TYPES.includes(type));
  const mediaTypes = declared.length > 0 ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  const properties: Record<string, unknown> = track(ctx, {}, first.pointer);
  const encoding: Record<string, unknown> = {};
  const required: string[] = [];
  for (const field of fields) {
    const name = stringField(field.node, 'name') ?? '';
    const schema = schemaOfParameter(ctx, field.node, field.pointer);
    if (typeof schema === 'object' && schema !== null && typeof field.node['description'] === 'string') (schema as Record<string, unknown>)['description'] = field.node['description'];
    properties[name] = schema;
    if (field.node['required'] === true) required.push(name);
    if (field.node['type'] === 'array') encoding[name] = track(ctx, styleOf(ctx, { ...field.node, in: 'query' }, field.pointer), field.pointer);
  }
  const schema: Record<string, unknown> = track(ctx, { type: 'object', properties }, first.pointer);
  if (required.length > 0) schema['required'] = required;
  const content: Record<string, unknown> = track(ctx, {}, first.pointer);
  for (const mediaType of mediaTypes) {
    const media: Record<string, unknown> = track(ctx, { schema }, first.pointer);
    if (Object.keys(encoding).length > 0 && mediaType === 'application/x-www-form-urlencoded') media['encoding'] = encoding;
    content[mediaType] = media;
  }
  return track(ctx, { ...(required.length > 0 ? { required: true } : {}), content }, first.pointer);
}
