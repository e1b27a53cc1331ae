import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Where the cache of one output folder lives: under the nearest `node_modules/.cache/oasgen/` above
 * the output folder (the convention of babel, eslint and others, ignored wherever node_modules is),
 * else in `.oasgen-cache/` beside the output folder, which carries its own `.gitignore`. Never inside
 * the output folder, whose files are all generated.
 */
export function cacheDirFor(output: string): string {
  const id = `${basename(output) || 'root'}-${createHash('sha1').update(output).digest('hex').slice(0, 10)}`;
  for (let dir = dirname(output); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules', '.cache', 'oasgen', id);
    if (dirname(dir) === dir) return join(dirname(output), '.oasgen-cache', id);
  }
}
