import type { SourceLocation } from '../diagnostics/diagnostic.js';
import { appendPointer, pointerSegments, type SourceMap } from './source-map.js';

/** Where one object or array of a document was read from: a pointer into another source map. */
export interface Origin {
  map: SourceMap;
  pointer: string;
}

/** Object identity → where it came from. Filled while files are parsed, bundled and upgraded. */
export type Origins = WeakMap<object, Origin>;

/**
 * The source map of a document assembled from several sources (bundled files, an upgraded
 * Swagger 2.0 document). Bundling moves objects but keeps their identity, so a pointer is
 * walked in the assembled document and the deepest object with a known origin answers,
 * with the rest of the pointer appended to that origin's pointer.
 */
export class OriginSourceMap implements SourceMap {
  constructor(
    private readonly document: unknown,
    private readonly origins: Origins,
  ) {}

  locate(pointer: string): SourceLocation | undefined {
    let node: unknown = this.document;
    let best = this.originOf(node);
    let rest: string[] = [];
    for (const segment of pointerSegments(pointer)) {
      node = childOf(node, segment);
      const origin = this.originOf(node);
      if (origin) {
        best = origin;
        rest = [];
      } else rest.push(segment);
    }
    return best?.map.locate(appendPointer(best.pointer, ...rest));
  }

  private originOf(node: unknown): Origin | undefined {
    return typeof node === 'object' && node !== null ? this.origins.get(node) : undefined;
  }
}

function childOf(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return node[Number(segment)];
  if (typeof node === 'object' && node !== null && Object.prototype.hasOwnProperty.call(node, segment)) {
    return (node as Record<string, unknown>)[segment];
  }
  return undefined;
}

/**
 * Records the origin of every object and array in a freshly parsed value (first pointer wins
 * for values shared through YAML aliases).
 */
export function recordOrigins(value: unknown, map: SourceMap, origins: Origins, pointer = '#'): void {
  if (typeof value !== 'object' || value === null || origins.has(value)) return;
  origins.set(value, { map, pointer });
  if (Array.isArray(value)) value.forEach((item, i) => recordOrigins(item, map, origins, appendPointer(pointer, i)));
  else for (const [key, item] of Object.entries(value)) recordOrigins(item, map, origins, appendPointer(pointer, key));
}
