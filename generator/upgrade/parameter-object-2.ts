import { appendPointer } from '../load/source-map.js';
import { stringField, type JsonObject } from '../normalize/json.js';
import { upgradeRef, upgradeSchema } from './schema-object-2.js';
import { copyExtensions, copyFields, track, warnNoEquivalent, type UpgradeContext } from './upgrade-context.js';

/** The 2.0 fields of a non-body parameter, header or items object that describe its value (OAS 2.0 §Parameter Object). */
const SCHEMA_FIELDS = [
  'type', 'format', 'items', 'default', 'enum', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'multipleOf', 'x-nullable',
] as const;

/** The value fields of a 2.0 parameter or header as a 3.0 Schema Object. */
export function schemaOfParameter(ctx: UpgradeContext, parameter: JsonObject, pointer: string): unknown {
  const raw: Record<string, unknown> = {};
  copyFields(parameter, raw, SCHEMA_FIELDS);
  return upgradeSchema(ctx, raw, pointer);
}

/** A 2.0 query, header, path or cookie parameter as a 3.0 Parameter Object (`schema` plus `style`/`explode`). */
export function upgradeParameter(ctx: UpgradeContext, parameter: JsonObject, pointer: string): Record<string, unknown> {
  const ref = stringField(parameter, '$ref');
  if (ref !== undefined) return track(ctx, { $ref: upgradeRef(ref) }, pointer);
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  copyFields(parameter, out, ['name', 'in', 'description', 'required', 'allowEmptyValue']);
  out['schema'] = schemaOfParameter(ctx, parameter, pointer);
  if (parameter['type'] === 'array') Object.assign(out, styleOf(ctx, parameter, pointer));
  copyExtensions(parameter, out);
  return out;
}

/**
 * 2.0 `collectionFormat` as 3.0 `style`/`explode` (OAS 3.0 §4.7.12.4 "Style Values"): csv is
 * `form` (query, cookie) or `simple` (path, header) without explode, ssv and pipes are the
 * delimited styles, multi is `form` exploded. tsv has no 3.0 style.
 */
export function styleOf(ctx: UpgradeContext, parameter: JsonObject, pointer: string): { style: string; explode: boolean } {
  const location = stringField(parameter, 'in') ?? 'query';
  const format = stringField(parameter, 'collectionFormat') ?? 'csv';
  const csv = { style: location === 'path' || location === 'header' ? 'simple' : 'form', explode: false };
  switch (format) {
    case 'csv':
      return csv;
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'multi':
      return { style: 'form', explode: true };
    default:
      warnNoEquivalent(ctx, appendPointer(pointer, 'collectionFormat'), `collectionFormat "${format}"`, 'sent comma-separated (csv) instead');
      return csv;
  }
}
