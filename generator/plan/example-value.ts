import { assertNever, type IrSchema, type JsonValue, type NamedSchema } from '../normalize/api-model.js';
import { literal } from './comments.js';
import { propertyKey } from './names.js';

/**
 * A TypeScript expression of a schema's type, for docs examples that must compile: required
 * properties only, empty arrays, the first enum value or union variant, and the spec's own
 * example where it is a primitive of the right type.
 */
export function exampleValue(schema: IrSchema, schemas: ReadonlyMap<string, NamedSchema>, hint: string, depth = 0): string {
  if (depth > 8) return '{}';
  switch (schema.kind) {
    case 'ref': {
      const target = schemas.get(schema.name);
      return target ? exampleValue(target.schema, schemas, hint, depth + 1) : '{}';
    }
    case 'object': {
      const fields = schema.properties
        .filter((p) => p.required && !p.schema.readOnly)
        .map((p) => `${propertyKey(p.name)}: ${exampleValue(p.schema, schemas, p.name, depth + 1)}`);
      return `{ ${fields.join(', ')} }`;
    }
    case 'array':
      return schema.prefixItems && schema.prefixItems.length > 0
        ? `[${schema.prefixItems.map((p) => exampleValue(p, schemas, hint, depth + 1)).join(', ')}]`
        : '[]';
    case 'union':
      return schema.variants[0] ? exampleValue(schema.variants[0], schemas, hint, depth + 1) : '{}';
    case 'intersection':
      return `{ ${schema.parts.map((p) => `...${exampleValue(p, schemas, hint, depth + 1)}`).join(', ')} }`;
    case 'enum':
      return schema.values.length > 0 ? (schema.values[0] === null ? 'null' : literal(schema.values[0])) : 'null';
    case 'literal':
      return schema.value === null ? 'null' : literal(schema.value);
    case 'primitive':
      return primitiveExample(schema.type, schema.format, schema.example ?? schema.default, hint);
    case 'unknown':
      return '{}';
    default:
      return assertNever(schema);
  }
}

function primitiveExample(type: string, format: string | undefined, given: JsonValue | undefined, hint: string): string {
  switch (type) {
    case 'string':
      if (format === 'binary') return "new Blob(['example'])";
      if (typeof given === 'string') return literal(given);
      return literal(stringByFormat(format, hint));
    case 'integer':
    case 'number':
      return typeof given === 'number' ? String(given) : type === 'integer' ? '56' : '3.4';
    case 'boolean':
      return typeof given === 'boolean' ? String(given) : 'true';
    default:
      return 'null';
  }
}

function stringByFormat(format: string | undefined, hint: string): string {
  switch (format) {
    case 'uuid':
      return '38400000-8cf0-11bd-b23e-10b96e4ef00d';
    case 'date-time':
      return '2013-10-20T19:20:30+01:00';
    case 'date':
      return '2013-10-20';
    case 'email':
      return 'user@example.com';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return `${hint}_example`;
  }
}
