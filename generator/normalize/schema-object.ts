import { appendPointer, pointerSegments } from '../load/source-map.js';
import type { Discriminator, EnumValue, IrSchema, JsonValue, PrimitiveType, SchemaMeta } from './api-model.js';
import { followRef, type NormalizeContext } from './context.js';
import { arrayField, booleanField, isObject, objectField, stringField, toJsonValue, type JsonObject } from './json.js';
import { lookupPointer } from './resolve-ref.js';
import { normalizeObjectShape } from './schema-object-shape.js';
import { reportUnexpressedKeywords } from './unsupported-features.js';

const COMPONENT_SCHEMA = '#/components/schemas/';
const PRIMITIVES: readonly string[] = ['string', 'number', 'integer', 'boolean', 'null'];
const DOC_CONSTRAINTS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'];

/** Normalizes a Schema Object (OAS 3.1 §4.8.24, JSON Schema 2020-12; 3.0's subset) into an IrSchema. */
export function normalizeSchemaObject(ctx: NormalizeContext, node: unknown, pointer: string): IrSchema {
  if (node === true || node === undefined) return { kind: 'unknown', origin: pointer };
  if (!isObject(node)) {
    if (node !== false) ctx.sink.error('OAS101', pointer, { what: 'a schema', expected: 'an object or a boolean' });
    return { kind: 'unknown', origin: pointer };
  }
  const ref = stringField(node, '$ref');
  if (ref !== undefined) return normalizeRefSchema(ctx, node, ref, pointer);
  reportUnexpressedKeywords(ctx, node, pointer);
  return withNullable(normalizeShape(ctx, node, pointer), node);
}

function normalizeRefSchema(ctx: NormalizeContext, node: JsonObject, ref: string, pointer: string): IrSchema {
  const meta = schemaMeta(node, pointer);
  const segments = pointerSegments(ref);
  if (ref.startsWith(COMPONENT_SCHEMA) && segments.length === 3) {
    if (followRef(ctx, node, pointer) === undefined) return { ...meta, kind: 'unknown' };
    return { ...meta, kind: 'ref', name: segments[2]! };
  }
  // A ref into the middle of another schema: inline the target (cycles were reported by followRef).
  const target = followRef(ctx, node, pointer);
  if (!target) return { ...meta, kind: 'unknown' };
  return normalizeSchemaObject(ctx, target.node, target.pointer);
}

function normalizeShape(ctx: NormalizeContext, node: JsonObject, pointer: string): IrSchema {
  const meta = schemaMeta(node, pointer);
  if ('const' in node) return { ...meta, kind: 'literal', value: enumValue(node['const']) };
  const values = arrayField(node, 'enum');
  if (values) return { ...meta, kind: 'enum', values: values.map(enumValue), ...enumVarNames(node) };
  const allOf = arrayField(node, 'allOf');
  const oneOf = arrayField(node, 'oneOf');
  const anyOf = arrayField(node, 'anyOf');
  if (allOf || oneOf || anyOf) return normalizeComposition(ctx, node, pointer, meta);
  return normalizeTyped(ctx, node, pointer, meta);
}

function normalizeComposition(ctx: NormalizeContext, node: JsonObject, pointer: string, meta: SchemaMeta): IrSchema {
  const parts: IrSchema[] = [];
  const own = ownShape(ctx, node, pointer);
  if (own) parts.push(own);
  const allOf = arrayField(node, 'allOf') ?? [];
  allOf.forEach((item, i) => parts.push(normalizeSchemaObject(ctx, item, appendPointer(pointer, 'allOf', i))));
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const items = arrayField(node, keyword);
    if (!items) continue;
    const variants = items.map((item, i) => normalizeSchemaObject(ctx, item, appendPointer(pointer, keyword, i)));
    const discriminator = normalizeDiscriminator(ctx.document, objectField(node, 'discriminator'), variants);
    parts.push({ kind: 'union', keyword, variants, origin: appendPointer(pointer, keyword), ...(discriminator ? { discriminator } : {}) });
  }
  if (parts.length === 1) return { ...parts[0]!, ...meta, origin: pointer };
  return { ...meta, kind: 'intersection', parts };
}

/** The part of a composed schema that is written beside `allOf`/`oneOf` (its own properties). */
function ownShape(ctx: NormalizeContext, node: JsonObject, pointer: string): IrSchema | undefined {
  if (!isObject(node['properties']) && node['additionalProperties'] === undefined) return undefined;
  return normalizeObjectShape(ctx, node, pointer, { origin: pointer });
}

function normalizeTyped(ctx: NormalizeContext, node: JsonObject, pointer: string, meta: SchemaMeta): IrSchema {
  const types = declaredTypes(node);
  if (types.length > 1) {
    const variants = types.map((type) => normalizeTyped(ctx, { ...node, type }, pointer, { origin: pointer }));
    return { ...meta, kind: 'union', keyword: 'anyOf', variants };
  }
  const type = types[0];
  if (type === 'object' || (type === undefined && (isObject(node['properties']) || node['additionalProperties'] !== undefined || isObject(node['patternProperties'])))) {
    return normalizeObjectShape(ctx, node, pointer, meta);
  }
  if (type === 'array' || (type === undefined && (node['items'] !== undefined || node['prefixItems'] !== undefined))) {
    const prefix = arrayField(node, 'prefixItems')?.map((item, i) => normalizeSchemaObject(ctx, item, appendPointer(pointer, 'prefixItems', i)));
    const items = node['items'] === false ? ({ kind: 'unknown', origin: pointer } as const) : normalizeSchemaObject(ctx, node['items'], appendPointer(pointer, 'items'));
    return { ...meta, kind: 'array', items, ...(prefix ? { prefixItems: prefix } : {}) };
  }
  if (type !== undefined && PRIMITIVES.includes(type)) return { ...meta, kind: 'primitive', type: type as PrimitiveType };
  if (type !== undefined) ctx.sink.error('OAS101', appendPointer(pointer, 'type'), { what: '"type"', expected: 'one of string, number, integer, boolean, null, array, object' });
  return { ...meta, kind: 'unknown' };
}

