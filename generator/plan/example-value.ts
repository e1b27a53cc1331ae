import { assertNever, type IrSchema, type JsonValue, type NamedSchema } from '../normalize/api-model.js';
import { literal } from './comments.js';
import { isInheritedName, propertyKey } from './names.js';
import { includesProperty, type Direction } from './read-write-only.js';

/**
 * An example value under construction: objects stay open so `allOf` parts can merge; `none` is a
 * type no value has (an empty `anyOf` or `enum`, an object that is also a string), printed as
 * `undefined as never`, the one expression such a type accepts.
 */
type Example = { kind: 'object'; fields: Map<string, Example> } | { kind: 'value'; text: string } | { kind: 'any' } | { kind: 'none' };

/**
 * A TypeScript expression of a schema's type, for docs examples that must compile: required
 * properties only, empty arrays, the first enum value or union variant, and the spec's own
 * example where it is a primitive of the right type.
 */
export function exampleValue(schema: IrSchema, schemas: ReadonlyMap<string, NamedSchema>, hint: string, direction: Direction = 'request'): string {
  return print(build(schema, { schemas, visiting: new Set(), direction, depth: 0 }, hint));
}

interface BuildContext {
  schemas: ReadonlyMap<string, NamedSchema>;
  /** Component schemas being expanded: a required self-reference stops here. */
  visiting: Set<string>;
  /** Requests leave out readOnly properties, responses writeOnly ones (the types do the same). */
  direction: Direction;
  /** How deeply nested the value being built is. */
  depth: number;
}

/** Deeper than this an example stops (`{}`): schemas that require each other through allOf can nest without end. */
const MAX_DEPTH = 32;

function build(schema: IrSchema, ctx: BuildContext, hint: string): Example {
  if (ctx.depth >= MAX_DEPTH) return { kind: 'any' };
  ctx.depth++;
  try {
    return buildExample(schema, ctx, hint);
  } finally {
    ctx.depth--;
  }
}

function buildExample(schema: IrSchema, ctx: BuildContext, hint: string): Example {
  switch (schema.kind) {
    case 'ref': {
      const target = ctx.schemas.get(schema.name);
      if (!target || ctx.visiting.has(schema.name)) return { kind: 'any' };
      ctx.visiting.add(schema.name);
      const result = build(target.schema, ctx, hint);
      ctx.visiting.delete(schema.name);
      return result;
    }
    case 'object': {
      const fields = new Map<string, Example>();
      // An optional `constructor` (or another inherited name) is given too: TypeScript checks a
      // literal without it against Object's own member and rejects it.
      for (const p of schema.properties) if ((p.required || isInheritedName(p.name)) && includesProperty(p, ctx.direction)) fields.set(p.name, build(p.schema, ctx, p.name));
      // A required property no value fits leaves the object without one too.
      return [...fields.values()].some((field) => field.kind === 'none') ? NONE : { kind: 'object', fields };
    }
    case 'array':
      return { kind: 'value', text: schema.prefixItems?.length ? `[${schema.prefixItems.map((p) => print(build(p, ctx, hint))).join(', ')}]` : '[]' };
    case 'union':
      // The first variant some value fits.
      return schema.variants.map((variant) => build(variant, ctx, hint)).find((example) => example.kind !== 'none') ?? NONE;
    case 'intersection': {
      const merged = schema.parts.map((part) => build(part, ctx, hint)).reduce(merge, { kind: 'any' });
      if (merged.kind !== 'object') return merged;
      // A part may require a property that another part declares: build it from that declaration.
      const declared = declaredProperties(schema, ctx, new Set());
      for (const [name, value] of merged.fields) {
        const declaration = declared.get(name);
        if (value.kind === 'any' && declaration) merged.fields.set(name, build(declaration, ctx, name));
      }
      return merged;
    }
    case 'enum':
      if (schema.values.length === 0) return NONE;
      return { kind: 'value', text: schema.values[0] !== null ? literal(schema.values[0]) : 'null' };
    case 'literal':
      return { kind: 'value', text: schema.value === null ? 'null' : literal(schema.value) };
    case 'primitive':
      return { kind: 'value', text: primitiveExample(schema.type, schema.format, schema.example ?? schema.default, hint) };
    case 'unknown':
      return { kind: 'any' };
    default:
      return assertNever(schema);
  }
}

/** Every property schema an object, a ref to one, or an allOf declares (the first typed declaration wins). */
function declaredProperties(schema: IrSchema, ctx: BuildContext, seen: Set<string>): Map<string, IrSchema> {
  const out = new Map<string, IrSchema>();
  if (schema.kind === 'ref') {
    const target = ctx.schemas.get(schema.name);
    if (!target || seen.has(schema.name)) return out;
    seen.add(schema.name);
    return declaredProperties(target.schema, ctx, seen);
  }
  const parts = schema.kind === 'intersection' ? schema.parts : schema.kind === 'object' ? [schema] : [];
  for (const part of parts) {
    const found = part.kind === 'object' ? new Map(part.properties.map((p) => [p.name, p.schema] as const)) : declaredProperties(part, ctx, seen);
    for (const [name, property] of found) if (property.kind !== 'unknown' && !out.has(name)) out.set(name, property);
  }
  return out;
}

const NONE: Example = { kind: 'none' };

/** allOf: objects merge field by field; a concrete value wins over "anything"; an object and a value other than an array fit nothing. */
function merge(a: Example, b: Example): Example {
  if (a.kind === 'none' || b.kind === 'none') return NONE;
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'object' && b.kind === 'object') {
    const fields = new Map(a.fields);
    for (const [name, value] of b.fields) fields.set(name, fields.has(name) ? merge(fields.get(name)!, value) : value);
    return [...fields.values()].some((field) => field.kind === 'none') ? NONE : { kind: 'object', fields };
  }
  const value = a.kind === 'value' ? a : b;
  const other = a.kind === 'value' ? b : a;
  return other.kind === 'object' && value.kind === 'value' && !value.text.startsWith('[') ? NONE : value;
}

function print(example: Example): string {
  switch (example.kind) {
    case 'any':
      return '{}';
    case 'none':
      return 'undefined as never';
    case 'value':
      return example.text;
    case 'object':
      return `{ ${[...example.fields].map(([name, value]) => `${propertyKey(name)}: ${print(value)}`).join(', ')} }`;
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
