import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError, type Diagnostic } from '../../../generator/diagnostics/diagnostic.js';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import { loadSpec, type LoadResult } from '../../../generator/load/load-spec.js';
import { validateDocument } from '../../../generator/validate/validate-document.js';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** Writes a multi-file spec into a fresh folder and returns the root file's path. */
async function specFiles(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oasgen-bundle-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return join(dir, 'openapi.yaml');
}

async function loadErrors(root: string): Promise<Diagnostic[]> {
  try {
    await loadSpec(root);
  } catch (error) {
    if (error instanceof SpecError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

const ROOT = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /pets/{id}:
    $ref: ./paths/pets.yaml#/pet
components:
  schemas:
    $ref: ./schemas/_index.yaml
`;
const INDEX = `Pet:
  $ref: ./pet.yaml#/Pet
Owner:
  $ref: ./pet.yaml#/Owner
`;
const PET = `Pet:
  type: object
  properties:
    owner:
      $ref: '#/Owner'
Owner:
  type: object
  properties:
    pets:
      type: array
      items:
        $ref: '#/Pet'
`;
const PATHS = `pet:
  get:
    operationId: getPet
    parameters:
      - name: petId
        in: path
        required: true
        schema: { type: string }
    responses:
      '200':
        description: ok
        content:
          application/json:
            schema:
              $ref: ../schemas/_index.yaml#/Pet
`;

describe('bundling external $refs', () => {
  it('names components after their pointers, rewrites refs to local ones, and keeps cross-file cycles', async () => {
    const root = await specFiles({ 'openapi.yaml': ROOT, 'schemas/_index.yaml': INDEX, 'schemas/pet.yaml': PET, 'paths/pets.yaml': PATHS });
    const spec: LoadResult = await loadSpec(root);
    const doc = spec.document as { components: { schemas: Record<string, unknown> }; paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }> };
    expect(Object.keys(doc.components.schemas).sort()).toEqual(['Owner', 'Pet']);
    expect(doc.components.schemas['Pet']).toEqual({ type: 'object', properties: { owner: { $ref: '#/components/schemas/Owner' } } });
    expect(doc.components.schemas['Owner']).toEqual({ type: 'object', properties: { pets: { type: 'array', items: { $ref: '#/components/schemas/Pet' } } } });
    expect(doc.paths['/pets/{id}']!.get.responses['200']!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/Pet' });
    expect(spec.files.map((f) => relative(dirname(root), f)).sort()).toEqual(['openapi.yaml', 'paths/pets.yaml', 'schemas/_index.yaml', 'schemas/pet.yaml']);
  });

  it('reports a problem inside a referenced file at that file, line and column', async () => {
    const root = await specFiles({ 'openapi.yaml': ROOT, 'schemas/_index.yaml': INDEX, 'schemas/pet.yaml': PET, 'paths/pets.yaml': PATHS });
    const spec = await loadSpec(root);
    const sink = new DiagnosticSink(spec.sourceMap);
    validateDocument(spec.document, sink);
    const where = sink.items.map((d) => [d.code, d.location?.file && relative(dirname(root), d.location.file), d.location?.line, d.location?.column]);
    // `{id}` is not declared (reported at the operation, in paths/pets.yaml) and `petId` is not in the path.
    expect(where).toEqual([
      ['OAS201', 'paths/pets.yaml', 2, 3],
      ['OAS202', 'paths/pets.yaml', 5, 9],
    ]);
    expect(sink.items[0]!.location?.frame).toContain('> 2 |   get:');
  });

  it.each([
    ['a missing file, with a near name', { 'schemas/_index.yaml': INDEX.replace('./pet.yaml', './pets.yaml') }, 'schemas/_index.yaml', 2, 3, /\$ref "\.\/pets\.yaml#\/Pet" in .*_index\.yaml cannot be loaded: cannot read .*pets\.yaml \(ENOENT\) \(did you mean "\.\/pet\.yaml"\?\)/],
    ['a missing pointer in a file that exists', { 'schemas/_index.yaml': INDEX.replace('#/Owner', '#/Ownr') }, 'schemas/_index.yaml', 4, 3, /has no "#\/Ownr" \(did you mean "\.\/pet\.yaml#\/Owner"\?\)/],
    ['a syntax error in a referenced file', { 'schemas/pet.yaml': 'Pet: [unclosed\n' }, 'schemas/pet.yaml', 2, 1, /syntax error/],
  ])('%s is reported where it is written', async (_name, change, file, line, column, message) => {
    const root = await specFiles({ 'openapi.yaml': ROOT, 'schemas/_index.yaml': INDEX, 'schemas/pet.yaml': PET, 'paths/pets.yaml': PATHS, ...change });
    const errors = await loadErrors(root);
    expect(errors.length).toBeGreaterThan(0);
    const first = errors[0]!;
    expect([relative(dirname(root), first.location?.file ?? ''), first.location?.line, first.location?.column]).toEqual([file, line, column]);
    expect(first.message).toMatch(message);
  });

  it('leaves single-file specs alone (no bundler, positions from the file itself)', async () => {
    const root = await specFiles({ 'openapi.yaml': 'openapi: 3.1.0\ninfo: { title: T, version: "1" }\npaths: {}\n' });
    const spec = await loadSpec(root);
    expect(spec.files).toEqual([root]);
    expect(spec.sourceMap.locate('#/paths')).toMatchObject({ line: 3, column: 1 });
  });
});
