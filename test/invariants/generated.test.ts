import { describe, expect, it } from 'vitest';
import { format } from 'prettier';
import { generate } from '../../generator/generate.js';
import { generateInMemory } from '../helpers/generate-client.js';

describe('generated/ is what `npm run generate` produces', () => {
  it('has no differing, missing or stale file', async () => {
    const result = await generate({ input: 'spec/agent-api.yaml', output: 'generated', check: true });
    expect(result.drift).toEqual({ differing: [], missing: [], stale: [] });
  });
});

describe('determinism', () => {
  for (const spec of ['spec/agent-api.yaml', '../shared/specs/gomtm.yaml']) {
    it(`two runs over ${spec} give the same bytes`, async () => {
      const [first, second] = [await generateInMemory(spec), await generateInMemory(spec)];
      expect(second.files).toEqual(first.files);
    }, 60_000);
  }

  it('output contains no absolute path or timestamp', async () => {
    const { files } = await generateInMemory('spec/agent-api.yaml');
    for (const file of files) {
      expect(file.content).not.toContain(process.cwd());
      expect(file.content).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\b/);
    }
  });

  it('formatting the output again changes nothing', async () => {
    const { files } = await generateInMemory('spec/agent-api.yaml');
    for (const file of files.filter((f) => f.path.endsWith('.ts'))) {
      const again = await format(file.content, { parser: 'typescript', singleQuote: true, printWidth: 100, trailingComma: 'all' });
      expect(again, file.path).toBe(file.content);
    }
  });
});
