import { assertNever, type EnumValue, type IrSchema, type ObjectSchema, type UnionSchema } from '../normalize/api-model.js';
import { jsdocLines, literal } from './comments.js';
import { propertyKey } from './names.js';
import { includesProperty, type Direction } from './read-write-only.js';

/** What printing a type needs: the identifier of each component schema, and who collects imports. */
export interface TypeScope {
  /** components.schemas key → the exported TypeScript name. */
  modelName(name: string): string;
  /** Called for every model a printed type refers to. */
  use(identifier: string): void;
  /** Requests leave out readOnly properties, responses (the default) writeOnly ones. */
  direction?: Direction;
}

/** The TypeScript type expression for a schema (OAS 3.1 §4.8.24 mapped to TS). */
export function printType(schema: IrSchema, scope: TypeScope): string {
  const text = printShape(schema, scope);
  return schema.nullable && text !== 'unknown' && text !== 'null' ? `${wrap(text)} | null` : text;
}

function printShape(schema: IrSchema, scope: TypeScope): string {
  switch (schema.kind) {
    case 'ref': {
      const name = scope.modelName(schema.name);
      scope.use(name);
      return name;
    }
    case 'object':
      return printObject(schema, scope);
    case 'array':
      return printArray(schema.items, schema.prefixItems, scope);
    case 'union':
      return printUnion(schema, scope);
    case 'intersection':
      return unique(schema.parts.map((part) => wrap(printType(part, scope)))).join(' & ') || 'unknown';
    case 'enum':
      // `enum: []` admits no value at all (JSON Schema §6.1.2).
      return unique(schema.values.map(enumLiteral)).join(' | ') || 'never';
    case 'literal':
      return enumLiteral(schema.value);
    case 'primitive':
      return primitiveType(schema.type, schema.format);
    case 'unknown':
      return 'unknown';
    default:
      return assertNever(schema);
  }
}

export function enumLiteral(value: EnumValue): string {
  return value === null ? 'null' : literal(value);
}

/** `binary` strings are file contents: Blob. Dates and int64 stay as their JSON types. */
function primitiveType(type: string, format: string | undefined): string {
  if (type === 'integer' || type === 'number') return 'number';
  if (type === 'string' && format === 'binary') return 'Blob';
  return type;
}

function printArray(items: IrSchema, prefixItems: IrSchema[] | undefined, scope: TypeScope): string {
  const item = printType(items, scope);
  if (!prefixItems || prefixItems.length === 0) return `${wrap(item)}[]`;
  const head = prefixItems.map((p) => printType(p, scope));
  return `[${[...head, `...${wrap(item)}[]`].join(', ')}]`;
}

/** With a discriminator, each variant is pinned to its value so `switch (x.kind)` narrows. */
function printUnion(schema: UnionSchema, scope: TypeScope): string {
  const discriminator = schema.discriminator;
  const variants = schema.variants.map((variant) => {
    const text = printType(variant, scope);
    if (!discriminator || variant.kind !== 'ref') return wrap(text);
    const values = discriminator.mapping.filter((m) => m.name === variant.name).map((m) => literal(m.value));
    if (values.length === 0) return wrap(text);
    return `(${text} & { ${propertyKey(discriminator.propertyName)}: ${values.join(' | ')} })`;
  });
  return unique(variants).join(' | ') || 'never';
}

/** An inline object type literal. */
export function printObject(schema: ObjectSchema, scope: TypeScope): string {
  const members = objectMembers(schema, scope);
  if (members.length === 0) return 'Record<string, unknown>';
  return `{ ${members.map((m) => `${m.doc.length > 0 ? `/** ${m.doc.join(' ')} */ ` : ''}${m.signature};`).join(' ')} }`;
}

export interface MemberText {
  signature: string;
  doc: string[];
}

/** The members of an object type: properties, then an index signature for declared extra properties. */
export function objectMembers(schema: ObjectSchema, scope: TypeScope): MemberText[] {
  const properties = schema.properties.filter((p) => includesProperty(p, scope.direction));
  const members: MemberText[] = properties.map((property) => ({
    signature: `${propertyKey(property.name)}${property.required ? '' : '?'}: ${printType(property.schema, scope)}`,
    doc: jsdocLines(property.schema.description).concat(property.schema.deprecated ? ['@deprecated'] : []),
  }));
  const extra = schema.additionalProperties;
  if (extra !== undefined) {
    // An index signature must admit every declared property's type too (TS2411).
    const value = extra === true ? 'unknown' : printType(extra, scope);
    const propertyTypes = properties.map((p) => printType(p.schema, scope) + (p.required ? '' : ' | undefined'));
    const all = value === 'unknown' ? ['unknown'] : unique([value, ...propertyTypes.map(wrap)]);
    members.push({ signature: `[key: string]: ${all.join(' | ')}`, doc: [] });
  }
  return members;
}

/** Parenthesizes union and intersection texts where a tighter operator follows. */
function wrap(text: string): string {
  return /^[\w.$<>[\]'"]+$/.test(text) || isBalancedGroup(text) ? text : `(${text})`;
}

function isBalancedGroup(text: string): boolean {
  if (!(text.startsWith('{') && text.endsWith('}')) && !(text.startsWith('(') && text.endsWith(')')) && !(text.startsWith('[') && text.endsWith(']'))) return false;
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if ('{(['.includes(c)) depth++;
    else if ('})]'.includes(c)) {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

function unique(texts: string[]): string[] {
  return [...new Set(texts)];
}
