import { appendPointer } from '../load/source-map.js';

/**
 * How deep a document may nest. Loading (bundling, the Swagger 2.0 upgrade) and the later
 * stages recurse over it, so a deeper document would overflow the stack there; no real spec
 * comes near this (the OpenAI spec nests 27 levels).
 */
export const MAX_DEPTH = 200;

/**
 * The pointer of the first value nested deeper than MAX_DEPTH, found without recursion (a
 * 10,000-deep document must not overflow here either); undefined when the document is shallower.
 */
export function tooDeepPointer(document: unknown, limit = MAX_DEPTH): string | undefined {
  const stack: { node: unknown; pointer: string; depth: number }[] = [{ node: document, pointer: '#', depth: 0 }];
  while (stack.length > 0) {
    const { node, pointer, depth } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return pointer;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((item, i) => [i, item]) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ node: entries[i]![1], pointer: appendPointer(pointer, entries[i]![0]), depth: depth + 1 });
  }
  return undefined;
}
