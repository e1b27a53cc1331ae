import { constants } from 'node:fs';
import { access, copyFile, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

/**
 * Everything `-t` can override (see loadTemplateSet): the file templates, the partials, the docs
 * templates, and the runtime files copied verbatim into every client (their tests stay behind).
 */
const EJECTED = ['files', 'partials', 'docs', 'runtime'];

/** The folder already has files eject would copy: nothing is copied (Node's own code for this, which the CLI reports as such). */
export class EjectConflictError extends Error {
  readonly code = 'ERR_FS_CP_EEXIST';
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/** Copies the built-in templates, partials and runtime into `target`, all or nothing: refuses when any file is already there. */
export async function ejectTemplates(builtinDir: string, target: string): Promise<string[]> {
  const files = (await Promise.all(EJECTED.map((folder) => listFiles(builtinDir, folder)))).flat().filter(isEjected).sort();
  const taken = (await Promise.all(files.map(async (file) => ((await exists(join(target, file))) ? [file] : [])))).flat();
  if (taken.length > 0) throw new EjectConflictError(`${target} already has ${taken.join(', ')}`);
  for (const file of files) {
    await mkdir(dirname(join(target, file)), { recursive: true });
    await copyFile(join(builtinDir, file), join(target, file), constants.COPYFILE_EXCL);
  }
  return files;
}

function isEjected(file: string): boolean {
  return file.startsWith('runtime/') ? file.endsWith('.ts') && !file.endsWith('.test.ts') : true;
}

/** Files under `builtinDir/folder`, as `/`-separated paths relative to `builtinDir`. */
async function listFiles(builtinDir: string, folder: string): Promise<string[]> {
  const entries = await readdir(join(builtinDir, folder), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(builtinDir, join(e.parentPath, e.name)).split('\\').join('/'));
}
