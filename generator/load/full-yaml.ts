import { createRequire } from 'node:module';

/**
 * The full YAML parser (`yaml`), loaded on first use: most specs are read without it
 * (yaml-events.ts), and it is a module of its own so those runs do not load it.
 */
export function fullYaml(): typeof import('yaml') {
  return createRequire(import.meta.url)('yaml') as typeof import('yaml');
}
