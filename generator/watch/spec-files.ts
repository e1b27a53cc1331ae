import { SpecError } from '../diagnostics/diagnostic.js';
import { loadSpec } from '../load/load-spec.js';
import { isUrl } from '../load/read-source.js';

/**
 * The local files a spec is made of: the root and every file its external `$ref`s reach (as the
 * load stage bundles them). URLs cannot be watched and are left out; a spec that does not load
 * yet is watched by its root file alone, so fixing it triggers the next run.
 */
export async function specFiles(input: string): Promise<string[]> {
  if (isUrl(input)) return [];
  try {
    return (await loadSpec(input)).files.filter((file) => !isUrl(file));
  } catch (error) {
    if (error instanceof SpecError) return [input];
    throw error;
  }
}
