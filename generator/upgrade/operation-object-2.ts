import { appendPointer, pointerSegments } from '../load/source-map.js';
import { arrayField, isObject, objectField, stringField, type JsonObject } from '../normalize/json.js';
import { upgradeParameter } from './parameter-object-2.js';
import { upgradeBodyParameter, upgradeFormParameters, type LocatedParameter } from './request-body-2.js';
import { upgradeResponses } from './response-object-2.js';
import { copyExtensions, copyFields, track, type UpgradeContext } from './upgrade-context.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const;

/** The document-wide `consumes`/`produces`, which an operation's own lists replace (OAS 2.0 §Operation Object). */
export interface MediaDefaults {
  consumes: readonly string[];
  produces: readonly string[];
}

/** A 2.0 Path Item as a 3.0 one; body and form parameters at path level move into each operation's body. */
export function upgradePathItem(ctx: UpgradeContext, item: JsonObject, pointer: string, defaults: MediaDefaults): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  const shared = locateParameters(ctx, arrayField(item, 'parameters'), appendPointer(pointer, 'parameters'));
  const plain = shared.filter((p) => !isBodyOrForm(p));
  if (plain.length > 0) out['parameters'] = track(ctx, plain.map((p) => upgradeLocated(ctx, p)), appendPointer(pointer, 'parameters'));
  for (const method of METHODS) {
    const operation = objectField(item, method);
    if (operation) out[method] = upgradeOperation(ctx, operation, appendPointer(pointer, method), { defaults, inherited: shared.filter(isBodyOrForm) });
  }
  copyExtensions(item, out);
  return out;
}

function upgradeOperation(
  ctx: UpgradeContext,
  operation: JsonObject,
  pointer: string,
  from: { defaults: MediaDefaults; inherited: readonly LocatedParameter[] },
): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  copyFields(operation, out, ['tags', 'summary', 'description', 'externalDocs', 'operationId', 'deprecated', 'security']);
  const consumes = stringList(operation, 'consumes') ?? from.defaults.consumes;
  const produces = stringList(operation, 'produces') ?? from.defaults.produces;
  const own = locateParameters(ctx, arrayField(operation, 'parameters'), appendPointer(pointer, 'parameters'));
  const plain = own.filter((p) => !isBodyOrForm(p));
  if (plain.length > 0) out['parameters'] = track(ctx, plain.map((p) => upgradeLocated(ctx, p)), appendPointer(pointer, 'parameters'));
  const bodies = [...own, ...from.inherited].filter(isBodyOrForm);
  const body = bodies.find((p) => p.node['in'] === 'body');
  const form = bodies.filter((p) => p.node['in'] === 'formData');
  if (body) out['requestBody'] = upgradeBodyParameter(ctx, body, consumes);
  else if (form.length > 0) out['requestBody'] = upgradeFormParameters(ctx, form, consumes);
  const responses = objectField(operation, 'responses');
  if (responses) out['responses'] = upgradeResponses(ctx, responses, appendPointer(pointer, 'responses'), produces);
  copyExtensions(operation, out);
  return out;
}

/** Follows `#/parameters/...` refs so body and form parameters can be told apart. */
function locateParameters(ctx: UpgradeContext, list: readonly unknown[] | undefined, pointer: string): LocatedParameter[] {
  const shared = objectField(ctx.source, 'parameters') ?? {};
  return (list ?? []).flatMap((raw, i): LocatedParameter[] => {
    if (!isObject(raw)) return [];
    const ref = stringField(raw, '$ref');
    const segments = ref?.startsWith('#/parameters/') ? pointerSegments(ref) : [];
    const name = segments.length === 2 ? segments[1] : undefined;
    const target = name !== undefined ? shared[name] : undefined;
    if (ref !== undefined && isObject(target)) return [{ node: target, pointer: appendPointer('#', 'parameters', name!), ref, usedAt: appendPointer(pointer, i) }];
    return [{ node: raw, pointer: appendPointer(pointer, i), usedAt: appendPointer(pointer, i) }];
  });
}

function upgradeLocated(ctx: UpgradeContext, parameter: LocatedParameter): Record<string, unknown> {
  return upgradeParameter(ctx, parameter.ref !== undefined ? { $ref: parameter.ref } : parameter.node, parameter.usedAt);
}

function isBodyOrForm(parameter: LocatedParameter): boolean {
  return parameter.node['in'] === 'body' || parameter.node['in'] === 'formData';
}

export function stringList(node: JsonObject, key: string): string[] | undefined {
  const list = arrayField(node, key);
  return list?.filter((item): item is string => typeof item === 'string');
}
