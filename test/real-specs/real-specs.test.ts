import { afterAll, describe, expect, it } from 'vitest';
import { generateInMemory, removeDir, writeToTemp } from '../helpers/generate-client.js';
import { typecheckClient } from '../helpers/tsc.js';

// Real specs written by others (../shared/specs, see its README for their sources). Each must
// generate a client whose code and docs examples pass `tsc --strict`.
const SPECS = ['spec/agent-api.yaml', '../shared/specs/gomtm.yaml'];

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describe.each(SPECS)('%s', (spec) => {
  it('generates a client and docs that pass tsc --strict', async () => {
    const { files, diagnostics } = await generateInMemory(spec);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const dir = await writeToTemp(files);
    dirs.push(dir);
    const markdown = files.filter((f) => f.path.endsWith('.md')).map((f) => f.path);
    expect(await typecheckClient(dir, markdown)).toBe('');
  }, 180_000);
});
