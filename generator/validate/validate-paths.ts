import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { HTTP_METHODS } from '../normalize/normalize-document.js';
import { isObject, type JsonObject } from '../normalize/json.js';
import { resolveRef } from '../normalize/resolve-ref.js';
import { checkFieldTypes, describeValue } from './field-types.js';
import { validateParameterList, type DeclaredParameter } from './validate-parameters.js';

/** What differs between the 3.x minor versions. OAS 3.1 made `responses` optional (§4.8.10). */
export interface VersionRules {
  responsesRequired: boolean;
}

interface PathOperation {
  path: string;
  pointer: string;
  pathParameters: readonly DeclaredParameter[];
}

/** A Responses Object key: a status code, a range like `4XX`, or `default` (OAS 3.1 §4.8.16). */
const STATUS_KEY = /^(default|[1-5]\d\d|[1-5]XX)$/;

/** Paths Object (OAS 3.1 §4.8.8) and the Path Items and Operations under it. */
export function validatePaths(document: JsonObject, sink: DiagnosticSink, rules: VersionRules): void {
  const paths = document['paths'];
  if (!isObject(paths)) return;
  const operationIds = new Map<string, string>();
  for (const path of Object.keys(paths)) {
    if (path.startsWith('x-')) continue;
    const itemPointer = appendPointer('#', 'paths', path);
    if (!path.startsWith('/')) sink.error('OAS208', itemPointer, { path });
    const resolved = isObject(paths[path]) ? resolveRef(document, paths[path] as JsonObject, itemPointer) : undefined;
    if (!resolved) {
      sink.error('OAS101', itemPointer, { what: 'a path item', expected: `an object, not ${describeValue(paths[path])}` });
      continue;
    }
    if (!resolved.ok) continue;
    const item = resolved.node;
    checkFieldTypes(item, itemPointer, { summary: 'string', description: 'string', servers: 'array' }, sink);
    const pathParameters = validateParameterList(document, item['parameters'], appendPointer(itemPointer, 'parameters'), sink);
    reportUnusedPathParameters(path, pathParameters, sink);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const pointer = appendPointer(itemPointer, method);
      if (!isObject(operation)) {
        sink.error('OAS101', pointer, { what: 'an operation', expected: `an object, not ${describeValue(operation)}` });
        continue;
      }
      validateOperation(document, operation, { path, pointer, pathParameters }, { operationIds, rules }, sink);
    }
  }
}

/** Operation Object (OAS 3.1 §4.8.10). */
function validateOperation(
  document: JsonObject,
  operation: JsonObject,
  at: PathOperation,
  seen: { operationIds: Map<string, string>; rules: VersionRules },
  sink: DiagnosticSink,
): void {
  const { pointer } = at;
  checkFieldTypes(operation, pointer, {
    operationId: 'string', tags: 'string array', summary: 'string', description: 'string', deprecated: 'boolean',
    requestBody: 'object', responses: 'object', security: 'array', servers: 'array', callbacks: 'object',
  }, sink);
  const responses = operation['responses'];
  if (responses === undefined && seen.rules.responsesRequired) sink.error('OAS102', pointer, { field: 'responses' });
  if (isObject(responses)) {
    for (const status of Object.keys(responses)) {
      if (!STATUS_KEY.test(status) && !status.startsWith('x-')) sink.error('OAS209', appendPointer(pointer, 'responses', status), { status });
    }
  }
  const operationId = operation['operationId'];
  if (typeof operationId === 'string') {
    const other = seen.operationIds.get(operationId);
    if (other !== undefined) sink.error('OAS203', appendPointer(pointer, 'operationId'), { operationId, other });
    else seen.operationIds.set(operationId, pointer);
  }
  const own = validateParameterList(document, operation['parameters'], appendPointer(pointer, 'parameters'), sink);
  const templated = templateNames(at.path);
  const declared = new Set([...at.pathParameters, ...own].filter((p) => p.in === 'path').map((p) => p.name));
  for (const name of templated) if (!declared.has(name)) sink.error('OAS201', at.pointer, { name });
  reportUnusedPathParameters(at.path, own, sink);
}

/** The `{name}`s of a path template (OAS 3.1 §4.8.8.1). */
function templateNames(path: string): Set<string> {
  return new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
}

/** Every path parameter needs its `{name}` in the path (OAS 3.1 §4.8.12.1). */
function reportUnusedPathParameters(path: string, parameters: readonly DeclaredParameter[], sink: DiagnosticSink): void {
  const templated = templateNames(path);
  for (const p of parameters) if (p.in === 'path' && !templated.has(p.name)) sink.error('OAS202', p.pointer, { name: p.name });
}
