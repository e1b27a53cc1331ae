import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { HelperDelegate } from 'handlebars';

/** A template or partial: its source and the file it came from (for error messages). */
export interface TemplateSource {
  name: string;
  file: string;
  source: string;
}

export interface TemplateSet {
  /** `files/api`, `docs/readme`, ... by name without extension. */
  templates: Map<string, TemplateSource>;
  /** `jsdoc`, `imports`, ...; a user's partial of the same name replaces the built-in one, which stays reachable as `builtin/<name>`. */
  partials: Map<string, TemplateSource>;
  /** Runtime files copied verbatim into the client: file name → source. */
  runtime: Map<string, string>;
  /** The runtime files as oasgen ships them (before the user's folder), by name: tested with oasgen itself. */
  builtinRuntime: Map<string, string>;
  /** The user's helpers, registered after (so over) the built-in ones. */
  helpers: Record<string, HelperDelegate>;
}

/**
 * Reads the built-in templates, then the user's folder over them (same relative name wins). Read
 * synchronously: two dozen small files, ~1 ms so, where a promise per file took 6-25 ms a run.
 */
export async function loadTemplateSet(builtinDir: string, overrideDir?: string, helpers: Record<string, HelperDelegate> = {}): Promise<TemplateSet> {
  const set: TemplateSet = { templates: new Map(), partials: new Map(), runtime: new Map(), builtinRuntime: new Map(), helpers };
  for (const dir of overrideDir ? [builtinDir, overrideDir] : [builtinDir]) {
    const isOverride = dir === overrideDir;
    for (const file of listFiles(dir)) {
      const rel = relative(dir, file).split('\\').join('/');
      const source = readFileSync(file, 'utf8');
      if (rel.startsWith('runtime/') && rel.endsWith('.ts') && !rel.endsWith('.test.ts')) {
        set.runtime.set(rel.slice('runtime/'.length), source);
        if (!isOverride) set.builtinRuntime.set(rel.slice('runtime/'.length), source);
      } else if (rel.startsWith('partials/') && rel.endsWith('.hbs')) {
        const name = rel.slice('partials/'.length, -'.hbs'.length);
        const builtin = set.partials.get(name);
        if (builtin && isOverride) set.partials.set(`builtin/${name}`, builtin);
        set.partials.set(name, { name, file, source });
      } else if (rel.endsWith('.hbs')) {
        const name = rel.slice(0, -'.hbs'.length);
        set.templates.set(name, { name, file, source });
      }
    }
  }
  return set;
}

function listFiles(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
