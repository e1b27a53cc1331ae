import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { isObject, type JsonObject } from '../normalize/json.js';
import { resolveRef } from '../normalize/resolve-ref.js';
import { checkFieldTypes, checkRequiredField, describeValue } from './field-types.js';

const LOCATIONS: readonly string[] = ['path', 'query', 'header', 'cookie'];

/** A parameter as the path checks need it: its name, location and where it was declared. */
export interface DeclaredParameter {
  name: string;
  in: string;
  pointer: string;
}

/**
 * Checks one list of Parameter Objects (OAS 3.1 §4.8.12): each needs a string `name` and an `in`
 * among path/query/header/cookie, a path parameter must be `required: true`, and no name+location
 * pair may appear twice. Returns the parameters that passed, refs followed.
 */
export function validateParameterList(document: JsonObject, list: unknown, pointer: string, sink: DiagnosticSink): DeclaredParameter[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    sink.error('OAS101', pointer, { what: '"parameters"', expected: `a list, not ${describeValue(list)}` });
    return [];
  }
  const declared: DeclaredParameter[] = [];
  list.forEach((raw, i) => {
    const parameter = validateParameter(document, raw, appendPointer(pointer, i), sink);
    if (!parameter) return;
    const twin = declared.find((other) => other.name === parameter.name && other.in === parameter.in);
    if (twin) sink.error('OAS207', parameter.pointer, { name: parameter.name, in: parameter.in, other: twin.pointer });
    else declared.push(parameter);
  });
  return declared;
}

/** One Parameter Object (or a Reference Object to one; a broken ref is reported by validateReferences). */
export function validateParameter(document: JsonObject, raw: unknown, pointer: string, sink: DiagnosticSink): DeclaredParameter | undefined {
  if (!isObject(raw)) {
    sink.error('OAS101', pointer, { what: 'a parameter', expected: `an object, not ${describeValue(raw)}` });
    return undefined;
  }
  const resolved = resolveRef(document, raw, pointer);
  if (!resolved.ok) return undefined;
  const { node } = resolved;
  const at = resolved.pointer;
  if (!checkRequiredField(node, at, 'name', 'string', sink)) return undefined;
  const name = node['name'] as string;
  const location = node['in'];
  checkFieldTypes(node, at, { required: 'boolean', deprecated: 'boolean', allowEmptyValue: 'boolean', explode: 'boolean', allowReserved: 'boolean', style: 'string', description: 'string', content: 'object' }, sink);
  if (location === undefined) {
    sink.error('OAS204', at, { name });
    return undefined;
  }
  if (typeof location !== 'string' || !LOCATIONS.includes(location)) {
    sink.error('OAS205', appendPointer(at, 'in'), { name, in: String(location) });
    return undefined;
  }
  // A warning, not an error: real specs (gomtm) omit it, and a path parameter is always sent anyway.
  if (location === 'path' && node['required'] !== true) sink.warn('OAS206', at, { name });
  return { name, in: location, pointer };
}
