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
 * Each visited value keeps only its key and its parent's place, so the walk builds no pointers.
 */
export function tooDeepPointer(document: unknown, limit = MAX_DEPTH): string | undefined {
  const visited: { key: string | number; parent: number }[] = [{ key: '', parent: -1 }];
  const stack: { node: unknown; depth: number; at: number }[] = [{ node: document, depth: 0, at: 0 }];
  while (stack.length > 0) {
    const { node, depth, at } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= limit) return pointerTo(visited, at);
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as Record<string | number, unknown>)[keys[i]!];
      if (typeof child === 'object' && child !== null) stack.push({ node: child, depth: depth + 1, at: visited.push({ key: keys[i]!, parent: at }) - 1 });
    }
  }
  return undefined;
}

function pointerTo(visited: readonly { key: string | number; parent: number }[], at: number): string {
  const keys: (string | number)[] = [];
  for (let i = at; i > 0; i = visited[i]!.parent) keys.unshift(visited[i]!.key);
  return appendPointer('#', ...keys);
}
