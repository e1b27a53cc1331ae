import type { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import { isObject, type JsonObject } from '../normalize/json.js';
import { resolveRef } from '../normalize/resolve-ref.js';
import { MAX_DEPTH } from './document-depth.js';

export { MAX_DEPTH };

/** Keys whose values hold names chosen by the spec author, never OpenAPI or JSON Schema keywords. */
const NAME_MAPS = new Set([
  'paths', 'webhooks', 'properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions', 'schemas', 'responses',
  'parameters', 'examples', 'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'pathItems', 'content',
  'encoding', 'variables', 'mapping',
]);

/** Keys whose values are literal data (OAS 3.1 §4.8.24 Schema Object, §4.8.19 Example Object): a `$ref` in them is not a reference. */
const LITERALS = new Set(['example', 'examples', 'default', 'enum', 'const', 'value']);

interface Visit {
  node: unknown;
  pointer: string;
  depth: number;
  /** The key this node sits under, to tell a name map from a keyword. */
  key: string;
}

/**
 * Walks the whole document once, without recursion (a 10,000-deep document must not overflow):
 * reports every Reference Object that does not resolve (OAS103, OAS104, OAS105, OAS 3.1 §4.8.23)
 * and a document nested deeper than MAX_DEPTH (OAS106). Returns false when the nesting is too deep.
 */
export function validateReferences(document: JsonObject, sink: DiagnosticSink): boolean {
  const stack: Visit[] = [{ node: document, pointer: '#', depth: 0, key: '' }];
  let shallow = true;
  while (stack.length > 0) {
    const { node, pointer, depth, key } = stack.pop()!;
    if (depth > MAX_DEPTH) {
      sink.error('OAS106', pointer, { limit: String(MAX_DEPTH) });
      shallow = false;
      break;
    }
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], pointer: appendPointer(pointer, i), depth: depth + 1, key: '' });
      continue;
    }
    if (!isObject(node)) continue;
    if (typeof node['$ref'] === 'string' && !NAME_MAPS.has(key)) reportBrokenReference(document, node, pointer, sink);
    const children = Object.keys(node).filter((child) => NAME_MAPS.has(key) || !isLiteral(child, node[child]));
    for (const child of children.reverse()) stack.push({ node: node[child], pointer: appendPointer(pointer, child), depth: depth + 1, key: child });
  }
  return shallow;
}

function reportBrokenReference(document: JsonObject, node: JsonObject, pointer: string, sink: DiagnosticSink): void {
  const resolved = resolveRef(document, node, pointer);
  if (resolved.ok) return;
  const at = appendPointer(pointer, '$ref');
  if (resolved.reason === 'external') sink.error('OAS104', at, { ref: resolved.ref });
  else if (resolved.reason === 'cycle') sink.error('OAS105', at, { ref: resolved.ref });
  else sink.error('OAS103', at, { ref: resolved.ref, hint: resolved.near ? ` (did you mean "${resolved.near}"?)` : '' });
}

/** A keyword whose value is data, not OpenAPI structure; `examples` is a map of Example Objects (which may be refs) outside schemas. */
function isLiteral(key: string, value: unknown): boolean {
  if (key === 'examples') return !isObject(value);
  return LITERALS.has(key) || key.startsWith('x-');
}
