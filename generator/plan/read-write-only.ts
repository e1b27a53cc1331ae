import type { ApiModel, IrProperty, IrSchema, NamedSchema } from '../normalize/api-model.js';

/**
 * Which way a type travels. OAS 3.1 §4.8.24 (JSON Schema Validation §9.4): a `readOnly` property
 * is sent by the server only, so request types leave it out; a `writeOnly` one is sent by the
 * client only, so response types leave it out.
 */
export type Direction = 'request' | 'response';

/** Whether an object property belongs to the type of this direction. */
export function includesProperty(property: IrProperty, direction: Direction | undefined): boolean {
  if (direction === 'request') return property.schema.readOnly !== true;
  return property.schema.writeOnly !== true;
}

/**
 * The component schemas whose request type differs from their response type: those with a
 * read-only or write-only property of their own, and those referring to such a schema (to a
 * fixpoint, so `Order → Pet → id (readOnly)` gives both an `OrderRequest` and a `PetRequest`).
 */
export function schemasWithRequestVariant(schemas: readonly NamedSchema[]): Set<string> {
  const refs = new Map<string, Set<string>>();
  const result = new Set<string>();
  for (const named of schemas) {
    const found = { refs: new Set<string>(), directional: false };
    visit(named.schema, found);
    refs.set(named.name, found.refs);
    if (found.directional) result.add(named.name);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, targets] of refs) {
      if (result.has(name) || ![...targets].some((t) => result.has(t))) continue;
      result.add(name);
      changed = true;
    }
  }
  return result;
}

/**
 * The component schemas a request can carry (request bodies and parameters, and what they refer
 * to): only these need a request variant.
 */
export function schemasUsedInRequests(model: Pick<ApiModel, 'schemas' | 'operations'>): Set<string> {
  const byName = new Map(model.schemas.map((s) => [s.name, s.schema]));
  const pending: string[] = [];
  const addRefs = (schema: IrSchema): void => {
    const found = { refs: new Set<string>(), directional: false };
    visit(schema, found);
    pending.push(...found.refs);
  };
  for (const operation of model.operations) {
    operation.parameters.forEach((p) => addRefs(p.schema));
    operation.requestBody?.contents.forEach((c) => c.schema && addRefs(c.schema));
  }
  const used = new Set<string>();
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    const schema = byName.get(name);
    if (schema) addRefs(schema);
  }
  return used;
}

function visit(schema: IrSchema, found: { refs: Set<string>; directional: boolean }): void {
  switch (schema.kind) {
    case 'ref':
      found.refs.add(schema.name);
      return;
    case 'object':
      for (const property of schema.properties) {
        if (property.schema.readOnly === true || property.schema.writeOnly === true) found.directional = true;
        visit(property.schema, found);
      }
      if (schema.additionalProperties !== undefined && schema.additionalProperties !== true) visit(schema.additionalProperties, found);
      return;
    case 'array':
      visit(schema.items, found);
      schema.prefixItems?.forEach((item) => visit(item, found));
      return;
    case 'union':
      schema.variants.forEach((variant) => visit(variant, found));
      return;
    case 'intersection':
      schema.parts.forEach((part) => visit(part, found));
      return;
    case 'enum':
    case 'primitive':
    case 'literal':
    case 'unknown':
      return;
  }
}
