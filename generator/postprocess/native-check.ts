import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { textHash } from '../cache/cache-key.js';
import { CHECK_OPTIONS } from './check-options.js';

/** check-options.ts, with TypeScript's incremental state kept in the check folder. */
const COMPILER_OPTIONS = { ...CHECK_OPTIONS, incremental: true, tsBuildInfoFile: './.tsbuildinfo' };

/** The files last written into a check folder, by path, with the hash of each text. */
const MIRRORED = 'oasgen-mirrored.json';

/** TypeScript's native compiler: the `tsc` binary of typescript@7 for this platform. */
export interface NativeCompiler {
  executable: string;
  /** Names the checker (see TypeCheckState.checker): its version and options. */
  checker: string;
}

/** A TypeScript file of the client and the hash of its text. */
export interface MirroredFile {
  path: string;
  content: string;
  hash: string;
}

/**
 * The native compiler installed with oasgen (the dependency `typescript-native`, typescript@7 with
 * its binary for this platform as an optional dependency), or undefined where npm did not install
 * a binary for this platform.
 */
export function nativeCompiler(): NativeCompiler | undefined {
  try {
    const manifest = createRequire(import.meta.url).resolve('typescript-native/package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    const binary = createRequire(manifest).resolve(`@typescript/typescript-${process.platform}-${process.arch}/package.json`);
    const executable = join(dirname(binary), 'lib', process.platform === 'win32' ? 'tsc.exe' : 'tsc');
    return existsSync(executable) ? { executable, checker: `typescript ${version} native ${JSON.stringify(COMPILER_OPTIONS)}` } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Type-checks the client in `folder` with the native compiler, in a process of its own, so this
 * thread goes on formatting meanwhile. The folder mirrors the client's TypeScript files: only the
 * files that changed since the last check there are written, and the compiler's incremental state
 * beside them lets it re-check only what a change can affect. Resolves to the problems as
 * `file:line:col TSnnnn: message`, sorted; empty when the client compiles.
 */
export async function checkNatively(compiler: NativeCompiler, files: readonly MirroredFile[], folder: string): Promise<string[]> {
  const reused = mirror(files, folder);
  const problems = await runCompiler(compiler, folder);
  if (problems.length === 0 || !reused) return problems;
  // A folder kept from an earlier run never decides the outcome (a file of it removed or edited by
  // hand, a compiler state out of step): a check that fails in one is repeated in a fresh folder.
  rmSync(join(folder, MIRRORED), { force: true });
  mirror(files, folder);
  return runCompiler(compiler, folder);
}

/** Runs the compiler over the folder's tsconfig.json: the problems it names, or a rejection when it stops without naming any. */
function runCompiler(compiler: NativeCompiler, folder: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // On two cores or fewer the check shares the machine with the printing thread and prettier's
    // worker: one thread of its own is as fast there, with less memory (OpenAI: 99 MB against 109-116).
    const threads = availableParallelism() <= 2 ? ['--singleThreaded'] : [];
    const child = spawn(compiler.executable, ['-p', 'tsconfig.json', '--pretty', 'false', ...threads], { cwd: folder, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const problems = parseProblems(out);
      if (code === 0) resolve([]);
      else if (problems.length > 0) resolve(problems);
      else reject(new Error(`TypeScript's native compiler stopped (${signal ?? `exit ${code}`}) without naming a problem: ${(err || out).trim()}`));
    });
  });
}

/**
 * Writes the files into `folder` and removes the ones an earlier run wrote that this one does not
 * have, guided by the folder's list of what it holds. The list is removed before any write and
 * written after the last: a run stopped half way leaves none, and the next starts from an empty folder.
 * True when the folder held an earlier run's files.
 */
function mirror(files: readonly MirroredFile[], folder: string): boolean {
  const listed = join(folder, MIRRORED);
  let before: Record<string, string> | undefined;
  try {
    before = JSON.parse(readFileSync(listed, 'utf8')) as Record<string, string>;
    rmSync(listed);
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
  mkdirSync(folder, { recursive: true });
  const now: Record<string, string> = {};
  const made = new Set<string>();
  for (const file of files) {
    now[file.path] = file.hash;
    if (before?.[file.path] === file.hash) continue;
    const target = join(folder, file.path);
    if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
    made.add(dirname(target));
    writeFileSync(target, file.content);
  }
  for (const path of Object.keys(before ?? {})) if (!(path in now)) rmSync(join(folder, path), { force: true });
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions: COMPILER_OPTIONS, files: files.map((f) => f.path) }));
  writeFileSync(listed, JSON.stringify(now));
  return before !== undefined;
}

/**
 * The texts a check folder holds, as its list records them: for a path, the text whose hash the
 * list gives, when that is `hash` (and the file still reads so); undefined otherwise.
 */
export function mirroredText(folder: string): (path: string, hash: string) => string | undefined {
  let listed: Record<string, string> | null | undefined;
  return (path, hash) => {
    if (listed === undefined) {
      try {
        listed = JSON.parse(readFileSync(join(folder, MIRRORED), 'utf8')) as Record<string, string>;
      } catch {
        listed = null;
      }
    }
    if (listed?.[path] !== hash) return undefined;
    try {
      const text = readFileSync(join(folder, path), 'utf8');
      return textHash(text) === hash ? text : undefined;
    } catch {
      return undefined;
    }
  };
}

/** `a.ts(4,3): error TS2322: message` (further lines of the message indented) → `a.ts:4:3 TS2322: message`. */
export function parseProblems(output: string): string[] {
  const problems: { file: string; line: number; column: number; text: string }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const located = /^(.+)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line);
    const global = /^error (TS\d+): (.*)$/.exec(line);
    const last = problems[problems.length - 1];
    if (located) {
      const [, file, row, column, code, message] = located as unknown as [string, string, string, string, string, string];
      problems.push({ file, line: Number(row), column: Number(column), text: `${file}:${row}:${column} ${code}: ${message}` });
    } else if (global) problems.push({ file: '', line: 0, column: 0, text: `${global[1]}: ${global[2]}` });
    else if (last && /^\s+\S/.test(line)) last.text += `\n${line}`;
  }
  const order = (a: (typeof problems)[number], b: (typeof problems)[number]): number =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
  return problems.sort(order).map((p) => p.text);
}
