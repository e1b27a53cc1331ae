import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate, type GenerateResult } from '../../generator/generate.js';

/** Generates a spec in memory (nothing written). */
export async function generateInMemory(input: string): Promise<GenerateResult> {
  return generate({ input, output: join(tmpdir(), 'oasgen-unused-output') });
}

/** Writes generated files into a fresh temporary folder and returns it. */
export async function writeToTemp(files: readonly { path: string; content: string }[], prefix = 'oasgen-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  for (const file of files) {
    await mkdir(dirname(join(dir, file.path)), { recursive: true });
    await writeFile(join(dir, file.path), file.content);
  }
  return dir;
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
