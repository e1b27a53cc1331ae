import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { textHash } from '../cache/cache-key.js';
import type { RenderedFile } from '../render/render-files.js';
import { sortImports } from './sort-imports.js';

/** The rendered TypeScript does not compile: a template (built-in or the user's) produced invalid code. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the generated client does not type-check (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.slice(0, 20).join('\n')}`);
    this.name = 'GeneratedCodeError';
  }
}

/** What the type check carries from one run to the next (see generator/cache/). */
export interface TypeCheckState {
  /** TypeScript's incremental state after the last full check in this process (the native compiler keeps its own in its folder). */
  buildInfo?: string;
  /** Every TypeScript file of the last clean check: the hash of its text and its code fingerprint. */
  checked?: Record<string, CheckedFile>;
  /** The checker `checked` was made with (TypeScript's version and options). */
  checker?: string;
}

export interface CheckedFile {
  text: string;
  code?: string;
}

/**
 * Organizes the imports of the files templates wrote, then type-checks the whole client (see
 * `organizeImports` and `checkTypes`; generate.ts runs the check while prettier formats).
 */
export async function postprocess(files: RenderedFile[], runtimeFiles: ReadonlySet<string>, state: TypeCheckState = {}, place: TypeCheckPlace = {}): Promise<RenderedFile[]> {
  const organized = await organizeImports(files, runtimeFiles);
  await checkTypes(organized, state, place);
  return organized;
}

/**
 * Organizes the imports of the files templates wrote (runtime files are copied verbatim and left
 * alone). Imports are sorted on text; only a file whose imports are not the plain shape the plan
 * writes goes through ts-morph's language service.
 */
export async function organizeImports(files: RenderedFile[], runtimeFiles: ReadonlySet<string>): Promise<RenderedFile[]> {
  const organized: RenderedFile[] = [];
  const complex: RenderedFile[] = [];
  for (const file of files) {
    if (!file.path.endsWith('.ts') || runtimeFiles.has(file.path) || !/^import /m.test(file.content)) organized.push(file);
    else {
      const sorted = sortImports(file.content);
      if (sorted === undefined) complex.push(file);
      organized.push({ path: file.path, content: sorted ?? file.content });
    }
  }
  const fallback = complex.length > 0 ? await organizeWithLanguageService(complex) : new Map<string, string>();
  return organized.map((f) => ({ path: f.path, content: fallback.get(f.path) ?? f.content }));
}

/** Where and how the client is type-checked (see `startTypeCheck`). */
export interface TypeCheckPlace {
  /** The folder the native compiler checks the client in, kept for the next run (in the cache); a temporary folder when unset. */
  folder?: string;
  /** Runtime files exactly as oasgen ships them: the in-process check does not check their bodies again (see `typeCheck`). */
  shipped?: ReadonlySet<string>;
  /** Check in this process with the TypeScript ts-morph bundles, even where the native compiler is installed. */
  inProcess?: boolean;
}

/** A type check under way: settles when it is done, rejecting with GeneratedCodeError when the client does not compile. */
export interface TypeCheckRun {
  finished: Promise<void>;
}

/**
 * Type-checks the whole client so a broken template fails generation here, with file:line, instead
 * of in the user's build. Skipped when only comments and layout changed since the last clean check.
 * With TypeScript's native compiler (native-check.ts) the check runs in a process of its own and
 * this resolves as soon as it has started; otherwise it runs here, in this thread, before this
 * resolves. When the native compiler cannot run (its folder cannot be written, the system will not
 * start it), the check runs here once that is known. Keeps what the next run needs in `state` once
 * the check is clean.
 */