/** `type` as a list without "null" (3.1 type arrays; 3.0's single string). */
function declaredTypes(node: JsonObject): string[] {
  const type = node['type'];
  const list = Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
  const withoutNull = list.filter((t) => t !== 'null');
  return withoutNull.length === 0 && list.includes('null') ? ['null'] : withoutNull;
}

function withNullable(schema: IrSchema, node: JsonObject): IrSchema {
  const type = node['type'];
  const typeHasNull = Array.isArray(type) && type.includes('null') && type.length > 1;
  const enumHasNull = schema.kind === 'enum' && schema.values.includes(null);
  if (booleanField(node, 'nullable') === true || typeHasNull) return enumHasNull ? schema : { ...schema, nullable: true };
  return schema;
}

export function schemaMeta(node: JsonObject, pointer: string): SchemaMeta {
  const meta: SchemaMeta = { origin: pointer };
  const title = stringField(node, 'title');
  const description = stringField(node, 'description');
  const format = stringField(node, 'format');
  if (title !== undefined) meta.title = title;
  if (description !== undefined) meta.description = description;
  if (format !== undefined) meta.format = format;
  else if (isBinaryContent(node)) meta.format = 'binary';
  if (node['deprecated'] === true) meta.deprecated = true;
  if (node['readOnly'] === true) meta.readOnly = true;
  if (node['writeOnly'] === true) meta.writeOnly = true;
  const defaultValue = toJsonValue(node['default']);
  if (defaultValue !== undefined) meta.default = defaultValue;
  const examples = arrayField(node, 'examples');
  const example = toJsonValue(node['example'] ?? examples?.[0]);
  if (example !== undefined) meta.example = example;
  const constraints: Record<string, JsonValue> = {};
  for (const key of DOC_CONSTRAINTS) {
    const value = toJsonValue(node[key]);
    if (value !== undefined) constraints[key] = value;
  }
  if (Object.keys(constraints).length > 0) meta.constraints = constraints;
  return meta;
}

/**
 * OAS 3.1 §4.8.14.3 (binary data): `contentMediaType` with no `contentEncoding` is raw bytes, the
 * 3.1 way to write 3.0's `format: binary` (text and JSON media types stay strings).
 */
function isBinaryContent(node: JsonObject): boolean {
  const mediaType = stringField(node, 'contentMediaType');
  if (mediaType === undefined || node['contentEncoding'] !== undefined || node['type'] !== 'string') return false;
  const base = mediaType.toLowerCase();
  return !base.startsWith('text/') && !base.includes('json') && !base.includes('xml');
}

function enumValue(value: unknown): EnumValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(toJsonValue(value) ?? null);
}

function enumVarNames(node: JsonObject): { varNames?: string[] } {
  const names = arrayField(node, 'x-enum-varnames') ?? arrayField(node, 'x-enumNames');
  return names ? { varNames: names.map(String) } : {};
}

function normalizeDiscriminator(document: unknown, node: JsonObject | undefined, variants: IrSchema[]): Discriminator | undefined {
  const propertyName = node ? stringField(node, 'propertyName') : undefined;
  if (!node || propertyName === undefined) return undefined;
  const mapping: Discriminator['mapping'] = [];
  const explicit = objectField(node, 'mapping') ?? {};
  for (const value of Object.keys(explicit)) {
    const target = explicit[value];
    if (typeof target !== 'string') continue;
    const name = target.startsWith(COMPONENT_SCHEMA) ? target.slice(COMPONENT_SCHEMA.length) : target;
    mapping.push({ value, name });
  }
  // Implicit mapping (OAS 3.1 §4.8.25): the schema name is the value, unless the variant already
  // fixes the property itself (const or a one-value enum), which real specs rely on.
  for (const variant of variants) {
    if (variant.kind !== 'ref' || mapping.some((m) => m.name === variant.name)) continue;
    if (!fixesProperty(document, lookupPointer(document, appendPointer('#', 'components', 'schemas', variant.name)), propertyName)) {
      mapping.push({ value: variant.name, name: variant.name });
    }
  }
  return { propertyName, mapping };
}

/** Whether a schema (or one of its allOf parts) declares the property with `const` or a one-value `enum`. */
function fixesProperty(document: unknown, schema: unknown, propertyName: string, depth = 0): boolean {
  if (isObject(schema) && typeof schema['$ref'] === 'string' && depth <= 8) return fixesProperty(document, lookupPointer(document, schema['$ref']), propertyName, depth + 1);
  if (!isObject(schema) || depth > 8) return false;
  const property = objectField(schema, 'properties')?.[propertyName];
  if (isObject(property) && ('const' in property || (Array.isArray(property['enum']) && property['enum'].length === 1))) return true;
  return (arrayField(schema, 'allOf') ?? []).some((part) => fixesProperty(document, part, propertyName, depth + 1));
}
