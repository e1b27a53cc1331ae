import { Project } from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../generator/load/load-spec.js';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import { validateDocument } from '../../../generator/validate/validate-document.js';
import { normalizeDocument } from '../../../generator/normalize/normalize-document.js';
import { builtinTemplatesDir } from '../../../generator/options.js';
import { planClient } from '../../../generator/plan/plan.js';
import { renderFiles, type RenderedFile } from '../../../generator/render/render-files.js';
import { loadTemplateSet } from '../../../generator/render/template-set.js';
import { sortImports } from '../../../generator/postprocess/sort-imports.js';

const HEADER = '// Generated\n';
const use = (names: string): string => `\nexport type Use = ${names};\n`;

describe('sortImports', () => {
  const cases: { name: string; given: string; want: string | undefined }[] = [
    {
      name: 'orders modules, type-only before value imports of the same module',
      given: `${HEADER}import { BaseAPI } from '../runtime/runtime.js';\nimport type { Configuration } from '../runtime/runtime.js';\nimport type { Pet } from '../models/Pet.js';\n${use('Pet | Configuration | typeof BaseAPI')}`,
      want: `${HEADER}import type { Pet } from '../models/Pet.js';\nimport type { Configuration } from '../runtime/runtime.js';\nimport { BaseAPI } from '../runtime/runtime.js';\n${use('Pet | Configuration | typeof BaseAPI')}`,
    },
    { name: 'leaves a file without imports alone', given: `${HEADER}export const a = 1;\n`, want: `${HEADER}export const a = 1;\n` },
    { name: 'gives up on an unused import (organizeImports would remove it)', given: `import type { Pet } from './Pet.js';\nexport const a = 1;\n`, want: undefined },
    { name: 'gives up on an import used only as a property name or inside a longer name', given: `import type { Pet } from './Pet.js';\nexport type A = typeof x.Pet | PetList | $Pet;\n`, want: undefined },
    { name: 'counts a name used after a non-name character', given: `import type { Pet } from './Pet.js';\nexport type A = Array<Pet>;\n`, want: `import type { Pet } from './Pet.js';\nexport type A = Array<Pet>;\n` },
    { name: 'gives up on two declarations of one module and kind (organizeImports would merge them)', given: `import type { A } from './m.js';\nimport type { B } from './m.js';\n${use('A | B')}`, want: undefined },
    { name: 'gives up on names out of order inside braces', given: `import type { B, A } from './m.js';\n${use('A | B')}`, want: undefined },
    { name: 'gives up on a default or multi-line import', given: `import x from './m.js';\n${use('typeof x')}`, want: undefined },
    { name: 'gives up on imports split into groups', given: `import type { B } from './b.js';\n\nimport type { A } from './a.js';\n${use('A | B')}`, want: undefined },
  ];
  for (const { name, given, want } of cases) it(name, () => expect(sortImports(given)).toBe(want));

  it('keeps a case-sensitive order when the plan wrote one (as organizeImports detects it)', () => {
    const given = `import type { AB } from './AB.js';\nimport type { a_b } from './a_b.js';\nimport type { Zed } from './Zed.js';\n${use('AB | a_b | Zed')}`;
    expect(sortImports(given)).toBe(organizeWithTypeScript([{ path: 'x.ts', content: given }]).get('x.ts'));
  });
});

describe('sortImports matches ts-morph organizeImports on rendered clients', () => {
  for (const spec of ['spec/agent-api.yaml', '../shared/specs/gomtm.yaml', '../shared/specs/petstore3/openapi.yaml']) {
    it(spec, async () => {
      const files = (await renderSpec(spec)).filter((f) => f.path.endsWith('.ts') && !f.path.startsWith('runtime/') && /^import /m.test(f.content));
      const oracle = organizeWithTypeScript(files);
      for (const file of files) expect(sortImports(file.content), file.path).toBe(oracle.get(file.path));
    }, 120_000);
  }
});

async function renderSpec(input: string): Promise<RenderedFile[]> {
  const spec = await loadSpec(input);
  const sink = new DiagnosticSink(spec.sourceMap);
  const model = normalizeDocument(validateDocument(spec.document, sink)!, sink);
  const templates = await loadTemplateSet(builtinTemplatesDir(), undefined);
  return renderFiles(planClient(model, templates.runtime), templates);
}

function organizeWithTypeScript(files: readonly RenderedFile[]): Map<string, string> {
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const sources = files.map((f) => ({ path: f.path, source: project.createSourceFile(`/client/${f.path}`, f.content) }));
  return new Map(sources.map(({ path, source }) => [path, source.organizeImports().getFullText()]));
}
