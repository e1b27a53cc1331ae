/**
 * Run by `npm run build` after tsc: precompiles the built-in templates and partials into
 * precompiled-templates.js beside this file in generator/dist/render/, where Renderer takes them
 * instead of compiling them in every run (precompiled.ts). Run from the sources, it writes nothing:
 * they are always compiled at run time there.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { builtinTemplatesDir } from '../options.js';
import { COMPILE_OPTIONS, PRECOMPILED_MODULE, precompiledModule } from './precompiled.js';
import { loadTemplateSet } from './template-set.js';

async function main(): Promise<void> {
  const target = fileURLToPath(new URL(`./${PRECOMPILED_MODULE}`, import.meta.url));
  if (basename(dirname(dirname(target))) !== 'dist') throw new Error('write-precompiled: run the built file, generator/dist/render/write-precompiled.js');
  const handlebars = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  const templates = await loadTemplateSet(builtinTemplatesDir());
  writeFileSync(target, precompiledModule(templates, (source) => String(handlebars.precompile(source, COMPILE_OPTIONS))));
}

await main();
