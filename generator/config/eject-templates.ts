import { cp, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** The template folders a user may own (runtime/ is TypeScript, tested as code, and not ejected). */
const EJECTED = ['files', 'partials', 'docs'];

/** Copies the built-in templates and partials into `target`; refuses to overwrite a file already there. */
export async function ejectTemplates(builtinDir: string, target: string): Promise<string[]> {
  const copied: string[] = [];
  for (const folder of EJECTED) {
    await cp(join(builtinDir, folder), join(target, folder), { recursive: true, force: false, errorOnExist: true });
    const entries = await readdir(join(target, folder), { recursive: true, withFileTypes: true });
    copied.push(...entries.filter((e) => e.isFile()).map((e) => relative(target, join(e.parentPath, e.name))));
  }
  return copied.sort();
}
