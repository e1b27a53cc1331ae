import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFiles } from '../../../generator/watch/watch-files.js';
import { removeDir } from '../../helpers/generate-client.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'oasgen-watch-'));
});
afterEach(async () => removeDir(dir));

describe('watchFiles', () => {
  it('says it is ready only once the files are watched: a spec written at that moment is seen', async () => {
    const spec = join(dir, 'spec.yaml');
    writeFileSync(spec, 'openapi: 3.1.0\n');
    const stop = new AbortController();
    const seen: string[][] = [];
    await watchFiles(
      [spec],
      async (changed) => {
        seen.push(changed);
        stop.abort();
      },
      { signal: stop.signal, debounceMs: 10, ready: () => writeFileSync(spec, 'openapi: 3.1.1\n') },
    );
    expect(seen).toEqual([[spec]]);
  }, 20_000);
});
