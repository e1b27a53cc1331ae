import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { isObject, type JsonObject } from '../normalize/json.js';

/** The JSON types a field of an OpenAPI object can be required to have. */
export type FieldType = 'string' | 'boolean' | 'object' | 'array' | 'string array';

const EXPECTED: Readonly<Record<FieldType, string>> = {
  string: 'a string',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list',
  'string array': 'a list of strings',
};

export function hasFieldType(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'string array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
  }
}

/** The JSON type of a parsed value, as a reader would name it in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * Checks the optional fields of one object against their types (OAS 3.1 §4.8 field tables),
 * reporting OAS101 for each that is present with the wrong type. Returns false if any was wrong.
 */
export function checkFieldTypes(node: JsonObject, pointer: string, fields: Readonly<Record<string, FieldType>>, sink: DiagnosticSink): boolean {
  let ok = true;
  for (const [field, type] of Object.entries(fields)) {
    const value = node[field];
    if (value === undefined || hasFieldType(value, type)) continue;
    const found = type === 'string array' && Array.isArray(value) ? `a list holding ${describeValue(value.find((item) => typeof item !== 'string'))}` : describeValue(value);
    sink.error('OAS101', appendPointer(pointer, field), { what: `"${field}"`, expected: `${EXPECTED[type]}, not ${found}` });
    ok = false;
  }
  return ok;
}

/** A required field: OAS102 when absent, OAS101 when of the wrong type. */
export function checkRequiredField(node: JsonObject, pointer: string, field: string, type: FieldType, sink: DiagnosticSink): boolean {
  if (node[field] === undefined) {
    sink.error('OAS102', pointer, { field });
    return false;
  }
  return checkFieldTypes(node, pointer, { [field]: type }, sink);
}
