import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { HTTP_METHODS } from '../normalize/normalize-document.js';
import { arrayField, isObject, stringField, type JsonObject } from '../normalize/json.js';
import { resolveRef } from '../normalize/resolve-ref.js';

/**
 * Structural checks the generator relies on (OAS 3.1 §4.8): the version, required fields, path
 * templating and unique operationIds. Reports every problem; never throws for a spec problem.
 * Returns the document when it is an OpenAPI 3.x object the later stages can read.
 */
export function validateDocument(document: unknown, sink: DiagnosticSink): JsonObject | undefined {
  if (!isObject(document) || (document['openapi'] === undefined && document['swagger'] === undefined)) {
    sink.error('OAS004', '#');
    return undefined;
  }
  const version = String(document['openapi'] ?? document['swagger']);
  if (!/^3\.[012]\.\d+/.test(version)) {
    sink.error('OAS005', document['openapi'] !== undefined ? '#/openapi' : '#/swagger', { version });
    return undefined;
  }
  validateInfo(document, sink);
  validatePaths(document, sink, { responsesRequired: version.startsWith('3.0') });
  return document;
}

/** What differs between the 3.x minor versions. OAS 3.1 made `responses` optional (§4.8.10). */
interface VersionRules {
  responsesRequired: boolean;
}

interface PathOperation {
  path: string;
  item: JsonObject;
  itemPointer: string;
  operation: JsonObject;
  pointer: string;
}

function validateInfo(document: JsonObject, sink: DiagnosticSink): void {
  const info = document['info'];
  if (info === undefined) return sink.error('OAS102', '#', { field: 'info' });
  if (!isObject(info)) return sink.error('OAS101', '#/info', { what: '"info"', expected: 'an object' });
  if (typeof info['title'] !== 'string') sink.error('OAS102', '#/info', { field: 'title' });
  if (typeof info['version'] !== 'string') sink.error('OAS102', '#/info', { field: 'version' });
}

function validatePaths(document: JsonObject, sink: DiagnosticSink, rules: VersionRules): void {
  const paths = document['paths'];
  if (paths === undefined) return;
  if (!isObject(paths)) return sink.error('OAS101', '#/paths', { what: '"paths"', expected: 'an object' });
  const operationIds = new Map<string, string>();
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    const itemPointer = appendPointer('#', 'paths', path);
    if (path.startsWith('x-')) continue;
    if (!isObject(item)) {
      sink.error('OAS101', itemPointer, { what: 'a path item', expected: 'an object' });
      continue;
    }
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const pointer = appendPointer(itemPointer, method);
      if (!isObject(operation)) {
        sink.error('OAS101', pointer, { what: 'an operation', expected: 'an object' });
        continue;
      }
      validateOperation(document, { path, item, itemPointer, operation, pointer }, { operationIds, rules }, sink);
    }
  }
}

function validateOperation(
  document: JsonObject,
  at: PathOperation,
  seen: { operationIds: Map<string, string>; rules: VersionRules },
  sink: DiagnosticSink,
): void {
  const { operation, pointer } = at;
  const { operationIds } = seen;
  if (operation['responses'] === undefined) {
    if (seen.rules.responsesRequired) sink.error('OAS102', pointer, { field: 'responses' });
  }
  else if (!isObject(operation['responses'])) sink.error('OAS101', appendPointer(pointer, 'responses'), { what: '"responses"', expected: 'an object' });
  const operationId = stringField(operation, 'operationId');
  if (operationId !== undefined) {
    const other = operationIds.get(operationId);
    if (other !== undefined) sink.error('OAS203', appendPointer(pointer, 'operationId'), { operationId, other });
    else operationIds.set(operationId, pointer);
  }
  validatePathParameters(document, at, sink);
}

/** Every `{name}` in the path template needs a path parameter, and every path parameter a `{name}` (OAS 3.1 §4.8.12.1). */
function validatePathParameters(document: JsonObject, at: PathOperation, sink: DiagnosticSink): void {
  const templated = new Set([...at.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
  const declared = new Map<string, string>();
  const collect = (list: readonly unknown[] | undefined, pointer: string): void => {
    (list ?? []).forEach((raw, i) => {
      if (!isObject(raw)) return;
      const resolved = resolveRef(document, raw, appendPointer(pointer, i));
      if (!resolved.ok) return;
      if (resolved.node['in'] === 'path' && typeof resolved.node['name'] === 'string') declared.set(resolved.node['name'], appendPointer(pointer, i));
    });
  };
  collect(arrayField(at.item, 'parameters'), appendPointer(at.itemPointer, 'parameters'));
  collect(arrayField(at.operation, 'parameters'), appendPointer(at.pointer, 'parameters'));
  for (const name of templated) if (!declared.has(name)) sink.error('OAS201', at.pointer, { name });
  for (const [name, pointer] of declared) if (!templated.has(name)) sink.error('OAS202', pointer, { name });
}
