import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFor } from '../../../generator/cache/cache-dir.js';
import { removeDir } from '../../helpers/generate-client.js';

describe('cacheDirFor', () => {
  it('uses node_modules/.cache/oasgen of the nearest folder with node_modules, else .oasgen-cache beside the output', async () => {
    const root = await mkdtemp(join(tmpdir(), 'oasgen-dir-'));
    try {
      expect(cacheDirFor(join(root, 'a', 'client'))).toMatch(new RegExp(`^${join(root, 'a', '.oasgen-cache', 'client-')}[0-9a-f]{10}$`));
      await mkdir(join(root, 'node_modules'));
      expect(cacheDirFor(join(root, 'a', 'client'))).toMatch(new RegExp(`^${join(root, 'node_modules', '.cache', 'oasgen', 'client-')}[0-9a-f]{10}$`));
      expect(cacheDirFor(join(root, 'a', 'client'))).not.toBe(cacheDirFor(join(root, 'b', 'client')));
    } finally {
      await removeDir(root);
    }
  });
});
