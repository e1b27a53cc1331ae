import { appendPointer } from '../load/source-map.js';
import { isObject, type JsonObject } from '../normalize/json.js';
import { track, type UpgradeContext } from './upgrade-context.js';

/** Where the 2.0 reusable objects moved in 3.0 (OAS 3.0 §4.7.7 Components Object). */
const MOVED_REFS: readonly [from: string, to: string][] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
];

/** Rewrites a local 2.0 `$ref` to where its target lives in the 3.0 document. */
export function upgradeRef(ref: string): string {
  for (const [from, to] of MOVED_REFS) if (ref.startsWith(from)) return to + ref.slice(from.length);
  return ref;
}

/**
 * A 2.0 Schema Object as a 3.0 one (OAS 2.0 §Schema Object): `$ref`s move with their targets,
 * `type: file` becomes a binary string, `x-nullable` becomes `nullable`, and the 2.0
 * discriminator (a property name) becomes a Discriminator Object. Every object copied keeps
 * its 2.0 origin.
 */
export function upgradeSchema(ctx: UpgradeContext, schema: unknown, pointer: string): unknown {
  if (Array.isArray(schema)) return track(ctx, schema.map((item, i) => upgradeSchema(ctx, item, appendPointer(pointer, i))), pointer);
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  for (const [key, value] of Object.entries(schema)) {
    const at = appendPointer(pointer, key);
    if (key === '$ref' && typeof value === 'string') out[key] = upgradeRef(value);
    else if (key === 'x-nullable') out['nullable'] = value;
    else if (key === 'discriminator' && typeof value === 'string') out[key] = track(ctx, { propertyName: value }, at);
    else if (key === 'type' && value === 'file') Object.assign(out, { type: 'string', format: 'binary' });
    else if ((key === 'format' && schema['type'] === 'file') || key === 'collectionFormat') continue;
    else if (key === 'properties' && isObject(value)) out[key] = upgradeSchemaMap(ctx, value, at);
    else if (key.startsWith('x-') || key === 'example' || key === 'enum' || key === 'default') out[key] = value;
    else out[key] = upgradeSchema(ctx, value, at);
  }
  return out;
}

/** Upgrades every schema of a map (definitions, properties), keeping the keys. */
export function upgradeSchemaMap(ctx: UpgradeContext, map: JsonObject, pointer: string): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  for (const [name, schema] of Object.entries(map)) out[name] = upgradeSchema(ctx, schema, appendPointer(pointer, name));
  return out;
}
