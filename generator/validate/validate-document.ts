import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { isObject, type JsonObject } from '../normalize/json.js';
import { checkFieldTypes, checkRequiredField, describeValue } from './field-types.js';
import { OPENAPI_3 } from './openapi-version.js';
import { validatePaths } from './validate-paths.js';
import { validateReferences } from './validate-references.js';

const COMPONENT_MAPS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems'];

/**
 * Structural checks the generator relies on (OAS 3.1 §4.8): the version, required fields and
 * their types, path templating, parameters, unique operationIds, references and nesting depth.
 * Reports every problem; never throws for a spec problem. Returns the document when it is an
 * OpenAPI 3.x object the later stages can read.
 */
export function validateDocument(document: unknown, sink: DiagnosticSink): JsonObject | undefined {
  if (!isObject(document) || (document['openapi'] === undefined && document['swagger'] === undefined)) {
    sink.error('OAS004', '#');
    return undefined;
  }
  const version = String(document['openapi'] ?? document['swagger']);
  // Swagger 2.0 arrives here upgraded to 3.0 by the load stage.
  if (typeof document['openapi'] !== 'string' || !OPENAPI_3.test(version)) {
    sink.error('OAS005', document['openapi'] !== undefined ? '#/openapi' : '#/swagger', { version });
    return undefined;
  }
  if (!validateReferences(document, sink)) return undefined;
  validateInfo(document, sink);
  checkFieldTypes(document, '#', { paths: 'object', webhooks: 'object', components: 'object', servers: 'array', security: 'array', tags: 'array' }, sink);
  validateComponents(document, sink);
  validateTags(document, sink);
  validatePaths(document, sink, { responsesRequired: version.startsWith('3.0') });
  return document;
}

/** Info Object (OAS 3.1 §4.8.2): `title` and `version` are required strings. */
function validateInfo(document: JsonObject, sink: DiagnosticSink): void {
  const info = document['info'];
  if (info === undefined) return sink.error('OAS102', '#', { field: 'info' });
  if (!isObject(info)) return sink.error('OAS101', '#/info', { what: '"info"', expected: `an object, not ${describeValue(info)}` });
  checkRequiredField(info, '#/info', 'title', 'string', sink);
  checkRequiredField(info, '#/info', 'version', 'string', sink);
  checkFieldTypes(info, '#/info', { description: 'string', summary: 'string' }, sink);
}

/** Components Object (OAS 3.1 §4.8.7): each field is a map from name to object. */
function validateComponents(document: JsonObject, sink: DiagnosticSink): void {
  const components = document['components'];
  if (!isObject(components)) return;
  const fields = Object.fromEntries(COMPONENT_MAPS.map((field) => [field, 'object' as const]));
  checkFieldTypes(components, '#/components', fields, sink);
}

/** Tag Objects (OAS 3.1 §4.8.22): each needs a string `name`. */
function validateTags(document: JsonObject, sink: DiagnosticSink): void {
  const tags = document['tags'];
  if (!Array.isArray(tags)) return;
  tags.forEach((tag, i) => {
    const pointer = appendPointer('#/tags', i);
    if (!isObject(tag)) return sink.error('OAS101', pointer, { what: 'a tag', expected: `an object, not ${describeValue(tag)}` });
    if (checkRequiredField(tag, pointer, 'name', 'string', sink)) checkFieldTypes(tag, pointer, { description: 'string' }, sink);
  });
}
