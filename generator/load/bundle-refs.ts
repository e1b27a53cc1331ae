import { bundle, createConfig } from '@redocly/openapi-core';
import { SpecError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageFor } from '../diagnostics/messages.js';
import { lookupPointer, nearestName } from '../normalize/resolve-ref.js';
import { nearFile } from './near-file.js';
import { OriginSourceMap, recordOrigins, type Origins } from './origin-source-map.js';
import type { LoadedSpec } from './parse-spec-text.js';
import { SpecResolver } from './spec-resolver.js';
import { appendPointer } from './source-map.js';

/** A document whose external `$ref`s were bundled, with how many files went into it. */
export interface BundledSpec extends LoadedSpec {
  /** Every file or URL read, the root included. */
  files: string[];
}

/**
 * Bundles every external `$ref` (relative files, URLs, refs inside referenced files, cycles
 * across files) into the root document with Redocly's OpenAPI-aware bundler: a referenced
 * schema, parameter or response becomes a component named after its pointer or file
 * (`_index.yaml#/Tenant` → `#/components/schemas/Tenant`), everything else is inlined.
 * Positions survive through object identity (see OriginSourceMap).
 */
export async function bundleRefs(root: LoadedSpec, location: string, text: string): Promise<BundledSpec> {
  const origins: Origins = new WeakMap();
  recordOrigins(root.document, root.sourceMap, origins);
  const resolver = new SpecResolver(origins, new Map([[location, root.file]]));
  const doc = resolver.seed(location, text, root.document, root.sourceMap);
  const result = await bundle({ doc, config: await createConfig({}), externalRefResolver: resolver, dereference: false });
  const diagnostics = [...resolver.syntaxErrors];
  for (const problem of result.problems) {
    if (!problem.message.startsWith("Can't resolve $ref")) continue;
    const diagnostic = await unresolvedRef(resolver, problem.location[0]);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  if (diagnostics.length > 0) throw new SpecError(dedupe(diagnostics));
  const document: unknown = result.bundle.parsed;
  return { file: root.file, document, sourceMap: new OriginSourceMap(document, origins), files: [...resolver.maps.keys()] };
}

type ProblemLocation = { source?: { absoluteRef: string }; pointer?: string } | undefined;

/**
 * OAS006 at the `$ref` that failed, in the file it is written in, with a did-you-mean. A ref whose
 * own target exists but leads on to a broken one is left out: the broken hop is reported itself.
 */
async function unresolvedRef(resolver: SpecResolver, at: ProblemLocation): Promise<Diagnostic | undefined> {
  const from = at?.source?.absoluteRef ?? '';
  const pointer = appendPointer(at?.pointer ?? '#', '$ref');
  const ref = String(lookupPointer(resolver.parsed.get(from), pointer) ?? '');
  const [uri = '', fragment = ''] = ref.split('#');
  const target = uri === '' ? from : resolver.resolveExternalRef(from, uri);
  const failure = resolver.failures.get(target);
  let reason: string;
  let near: string | undefined;
  if (failure !== undefined) {
    reason = `cannot read ${resolver.displayName(target)} (${failure})`;
    near = await nearFile(target, from);
  } else if (!resolver.parsed.has(target) || lookupPointer(resolver.parsed.get(target), `#${fragment}`) !== undefined) {
    return undefined;
  } else {
    reason = `${resolver.displayName(target)} has no "#${fragment}"`;
    const name = nearestName(resolver.parsed.get(target), `#${fragment}`);
    near = name === undefined ? undefined : `${uri}#${fragment.replace(/[^/]*$/, name.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
  }
  const file = resolver.displayName(from);
  const location = resolver.maps.get(from)?.locate(pointer);
  return {
    code: 'OAS006',
    severity: 'error',
    pointer,
    message: messageFor('OAS006', { ref, file, reason, hint: near ? ` (did you mean "${near}"?)` : '' }),
    ...(location ? { location } : {}),
  };
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.location?.file}:${d.location?.line}:${d.location?.column}:${d.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
