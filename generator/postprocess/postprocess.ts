import { createHash } from 'node:crypto';
import type { RenderedFile } from '../render/render-files.js';
import { sortImports } from './sort-imports.js';
import type { ParsedFiles } from './type-check.js';

/** The rendered TypeScript does not compile: a template (built-in or the user's) produced invalid code. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the generated client does not type-check (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.slice(0, 20).join('\n')}`);
    this.name = 'GeneratedCodeError';
  }
}

/** What the type check carries from one run to the next (see generator/cache/). */
export interface TypeCheckState {
  /** TypeScript's incremental state after the last full check. */
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
export async function postprocess(files: RenderedFile[], runtimeFiles: ReadonlySet<string>, state: TypeCheckState = {}): Promise<RenderedFile[]> {
  const organized = await organizeImports(files, runtimeFiles);
  await checkTypes(organized, state);
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

/**
 * Type-checks the whole client so a broken template fails generation here, with file:line, instead
 * of in the user's build. Throws GeneratedCodeError; keeps TypeScript's state of a clean check in `state`.
 * Skipped when only comments and layout changed since then; `shipped` names files whose bodies need
 * no checking (see `typeCheck`).
 */
export async function checkTypes(files: readonly RenderedFile[], state: TypeCheckState = {}, shipped: ReadonlySet<string> = new Set(), parsed?: ParsedFiles): Promise<void> {
  // Loaded here: the compiler is not needed when a run is served from the cache.
  const [{ typeCheck, CHECKER }, { codeFingerprint }] = await Promise.all([import('./type-check.js'), import('./code-fingerprint.js')]);
  const sources = files.filter((f) => f.path.endsWith('.ts'));
  const previous = state.checker === CHECKER ? state.checked : undefined;
  // Each file's text hash, and its code fingerprint (taken over from the last check when the text is the same).
  const current = sources.map((f): CheckedFile => {
    const text = createHash('sha1').update(f.content).digest('base64url');
    const before = previous?.[f.path];
    return before?.text === text ? before : { text, code: codeFingerprint(f.content) };
  });
  // The same files as the last clean check, changed (if at all) only in comments and layout: the
  // checker would say the same, so the check is skipped (a one-operation summary edit).
  const unchanged =
    previous !== undefined &&
    Object.keys(previous).length === sources.length &&
    sources.every((f, i) => {
      const before = previous[f.path];
      return before !== undefined && (before === current[i] || (before.code !== undefined && before.code === current[i]!.code));
    });
  // The printer's parses are the check's to take over; whatever it did not take is let go here.
  const result = unchanged ? undefined : typeCheck(files, state.buildInfo, shipped, parsed);
  parsed?.clear();
  if (result) {
    if (result.problems.length > 0) throw new GeneratedCodeError(result.problems);
    state.buildInfo = result.buildInfo;
  }
  state.checked = Object.fromEntries(sources.map((f, i) => [f.path, current[i]!]));
  state.checker = CHECKER;
}

/** A store of parsed client files, shared by the format stage's printer and `checkTypes`. */
export async function parsedFiles(): Promise<ParsedFiles> {
  const { ParsedFiles } = await import('./type-check.js');
  return new ParsedFiles();
}

/** ts-morph's organizeImports, for the files sortImports could not prove simple; loaded only then. */
async function organizeWithLanguageService(files: readonly RenderedFile[]): Promise<Map<string, string>> {
  const { Project } = await import('ts-morph');
  const project = new Project({ useInMemoryFileSystem: true, skipAddingFilesFromTsConfig: true });
  const sources = files.map((f) => ({ path: f.path, source: project.createSourceFile(`/client/${f.path}`, f.content) }));
  return new Map(sources.map(({ path, source }) => [path, source.organizeImports().getFullText()]));
}
