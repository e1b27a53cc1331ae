/**
 * Runs generation cases sent by the fuzz test over IPC, in a process the test can kill when a
 * case hangs. Each answer says how the case ended: files, diagnostics, or a crash with its stack.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SpecError } from '../../generator/diagnostics/diagnostic.js';
import { generate } from '../../generator/generate.js';

export interface FuzzCase {
  id: number;
  text: string;
  extension: 'json' | 'yaml';
  /** Run every stage (type-check and format too); otherwise stop after render, the slow stages are input-independent. */
  full: boolean;
  /** A folder of the test's (it removes it) where the case's spec is written. */
  folder: string;
}

export interface FuzzOutcome {
  id: number;
  ended: 'files' | 'diagnostics' | 'rendered' | 'crash';
  detail: string;
  files?: { path: string; content: string }[];
}

class StopAfterRender extends Error {}

async function runCase(c: FuzzCase): Promise<FuzzOutcome> {
  const input = join(c.folder, `spec.${c.extension}`);
  await writeFile(input, c.text);
  const onStage = (stage: string): void => {
    if (!c.full && stage === 'postprocess') throw new StopAfterRender();
  };
  try {
    const result = await generate({ input, output: join(c.folder, 'never-written'), cacheDir: false, onStage });
    return { id: c.id, ended: 'files', detail: `${result.files.length} files`, files: result.files.map((f) => ({ path: f.path, content: f.content })) };
  } catch (error) {
    if (error instanceof StopAfterRender) return { id: c.id, ended: 'rendered', detail: '' };
    if (error instanceof SpecError) return { id: c.id, ended: 'diagnostics', detail: [...new Set(error.diagnostics.map((d) => d.code))].join(' ') };
    return { id: c.id, ended: 'crash', detail: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}`.slice(0, 2000) : String(error) };
  }
}

process.on('message', (message: FuzzCase) => {
  void runCase(message).then((outcome) => process.send!(outcome));
});
