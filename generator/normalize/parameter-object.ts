import { appendPointer } from '../load/source-map.js';
import type { IrParameter, ParameterLocation, ParameterStyle } from './api-model.js';
import { followRef, type NormalizeContext } from './context.js';
import { booleanField, isObject, objectField, stringField, toJsonValue } from './json.js';
import { normalizeSchemaObject } from './schema-object.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];
const STYLES: readonly string[] = ['simple', 'label', 'matrix', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject'];

/** Normalizes a Parameter Object (OAS 3.1 §4.8.12), following a Reference Object first. */
export function normalizeParameterObject(ctx: NormalizeContext, raw: unknown, pointer: string): IrParameter | undefined {
  if (!isObject(raw)) {
    ctx.sink.error('OAS101', pointer, { what: 'a parameter', expected: 'an object' });
    return undefined;
  }
  const target = stringField(raw, '$ref') !== undefined ? followRef(ctx, raw, pointer) : { node: raw, pointer };
  if (!target) return undefined;
  const { node } = target;
  const at = target.pointer;
  const name = stringField(node, 'name');
  const location = stringField(node, 'in');
  if (name === undefined) {
    ctx.sink.error('OAS102', at, { field: 'name' });
    return undefined;
  }
  if (location === undefined) {
    ctx.sink.error('OAS204', at, { name });
    return undefined;
  }
  if (!LOCATIONS.includes(location)) {
    ctx.sink.error('OAS101', appendPointer(at, 'in'), { what: '"in"', expected: 'one of path, query, header, cookie' });
    return undefined;
  }
  const where = location as ParameterLocation;
  const style = serializationStyle(node, where);
  const content = objectField(node, 'content');
  const contentType = content ? Object.keys(content)[0] : undefined;
  const schemaNode = contentType !== undefined && isObject(content![contentType]) ? (content![contentType] as { schema?: unknown }).schema : node['schema'];
  const schemaPointer = contentType !== undefined ? appendPointer(at, 'content', contentType, 'schema') : appendPointer(at, 'schema');
  const description = stringField(node, 'description');
  const example = toJsonValue(node['example']);
  return {
    name,
    in: where,
    required: where === 'path' ? true : booleanField(node, 'required') === true,
    schema: normalizeSchemaObject(ctx, schemaNode, schemaPointer),
    style,
    explode: booleanField(node, 'explode') ?? style === 'form',
    allowReserved: booleanField(node, 'allowReserved') === true,
    origin: at,
    ...(description !== undefined ? { description } : {}),
    ...(node['deprecated'] === true ? { deprecated: true } : {}),
    ...(contentType !== undefined ? { contentType } : {}),
    ...(example !== undefined ? { example } : {}),
  };
}

/** The default style per location (OAS 3.1 §4.8.12.2: form for query and cookie, simple for path and header). */
function serializationStyle(node: { readonly [key: string]: unknown }, location: ParameterLocation): ParameterStyle {
  const style = stringField(node, 'style');
  if (style !== undefined && STYLES.includes(style)) return style as ParameterStyle;
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/** Path-level parameters apply to every operation unless the operation redefines the same name and location. */
export function mergeParameters(pathLevel: IrParameter[], operationLevel: IrParameter[]): IrParameter[] {
  const key = (p: IrParameter): string => `${p.in}:${p.name}`;
  const overridden = new Set(operationLevel.map(key));
  return [...pathLevel.filter((p) => !overridden.has(key(p))), ...operationLevel];
}
