import type { JsonValue } from './api-model.js';

/** A plain JSON object as parsed from the spec. */
export type JsonObject = { readonly [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(node: JsonObject, key: string): string | undefined {
  const value = node[key];
  return typeof value === 'string' ? value : undefined;
}

export function booleanField(node: JsonObject, key: string): boolean | undefined {
  const value = node[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function objectField(node: JsonObject, key: string): JsonObject | undefined {
  const value = node[key];
  return isObject(value) ? value : undefined;
}

export function arrayField(node: JsonObject, key: string): readonly unknown[] | undefined {
  const value = node[key];
  return Array.isArray(value) ? value : undefined;
}

/** Own entries in document order, skipping `x-` extensions. */
export function entriesOf(node: JsonObject | undefined): [string, unknown][] {
  if (!node) return [];
  return Object.keys(node)
    .filter((key) => !key.startsWith('x-'))
    .map((key) => [key, node[key]]);
}

/** Narrows an unknown parsed value to JSON (YAML may give Dates or other values; they become strings). */
export function toJsonValue(value: unknown): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJsonValue(item) ?? null);
  if (isObject(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value)) {
      const item = toJsonValue(value[key]);
      if (item !== undefined) out[key] = item;
    }
    return out;
  }
  return undefined;
}
