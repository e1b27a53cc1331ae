import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const tscBin = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/**
 * Runs the real `tsc --strict` over a generated client folder, with the docs' ```ts blocks
 * extracted next to the markdown they came from, so every example is type-checked in place.
 * Returns tsc's output; empty means it compiled.
 */
export async function typecheckClient(dir: string, markdownFiles: readonly string[]): Promise<string> {
  let n = 0;
  for (const file of markdownFiles) {
    const text = await readFile(join(dir, file), 'utf8');
    for (const match of text.matchAll(/```ts\n([\s\S]*?)```/g)) {
      await writeFile(join(dir, file.replace(/\.md$/, `.example-${++n}.ts`)), match[1]!);
    }
  }
  const config = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['ES2022', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'],
      types: [],
      noEmit: true,
      skipLibCheck: true,
      noUnusedLocals: false,
      exactOptionalPropertyTypes: false,
    },
    include: ['**/*.ts'],
  };
  await writeFile(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(config));
  try {
    await run(process.execPath, [tscBin, '-p', join(dir, 'tsconfig.json')], { maxBuffer: 64 * 1024 * 1024 });
    return '';
  } catch (error) {
    const out = error as { stdout?: string; stderr?: string; message: string };
    return `${out.stdout ?? ''}${out.stderr ?? ''}` || out.message;
  }
}
