import { resolve } from 'node:path';
import { SpecError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { messageFor } from '../diagnostics/messages.js';
import { isObject } from '../normalize/json.js';
import { isSameDocumentRef } from '../normalize/resolve-ref.js';
import { upgradeSwagger2 } from '../upgrade/upgrade-swagger2.js';
import { MAX_DEPTH, tooDeepPointer } from '../validate/document-depth.js';
import { hasSupportedVersion } from '../validate/openapi-version.js';
import { fileDiagnostic, jsonNestingOffset, parseSpecText, tooDeepDiagnostic, type LoadedSpec } from './parse-spec-text.js';
import { FileSourceMap } from './source-map.js';
import { isUrl, readFailureReason, readSource } from './read-source.js';

export { parseSpecText, type LoadedSpec } from './parse-spec-text.js';

/** What the load stage hands on: one OpenAPI 3.x document, every external `$ref` bundled. */
export interface LoadResult extends LoadedSpec {
  /** Every file or URL read, the root first. */
  files: string[];
  /** Warnings found while loading (a Swagger 2.0 feature with no 3.0 equivalent). */
  diagnostics: Diagnostic[];
}

/**
 * Reads a spec file or URL (YAML or JSON), bundles its external `$ref`s into one document and
 * upgrades Swagger 2.0 to OpenAPI 3.0, so later stages see one local-ref 3.x document. Throws
 * SpecError for unreadable, empty or malformed input and for refs that cannot be loaded.
 */
export async function loadSpec(input: string, displayName: string = input): Promise<LoadResult> {
  const location = isUrl(input) ? input : resolve(input);
  let text: string;
  try {
    text = await readSource(location);
  } catch (error) {
    const reason = readFailureReason(error);
    throw new SpecError([fileDiagnostic('OAS001', displayName, messageFor('OAS001', { file: displayName, reason }))]);
  }
  const root = parseSpecText(text, displayName);
  // Bundling and the 2.0 upgrade recurse over the document: a too-deep one stops here (issue 5).
  const deep = tooDeepPointer(root.document);
  if (deep !== undefined) {
    // A JSON text this deep has no events to locate it by (TooDeepText): its brackets do.
    const located = root.sourceMap.locate(deep);
    const opening = located ? undefined : jsonNestingOffset(text, MAX_DEPTH);
    const where = located ?? (opening === undefined ? undefined : new FileSourceMap(displayName, text).at(opening));
    throw new SpecError([tooDeepDiagnostic(deep, where)]);
  }
  // Redocly's bundler throws on a version it does not know: validate reports that one (OAS005).
  const bundled = hasSupportedVersion(root.document) && hasExternalRefs(root.document)
    ? await (await import('./bundle-refs.js')).bundleRefs(root, location, text)
    : { ...root, files: [location] };
  const document = bundled.document;
  if (!isObject(document) || document['swagger'] !== '2.0') return { ...bundled, diagnostics: [] };
  const upgraded = upgradeSwagger2(document, bundled.sourceMap);
  return { ...bundled, document: upgraded.document, sourceMap: upgraded.sourceMap, diagnostics: upgraded.diagnostics };
}

/** True when some `$ref` points outside the document (another file or a URL). */
export function hasExternalRefs(value: unknown): boolean {
  const stack: unknown[] = [value];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string' && !isSameDocumentRef(child)) return true;
      stack.push(child);
    }
  }
  return false;
}