export async function startTypeCheck(files: readonly RenderedFile[], state: TypeCheckState = {}, place: TypeCheckPlace = {}): Promise<TypeCheckRun> {
  const native = place.inProcess ? undefined : (await import('./native-check.js')).nativeCompiler();
  const checker = native?.checker ?? (await import('./type-check.js')).CHECKER;
  const sources = files.filter((f) => f.path.endsWith('.ts'));
  const previous = state.checker === checker ? state.checked : undefined;
  const texts = sources.map((f) => textHash(f.content));
  // Each file's text hash, and its code fingerprint where one is known (taken over from the last
  // check when the text is the same). Fingerprints bring in TypeScript's scanner and are needed only
  // to compare a changed file with the last check, so a clean native check in a kept folder stores
  // none: the folder still holds the texts it checked, to fingerprint on the next run (issue 7: on a
  // first OpenAI run, fingerprinting 1,787 files held up the end of the run by 145-203 ms).
  const current: CheckedFile[] = sources.map((f, i) => {
    const before = previous?.[f.path];
    return before?.text === texts[i] ? before : { text: texts[i]! };
  });
  const keptFolder = native && place.folder !== undefined ? place.folder : undefined;
  const clean = async (by: string): Promise<void> => {
    if (by !== checker || keptFolder === undefined) {
      const { codeFingerprint } = await import('./code-fingerprint.js');
      current.forEach((file, i) => (current[i] = 'code' in file ? file : { ...file, code: codeFingerprint(sources[i]!.content) }));
    }
    state.checked = Object.fromEntries(sources.map((f, i) => [f.path, current[i]!]));
    state.checker = by;
  };
  // The same files as the last clean check, changed (if at all) only in comments and layout: the
  // checker would say the same, so the check is skipped (a one-operation summary edit).
  const unchanged = previous !== undefined && Object.keys(previous).length === sources.length && (await sameCode(sources, current, previous, keptFolder));
  if (unchanged) {
    await clean(checker);
    return { finished: Promise.resolve() };
  }
  // In this thread, with the TypeScript ts-morph bundles.
  const inProcess = async (): Promise<void> => {
    const { typeCheck, CHECKER } = await import('./type-check.js');
    const result = typeCheck(files, state.buildInfo, place.shipped);
    if (result.problems.length > 0) throw new GeneratedCodeError(result.problems);
    state.buildInfo = result.buildInfo;
    await clean(CHECKER);
  };
  if (!native) {
    const done = inProcess();
    await done.catch(() => undefined); // done before this resolves; its failure is the caller's to await
    return settled(done);
  }
  const { checkNatively } = await import('./native-check.js');
  const mirrored = sources.map((f, i) => ({ path: f.path, content: f.content, hash: texts[i]! }));
  const natively = async (): Promise<string[]> => {
    const folder = place.folder ?? mkdtempSync(join(tmpdir(), 'oasgen-check-'));
    try {
      return await checkNatively(native, mirrored, folder);
    } finally {
      if (place.folder === undefined) rmSync(folder, { recursive: true, force: true });
    }
  };
  const finished = natively().then(
    async (problems) => {
      if (problems.length > 0) throw new GeneratedCodeError(problems);
      await clean(checker);
    },
    // The native compiler could not run (a folder that cannot be written, a binary the system
    // will not start): the same check runs in this thread instead.
    () => inProcess(),
  );
  return settled(finished);
}

/**
 * Whether every file has the code of the last clean check (`previous`): the same text, or a text
 * whose fingerprint is the last one's. A last fingerprint not stored is taken from the text the
 * check folder still holds. Fingerprints taken here are kept in `current`.
 */
async function sameCode(sources: readonly RenderedFile[], current: CheckedFile[], previous: Record<string, CheckedFile>, folder: string | undefined): Promise<boolean> {
  const { codeFingerprint } = await import('./code-fingerprint.js');
  const held = folder === undefined ? undefined : (await import('./native-check.js')).mirroredText(folder);
  return sources.every((file, i) => {
    const before = previous[file.path];
    if (before === undefined) return false;
    if (before === current[i]) return true;
    const lastText = before.code === undefined ? held?.(file.path, before.text) : undefined;
    const last = before.code ?? (lastText === undefined ? undefined : codeFingerprint(lastText));
    const code = codeFingerprint(file.content);
    current[i] = { ...current[i]!, ...(code === undefined ? {} : { code }) };
    return last !== undefined && last === code;
  });
}

/** A check whose failure is for its caller to await, however late: not an unhandled rejection in the meantime. */
function settled(finished: Promise<void>): TypeCheckRun {
  finished.catch(() => undefined);
  return { finished };
}

/** `startTypeCheck`, waiting for it to finish. */
export async function checkTypes(files: readonly RenderedFile[], state: TypeCheckState = {}, place: TypeCheckPlace = {}): Promise<void> {
  await (
    await startTypeCheck(files, state, place)
  ).finished;
}

/** ts-morph's organizeImports, for the files sortImports could not prove simple; loaded only then. */
async function organizeWithLanguageService(files: readonly RenderedFile[]): Promise<Map<string, string>> {
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const sources = files.map((f) => ({ path: f.path, source: project.createSourceFile(`/client/${f.path}`, f.content) }));
  return new Map(sources.map(({ path, source }) => [path, source.organizeImports().getFullText()]));
}
