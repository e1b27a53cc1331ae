import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { messageFor } from '../diagnostics/messages.js';
import type { Origins } from '../load/origin-source-map.js';
import type { SourceMap } from '../load/source-map.js';
import type { JsonObject } from '../normalize/json.js';

/** What every upgrade step needs: the 2.0 document, where new objects came from, and warnings. */
export interface UpgradeContext {
  /** The Swagger 2.0 document being upgraded (read only). */
  source: JsonObject;
  sourceMap: SourceMap;
  origins: Origins;
  diagnostics: Diagnostic[];
}

/** Marks `node` (new in the 3.0 document) as coming from `pointer` of the 2.0 document. */
export function track<T extends object>(ctx: UpgradeContext, node: T, pointer: string): T {
  ctx.origins.set(node, { map: ctx.sourceMap, pointer });
  return node;
}

/** OAS007 at `pointer` of the 2.0 document. */
export function warnNoEquivalent(ctx: UpgradeContext, pointer: string, feature: string, detail: string): void {
  const location = ctx.sourceMap.locate(pointer);
  ctx.diagnostics.push({
    code: 'OAS007',
    severity: 'warning',
    pointer,
    message: messageFor('OAS007', { feature, detail }),
    ...(location ? { location } : {}),
  });
}

/** Copies the `x-` extensions of a 2.0 object onto its 3.0 counterpart (OAS 2.0 "Vendor Extensions"). */
export function copyExtensions(from: JsonObject, to: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) if (key.startsWith('x-')) to[key] = value;
}

/** Copies the listed fields that mean the same in 2.0 and 3.0. */
export function copyFields(from: JsonObject, to: Record<string, unknown>, fields: readonly string[]): void {
  for (const field of fields) if (from[field] !== undefined) to[field] = from[field];
}
