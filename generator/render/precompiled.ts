import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import type { TemplateSet } from './template-set.js';

/** The options every template and partial is compiled with, at run time (render-files.ts) or by the build. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true, preventIndent: false } as const;

/** The module `npm run build` writes beside this one (generator/dist/render/). */
export const PRECOMPILED_MODULE = 'precompiled-templates.js';

/**
 * The built-in templates and partials as the build precompiled them, by their source text: a
 * template read at run time with exactly that text needs no compiling (Handlebars' parser and code
 * generator, ~35 ms of every run that renders, and ~13 ms more to load them).
 */
export type Precompiled = ReadonlyMap<string, TemplateSpecification>;

/** Handlebars' precompiled form of a template: an object of functions its runtime turns into a template. */
export type TemplateSpecification = ReturnType<typeof Handlebars.precompile>;

/** The module the build writes: each template's and partial's source with its precompiled form (JavaScript that `precompile` gave). */
export function precompiledModule(templates: TemplateSet, precompile: (source: string) => string): string {
  const sources = [...new Set([...templates.templates.values(), ...templates.partials.values()].map((t) => t.source))].sort();
  const entries = sources.map((source) => `  [${JSON.stringify(source)}, ${precompile(source)}],`);
  return ['// Written by `npm run build` (generator/render/write-precompiled.ts) from templates/: do not edit.', 'export default [', ...entries, '];', ''].join('\n');
}

/**
 * The precompiled templates the build wrote beside this module, or none when there is no such
 * module (oasgen run from its sources). A module that is there but unreadable is an error.
 */
export async function loadPrecompiled(url = new URL(`./${PRECOMPILED_MODULE}`, import.meta.url)): Promise<Precompiled> {
  let loaded: unknown;
  try {
    loaded = ((await import(url.href)) as { default: unknown }).default;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_MODULE_NOT_FOUND') return new Map();
    throw error;
  }
  if (!Array.isArray(loaded) || !loaded.every(isEntry)) throw new Error(`${url.pathname}: not a module of precompiled templates; run \`npm run build\` again`);
  return new Map(loaded);
}

function isEntry(value: unknown): value is [string, TemplateSpecification] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'object' && value[1] !== null;
}

/**
 * Handlebars for a template set: its runtime alone when every template and partial of the set was
 * precompiled, else the whole library with its compiler.
 */
export function handlebarsFor(templates: TemplateSet, precompiled: Precompiled): typeof Handlebars {
  const all = [...templates.templates.values(), ...templates.partials.values()].every((t) => precompiled.has(t.source));
  return createRequire(import.meta.url)(all ? 'handlebars/runtime' : 'handlebars') as typeof Handlebars;
}
