import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import type { JsonObject } from './json.js';
import { resolveRef } from './resolve-ref.js';

/** What the normalizer needs: the whole document (to follow refs) and where to report problems. */
export interface NormalizeContext {
  document: unknown;
  sink: DiagnosticSink;
}

/**
 * Follows a Reference Object, reporting a broken ref once at the place it is used.
 * Returns undefined when the ref cannot be followed.
 */
export function followRef(ctx: NormalizeContext, node: JsonObject, pointer: string): { node: JsonObject; pointer: string } | undefined {
  const resolved = resolveRef(ctx.document, node, pointer);
  if (resolved.ok) return { node: resolved.node, pointer: resolved.pointer };
  const at = appendPointer(pointer, '$ref');
  if (resolved.reason === 'external') ctx.sink.error('OAS104', at, { ref: resolved.ref });
  else if (resolved.reason === 'cycle') ctx.sink.error('OAS105', at, { ref: resolved.ref });
  else ctx.sink.error('OAS103', at, { ref: resolved.ref, hint: resolved.near ? ` (did you mean "${resolved.near}"?)` : '' });
  return undefined;
}
