import { BaseResolver, Source, type Document } from '@redocly/openapi-core';
import { SpecError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseSpecText } from './parse-spec-text.js';
import { recordOrigins, type Origins } from './origin-source-map.js';
import { displayNameOf, readFailureReason, readSource } from './read-source.js';
import type { SourceMap } from './source-map.js';

/**
 * Redocly's resolver with oasgen's reading and parsing: every file (or URL) is read by
 * `readSource` and parsed by `parseSpecText`, so each keeps its own source map, and every object
 * parsed is recorded in `origins` before the bundler moves it.
 */
export class SpecResolver extends BaseResolver {
  /** Source map of each file read, by the absolute path or URL the bundler knows it by. */
  readonly maps = new Map<string, SourceMap>();
  /** The parsed value of each file read (mutated by the bundler), by absolute path or URL. */
  readonly parsed = new Map<string, unknown>();
  /** Why a file could not be read, by absolute path or URL. */
  readonly failures = new Map<string, string>();
  /** Syntax errors in referenced files (diagnostics located in those files). */
  readonly syntaxErrors: Diagnostic[] = [];

  constructor(
    private readonly origins: Origins,
    private readonly displayNames: ReadonlyMap<string, string>,
  ) {
    super();
  }

  /** Puts an already parsed file (the root) in the cache so it is not read twice. */
  seed(absoluteRef: string, text: string, parsed: unknown, map: SourceMap): Document {
    const document: Document = { source: new Source(absoluteRef, text), parsed };
    this.maps.set(absoluteRef, map);
    this.parsed.set(absoluteRef, parsed);
    this.cache.set(absoluteRef, Promise.resolve(document));
    return document;
  }

  /** The name a file gets in diagnostics: the root as the user gave it, others relative to the working directory. */
  displayName(absoluteRef: string): string {
    return this.displayNames.get(absoluteRef) ?? displayNameOf(absoluteRef);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    try {
      return new Source(absoluteRef, await readSource(absoluteRef));
    } catch (error) {
      const reason = readFailureReason(error);
      this.failures.set(absoluteRef, reason);
      throw new Error(reason);
    }
  }

  override parseDocument(source: Source): Document {
    const name = this.displayName(source.absoluteRef);
    try {
      const spec = parseSpecText(source.body, name);
      this.maps.set(source.absoluteRef, spec.sourceMap);
      this.parsed.set(source.absoluteRef, spec.document);
      recordOrigins(spec.document, spec.sourceMap, this.origins);
      return { source, parsed: spec.document };
    } catch (error) {
      if (error instanceof SpecError) this.syntaxErrors.push(...error.diagnostics);
      throw error;
    }
  }
}
