import { appendPointer } from '../load/source-map.js';
import type { IrProperty, IrSchema, ObjectSchema, SchemaMeta } from './api-model.js';
import type { NormalizeContext } from './context.js';
import { arrayField, isObject, objectField, type JsonObject } from './json.js';
import { normalizeSchemaObject } from './schema-object.js';

/** Normalizes the object keywords of a schema: properties, required, additionalProperties, patternProperties. */
export function normalizeObjectShape(ctx: NormalizeContext, node: JsonObject, pointer: string, meta: SchemaMeta): ObjectSchema {
  const required = new Set((arrayField(node, 'required') ?? []).filter((r): r is string => typeof r === 'string'));
  const propertiesNode = objectField(node, 'properties') ?? {};
  const properties: IrProperty[] = Object.keys(propertiesNode).map((name) => ({
    name,
    required: required.has(name),
    schema: normalizeSchemaObject(ctx, propertiesNode[name], appendPointer(pointer, 'properties', name)),
  }));
  // `required` may name a property declared elsewhere (another allOf part, or not at all): it must
  // be present whatever its type, which the intersection with the declaring part then narrows.
  for (const name of required) {
    if (!properties.some((p) => p.name === name)) properties.push({ name, required: true, schema: { kind: 'unknown', origin: appendPointer(pointer, 'required') } });
  }
  const extras = extraProperties(ctx, node, pointer);
  return { ...meta, kind: 'object', properties, ...(extras ? { additionalProperties: extras } : {}) };
}

/** `additionalProperties` and `patternProperties` both describe extra keys; they merge into one value type. */
function extraProperties(ctx: NormalizeContext, node: JsonObject, pointer: string): IrSchema | true | undefined {
  const additional = node['additionalProperties'];
  const schemas: IrSchema[] = [];
  if (additional === true || (isObject(additional) && Object.keys(additional).length === 0)) return true;
  if (isObject(additional)) schemas.push(normalizeSchemaObject(ctx, additional, appendPointer(pointer, 'additionalProperties')));
  const patterns = objectField(node, 'patternProperties');
  for (const pattern of Object.keys(patterns ?? {})) {
    schemas.push(normalizeSchemaObject(ctx, patterns![pattern], appendPointer(pointer, 'patternProperties', pattern)));
  }
  if (schemas.length === 0) return undefined;
  if (schemas.length === 1) return schemas[0];
  return { kind: 'union', keyword: 'anyOf', variants: schemas, origin: pointer };
}
