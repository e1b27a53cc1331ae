/**
 * Breaks a spec the ways real specs break and attackers try: deleting, retyping and duplicating
 * random nodes, breaking `$ref`s, nesting 10,000 levels deep, and growing it large.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Container = Json[] | { [key: string]: Json };

/** A place in the document: a container and the key of one of its children. */
interface Slot {
  parent: Container;
  key: string | number;
}

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

export const MUTATIONS = ['delete', 'retype', 'duplicate', 'break-ref', 'schema', 'deep', 'large'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** Every slot of the document, found without recursion (a document may already be deep). */
function slotsOf(document: Container, limit = 50_000): Slot[] {
  const slots: Slot[] = [];
  const stack: Container[] = [document];
  while (stack.length > 0 && slots.length < limit) {
    const node = stack.pop()!;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      slots.push({ parent: node, key });
      const child = (node as Record<string | number, Json>)[key];
      if (isContainer(child)) stack.push(child);
    }
  }
  return slots;
}

function get(slot: Slot): Json {
  return (slot.parent as Record<string | number, Json>)[slot.key]!;
}

function set(slot: Slot, value: Json): void {
  (slot.parent as Record<string | number, Json>)[slot.key] = value;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Values of every JSON type, including the awkward ones. */
function randomValue(random: () => number): Json {
  return pick<Json>([null, true, false, 0, -1, 1.5, 1e308, '', 'x', '*/ ${x} `y` <script>', '#/components/schemas/Nope', [], [null], {}, { $ref: '#/' }, { type: 'object' }], random);
}

/**
 * A 10,000-deep value is spliced into the spec's text (see deepText), not built as an object:
 * JSON.stringify itself would overflow the test's stack on it.
 */
export const DEEP_MARKERS = { array: '\u0000deep-array', schema: '\u0000deep-schema' } as const;
export const DEEP = 10_000;

/** The JSON text with each deep marker replaced by its 10,000-deep value. */
export function deepText(json: string): string {
  return json
    .replaceAll(JSON.stringify(DEEP_MARKERS.array), '['.repeat(DEEP) + ']'.repeat(DEEP))
    .replaceAll(JSON.stringify(DEEP_MARKERS.schema), '{"type":"array","items":'.repeat(DEEP) + '{}' + '}'.repeat(DEEP));
}

/** Applies one mutation in place; returns what it did, for the report of a failing case. */
export function mutate(document: Container, kind: Mutation, random: () => number): string {
  const slots = slotsOf(document);
  if (slots.length === 0) return 'nothing to mutate';
  const slot = pick(slots, random);
  switch (kind) {
    case 'delete':
      if (Array.isArray(slot.parent)) slot.parent.splice(Number(slot.key), 1);
      else delete slot.parent[slot.key];
      return `delete ${String(slot.key)}`;
    case 'retype': {
      const value = randomValue(random);
      set(slot, value);
      return `retype ${String(slot.key)} to ${JSON.stringify(value)}`;
    }
    case 'duplicate': {
      const target = pick(slots, random);
      set(target, structuredClone(get(slot)));
      return `copy ${String(slot.key)} over ${String(target.key)}`;
    }
    case 'break-ref': {
      const refs = slots.filter((s) => s.key === '$ref' && typeof get(s) === 'string');
      if (refs.length === 0) return 'no $ref';
      const ref = pick(refs, random);
      const broken = pick([`${String(get(ref))}x`, '#/nowhere', 'missing.yaml#/A', '#', '', String(get(ref)).replace(/[^/]*$/, '')], random);
      set(ref, broken);
      return `ref ${String(get(ref))}`;
    }
    case 'schema':
      return mutateSchema(slots, random);
    case 'deep':
      set(slot, random() < 0.5 ? DEEP_MARKERS.array : DEEP_MARKERS.schema);
      return `10,000-deep at ${String(slot.key)}`;
    case 'large': {
      const paths = (document as Record<string, Json>)['paths'];
      if (!isContainer(paths) || Array.isArray(paths)) return 'no paths';
      const originals = Object.entries(paths);
      for (let copy = 1; copy <= 20; copy++) for (const [path, item] of originals) paths[`${path}/copy${copy}`] = structuredClone(item);
      return `paths x20 (${originals.length * 21})`;
    }
  }
}

/** JSON Schema keywords with values that are valid on their own but odd together: they pass validation and reach the later stages. */
const SCHEMA_EDITS: readonly [string, (random: () => number, refs: string[]) => Json][] = [
  ['type', (r) => pick<Json>(['string', 'integer', 'number', 'boolean', 'null', 'object', 'array', ['string', 'null'], ['object', 'array'], [], 'file'], r)],
  ['enum', (r) => pick<Json>([[], [null], [1, 'a', true, null, { a: 1 }, [1]], ['', ' ', '*/'], [1.5, -0, 1e21]], r)],
  ['const', (r) => pick<Json>([null, 'x', 0, { a: [1] }], r)],
  ['nullable', () => true],
  ['required', (r) => pick<Json>([['nope'], [], ['a', 'a']], r)],
  ['additionalProperties', (r, refs) => pick<Json>([true, false, {}, { $ref: refs[0] ?? '#' }, { type: 'array' }], r)],
  ['items', (r, refs) => pick<Json>([{}, false, { $ref: refs[0] ?? '#' }, [{ type: 'string' }]], r)],
  ['allOf', (r, refs) => refs.slice(0, 1 + Math.floor(r() * 3)).map((ref) => ({ $ref: ref }))],
  ['oneOf', (r, refs) => [...refs.slice(0, 2).map((ref): Json => ({ $ref: ref })), { type: 'null' }, {}]],
  ['anyOf', () => []],
  ['discriminator', (r) => pick<Json>([{ propertyName: 'kind' }, { propertyName: 'kind', mapping: { a: '#/components/schemas/Nope', b: 'Pet' } }, { propertyName: '' }], r)],
  ['properties', (r) => pick<Json>([{}, { '': { type: 'string' } }, { __proto__: { type: 'string' } } as Json, { 'a b': true }], r)],
  ['format', (r) => pick<Json>(['binary', 'date-time', 'int64', 'byte', 'uuid'], r)],
  ['default', (r) => randomValue(r)],
  ['example', (r) => randomValue(r)],
  ['prefixItems', (): Json => [{ type: 'string' }, {}]],
  ['patternProperties', () => ({ '^x': { type: 'integer' } })],
];

/** Sets one keyword of a random schema (an object under components.schemas, properties, items...). */
function mutateSchema(slots: readonly Slot[], random: () => number): string {
  const schemas = slots.filter((s) => {
    const value = get(s);
    return isContainer(value) && !Array.isArray(value) && ('type' in value || 'properties' in value || 'allOf' in value || 'oneOf' in value || 'enum' in value || '$ref' in value);
  });
  if (schemas.length === 0) return 'no schema';
  const target = get(pick(schemas, random)) as { [key: string]: Json };
  const refs = slots.filter((s) => s.key === '$ref' && typeof get(s) === 'string').map((s) => get(s) as string);
  const [keyword, value] = pick(SCHEMA_EDITS, random);
  target[keyword] = value(random, [...refs].sort(() => random() - 0.5));
  return `schema ${keyword}`;
}

/** A broken variant of a spec: 1 to 4 mutations, mostly the cheap ones. */
export function brokenSpec(original: Container, random: () => number): { document: Container; steps: string[] } {
  const document = structuredClone(original);
  const steps: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const roll = random();
    const kind: Mutation = roll < 0.2 ? 'delete' : roll < 0.35 ? 'retype' : roll < 0.45 ? 'duplicate' : roll < 0.55 ? 'break-ref' : roll < 0.95 ? 'schema' : roll < 0.98 ? 'deep' : 'large';
    steps.push(mutate(document, kind, random));
  }
  return { document, steps };
}
