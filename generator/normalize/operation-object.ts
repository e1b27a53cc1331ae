import { appendPointer } from '../load/source-map.js';
import type { HttpMethod, IrOperation, IrParameter, IrRequestBody, IrResponse, IrSecurityRequirement } from './api-model.js';
import { followRef, type NormalizeContext } from './context.js';
import { arrayField, booleanField, isObject, objectField, stringField, type JsonObject } from './json.js';
import { normalizeContent } from './media-type-object.js';
import { mergeParameters, normalizeParameterObject } from './parameter-object.js';
import { normalizeSchemaObject } from './schema-object.js';
import { reportLinks } from './unsupported-features.js';

/** Normalizes an Operation Object (OAS 3.1 §4.8.10) with the parameters of its Path Item. */
export function normalizeOperationObject(
  ctx: NormalizeContext,
  node: JsonObject,
  at: { path: string; method: HttpMethod; pointer: string; pathParameters: IrParameter[] },
): IrOperation {
  const { pointer } = at;
  const operationId = stringField(node, 'operationId');
  const summary = stringField(node, 'summary');
  const description = stringField(node, 'description');
  const ownParameters = normalizeParameterList(ctx, arrayField(node, 'parameters'), appendPointer(pointer, 'parameters'));
  const requestBody = node['requestBody'] !== undefined ? normalizeRequestBodyObject(ctx, node['requestBody'], appendPointer(pointer, 'requestBody')) : undefined;
  const security = node['security'] !== undefined ? normalizeSecurityRequirements(node['security']) : undefined;
  return {
    method: at.method,
    path: at.path,
    tags: (arrayField(node, 'tags') ?? []).filter((t): t is string => typeof t === 'string'),
    deprecated: booleanField(node, 'deprecated') === true,
    parameters: mergeParameters(at.pathParameters, ownParameters),
    responses: normalizeResponsesObject(ctx, objectField(node, 'responses'), appendPointer(pointer, 'responses')),
    origin: pointer,
    ...(operationId !== undefined ? { operationId } : {}),
    ...(summary !== undefined ? { summary } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(requestBody ? { requestBody } : {}),
    ...(security ? { security } : {}),
  };
}

export function normalizeParameterList(ctx: NormalizeContext, list: readonly unknown[] | undefined, pointer: string): IrParameter[] {
  const out: IrParameter[] = [];
  (list ?? []).forEach((raw, i) => {
    const parameter = normalizeParameterObject(ctx, raw, appendPointer(pointer, i));
    if (parameter) out.push(parameter);
  });
  return out;
}

/** Request Body Object (OAS 3.1 §4.8.13). */
function normalizeRequestBodyObject(ctx: NormalizeContext, raw: unknown, pointer: string): IrRequestBody | undefined {
  if (!isObject(raw)) return undefined;
  const target = stringField(raw, '$ref') !== undefined ? followRef(ctx, raw, pointer) : { node: raw, pointer };
  if (!target) return undefined;
  const description = stringField(target.node, 'description');
  return {
    required: booleanField(target.node, 'required') === true,
    contents: normalizeContent(ctx, objectField(target.node, 'content'), appendPointer(target.pointer, 'content')),
    origin: target.pointer,
    ...(description !== undefined ? { description } : {}),
  };
}

/** Responses Object (OAS 3.1 §4.8.16): status codes in the spec's order, `default` included. */
function normalizeResponsesObject(ctx: NormalizeContext, node: JsonObject | undefined, pointer: string): IrResponse[] {
  if (!node) return [];
  const out: IrResponse[] = [];
  for (const status of Object.keys(node)) {
    if (status.startsWith('x-')) continue;
    const raw = node[status];
    const at = appendPointer(pointer, status);
    if (!isObject(raw)) continue;
    const target = stringField(raw, '$ref') !== undefined ? followRef(ctx, raw, at) : { node: raw, pointer: at };
    if (!target) continue;
    const headersNode = objectField(target.node, 'headers') ?? {};
    reportLinks(ctx, target.node, target.pointer);
    out.push({
      status,
      description: stringField(target.node, 'description') ?? '',
      headers: Object.keys(headersNode).map((name) => {
        const headerAt = appendPointer(target.pointer, 'headers', name);
        const header = isObject(headersNode[name]) ? followRef(ctx, headersNode[name] as JsonObject, headerAt) : undefined;
        const description = header ? stringField(header.node, 'description') : undefined;
        const schema = normalizeSchemaObject(ctx, header?.node['schema'], appendPointer(header?.pointer ?? headerAt, 'schema'));
        return { name, schema, ...(description !== undefined ? { description } : {}) };
      }),
      contents: normalizeContent(ctx, objectField(target.node, 'content'), appendPointer(target.pointer, 'content')),
      origin: target.pointer,
    });
  }
  return out;
}

/** Security Requirement Objects (OAS 3.1 §4.8.30): a list of alternatives, each a set of schemes. */
export function normalizeSecurityRequirements(raw: unknown): IrSecurityRequirement[][] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((alternative) =>
    Object.keys(alternative).map((scheme) => ({
      scheme,
      scopes: (Array.isArray(alternative[scheme]) ? (alternative[scheme] as unknown[]) : []).map(String),
    })),
  );
}
