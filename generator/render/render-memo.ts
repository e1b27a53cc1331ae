import type { PlannedFile } from '../plan/render-plan.js';
import type { RenderedFile, Renderer } from './render-files.js';
import type { TemplateSet } from './template-set.js';

/**
 * What the runs of one `--watch` process keep of their rendering, for as long as their run key
 * (generator, templates, options, prettier's configuration: cache-key.ts) stays the same and the
 * run has no code of the user's (helpers, plugins, extra files) that no key captures:
 *
 * - the template set, and its renderer with the templates it compiled;
 * - each planned file (its template and view) with its text after postprocess.
 *
 * A planned file equal to the last run's, view and all, takes that text: an edit of one operation
 * renders and sorts the imports of only the files it changed (OpenAI: 3 of 3,566).
 */
export class RenderMemo {
  private key: string | undefined;
  private templateSet: TemplateSet | undefined;
  private renderer: Renderer | undefined;
  private last = new Map<string, { file: PlannedFile; text: string }>();

  /** This memo for a run under `key`: everything kept under another key is forgotten. */
  under(key: string): this {
    if (key !== this.key) {
      this.key = key;
      this.templateSet = undefined;
      this.renderer = undefined;
      this.last = new Map();
    }
    return this;
  }

  /** The template set kept under this key, or undefined. */
  get templates(): TemplateSet | undefined {
    return this.templateSet;
  }

  /** The renderer kept for `templates` (the set kept here), or undefined. */
  rendererOf(templates: TemplateSet): Renderer | undefined {
    return templates === this.templateSet ? this.renderer : undefined;
  }

  /** Keeps `templates` and their renderer for the runs under this key. */
  keepRenderer(templates: TemplateSet, renderer: Renderer): void {
    this.templateSet = templates;
    this.renderer = renderer;
  }

  /** The text the last run gave a planned file with the same path, template and view; undefined otherwise. */
  textOf(file: PlannedFile): string | undefined {
    const kept = this.last.get(file.path);
    return kept && sameValue(kept.file, file) ? kept.text : undefined;
  }

  /** Keeps this run's planned files with their texts after postprocess (`texts`, by path). */
  keep(files: readonly PlannedFile[], texts: readonly RenderedFile[]): void {
    const byPath = new Map(texts.map((f) => [f.path, f.content]));
    this.last = new Map(files.flatMap((file) => (byPath.has(file.path) ? [[file.path, { file, text: byPath.get(file.path)! }] as const] : [])));
  }
}

/** Deep equality of JSON-like values (a view: strings, numbers, booleans, arrays and plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false;
    return true;
  }
  // Anything but a plain object (a Map, a class's instance) is never taken for equal: its state need not be its own keys.
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) if (!Object.hasOwn(right, key) || !sameValue(left[key], right[key])) return false;
  return true;
}

function isPlain(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The planned files' texts in plan order: `kept[i]` where the memo had the file, else the next of
 * `fresh` (the files rendered and postprocessed this run, in plan order); then the rest of `fresh`
 * (extra and plugin files).
 */
export function withKept(files: readonly PlannedFile[], kept: readonly (string | undefined)[], fresh: readonly RenderedFile[]): RenderedFile[] {
  let next = 0;
  const texts = files.map((file, i) => (kept[i] === undefined ? fresh[next++]! : { path: file.path, content: kept[i] }));
  return [...texts, ...fresh.slice(next)];
}
