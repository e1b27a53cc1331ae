import { pointerOf, pointerSegments } from '../load/source-map.js';
import { isObject, stringField, type JsonObject } from './json.js';

/** The result of following a Reference Object inside the loaded document (OAS 3.1 §4.8.23). */
export type Resolved =
  | { ok: true; node: JsonObject; pointer: string }
  | { ok: false; reason: 'missing' | 'external' | 'cycle'; ref: string; near?: string };

/** Follows `$ref` chains (local JSON pointers only) until a node without `$ref`, detecting cycles. */
/** A reference into this document: a fragment, or "" (RFC 3986 §4.4, a same-document reference). */
export function isSameDocumentRef(ref: string): boolean {
  return ref === '' || ref.startsWith('#');
}

export function resolveRef(document: unknown, node: JsonObject, pointer: string): Resolved {
  const seen = new Set<string>();
  let current = node;
  let currentPointer = pointer;
  for (let ref = stringField(current, '$ref'); ref !== undefined; ref = stringField(current, '$ref')) {
    if (!isSameDocumentRef(ref)) return { ok: false, reason: 'external', ref };
    if (seen.has(ref)) return { ok: false, reason: 'cycle', ref };
    seen.add(ref);
    // "" and "#" name the whole document (RFC 3986 §4.4), which is no Schema, Parameter or Response Object.
    const target = ref === '' || ref === '#' ? undefined : lookupPointer(document, ref);
    if (!isObject(target)) return { ok: false, reason: 'missing', ref, near: nearestName(document, ref) };
    current = target;
    currentPointer = ref;
  }
  return { ok: true, node: current, pointer: currentPointer };
}

export function lookupPointer(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

/** For a "did you mean": the sibling key closest to the last segment of a broken ref. */
export function nearestName(document: unknown, pointer: string): string | undefined {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  if (last === undefined) return undefined;
  const parent = lookupPointer(document, pointerOf(segments));
  if (!isObject(parent)) return undefined;
  let best: { key: string; distance: number } | undefined;
  for (const key of Object.keys(parent)) {
    const distance = editDistance(key.toLowerCase(), last.toLowerCase());
    if (distance <= Math.max(2, Math.floor(last.length / 3)) && (!best || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}
