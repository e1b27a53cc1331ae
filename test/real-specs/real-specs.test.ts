import { format } from 'prettier';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFiles } from '../../generator/format/format-files.js';
import type { GenerateResult } from '../../generator/generate.js';
import { generateInMemory, removeDir, writeToTemp } from '../helpers/generate-client.js';
import { typecheckClient } from '../helpers/tsc.js';

// Real specs written by others (../shared/specs; its README names their sources). Each must
// generate a client whose code and every docs example pass `tsc --strict`.
const SHARED = '../shared/specs';
const SPECS = [
  'spec/agent-api.yaml',
  `${SHARED}/gomtm.yaml`,
  `${SHARED}/petstore3/openapi.yaml`,
  `${SHARED}/oai-examples/v3.0/api-with-examples.yaml`,
  `${SHARED}/oai-examples/v3.0/callback-example.yaml`,
  `${SHARED}/oai-examples/v3.0/link-example.yaml`,
  `${SHARED}/oai-examples/v3.0/petstore-expanded.yaml`,
  `${SHARED}/oai-examples/v3.0/petstore.yaml`,
  `${SHARED}/oai-examples/v3.0/uspto.yaml`,
  `${SHARED}/oai-examples/v3.1/non-oauth-scopes.yaml`,
  `${SHARED}/oai-examples/v3.1/webhook-example.yaml`,
  `${SHARED}/readme-examples/discriminators.yaml`,
  `${SHARED}/readme-examples/file-uploads.yaml`,
  `${SHARED}/readme-examples/parameters-cookies.yaml`,
  `${SHARED}/readme-examples/parameters-style.yaml`,
  `${SHARED}/openai/openapi.yaml`,
  // Split over ~50 files with relative $refs (bundled in the load stage).
  `${SHARED}/hatchet/api-contracts/openapi/openapi.yaml`,
  // Swagger 2.0 (upgraded to OpenAPI 3.0 in the load stage); petstore-separate is multi-file.
  `${SHARED}/oai-examples/v2.0/petstore.yaml`,
  `${SHARED}/oai-examples/v2.0/uber.yaml`,
  `${SHARED}/oai-examples/v2.0/petstore-separate/spec/swagger.yaml`,
];

const dirs: string[] = [];
const results = new Map<string, GenerateResult>();
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

async function generated(spec: string): Promise<GenerateResult> {
  const cached = results.get(spec);
  if (cached) return cached;
  const result = await generateInMemory(spec);
  results.set(spec, result);
  return result;
}

describe.each(SPECS)('%s', (spec) => {
  it('generates a client and docs that pass tsc --strict', async () => {
    const { files, diagnostics } = await generated(spec);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dir = await writeToTemp(files);
    dirs.push(dir);
    const markdown = files.filter((f) => f.path.endsWith('.md')).map((f) => f.path);
    expect(await typecheckClient(dir, markdown)).toBe('');
  }, 300_000);
});

describe('OpenAI: operations answering JSON or a stream get both methods', () => {
  it('types createChatCompletion (JSON) and createChatCompletionStream (events)', async () => {
    const { files } = await generated(`${SHARED}/openai/openapi.yaml`);
    const chat = files.find((f) => f.path === 'apis/ChatApi.ts')!.content;
    expect(chat).toMatch(/createChatCompletion\(\s*params: CreateChatCompletionParams,\s*options\?: RequestOptions,\s*\): Promise<CreateChatCompletionResponse>/);
    expect(chat).toMatch(
      /createChatCompletionStream\(\s*params: CreateChatCompletionParams,\s*options\?: StreamOptions,\s*\): EventStream<TypedEvent<CreateChatCompletionStreamResponse>>/,
    );
    const streaming = files.filter((f) => f.path.startsWith('apis/')).flatMap((f) => [...f.content.matchAll(/^  (\w+)\([^)]*\)?[^{]*EventStream</gm)].map((m) => m[1]));
    expect(streaming.length).toBeGreaterThanOrEqual(7);
    const docs = files.find((f) => f.path === 'docs/ChatApi.md')!.content;
    expect(docs).toContain('[**createChatCompletionStream**](ChatApi.md#createChatCompletionStream)');
  }, 300_000);
});

// The format stage prints most doc blocks itself and batches TypeScript (generator/format/); on
// every real spec it must give what prettier gives file by file. The generated files are undone a
// little first (tables unaligned, TypeScript unindented), so there is formatting to do.
describe.each(SPECS)('%s: the format stage prints what prettier prints', (spec) => {
  it('file by file', async () => {
    const { files } = await generated(spec);
    const undone = files
      .filter((file) => file.path.endsWith('.md') || file.path.endsWith('.ts'))
      .map((file) => ({ path: file.path, content: file.path.endsWith('.md') ? unalignTables(file.content) : file.content.replace(/^[ \t]+/gm, '') }));
    const formatted = await formatFiles(undone, 'generated');
    const options = { singleQuote: true, printWidth: 100, trailingComma: 'all' as const, proseWrap: 'preserve' as const };
    const differing: string[] = [];
    for (const [i, file] of undone.entries()) {
      if (formatted[i]!.content !== (await format(file.content, { ...options, filepath: file.path }))) differing.push(file.path);
    }
    expect(differing).toEqual([]);
  }, 300_000);
});

function unalignTables(markdown: string): string {
  return markdown.replace(/^\|.*\|$/gm, (row) => row.replace(/ {2,}/g, ' ').replace(/:?-{3,}:?/g, (dashes) => dashes.replace(/-+/, '-')));
}
