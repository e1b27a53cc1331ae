import { getLibFiles } from '@ts-morph/common';
import { ts } from '../typescript.js';
import { createHash } from 'node:crypto';
import type { RenderedFile } from '../render/render-files.js';
import { CHECK_OPTIONS as CHECK_JSON_OPTIONS } from './check-options.js';

const ROOT = '/client/';

/** check-options.ts as compiler options, with the incremental state kept in memory (see `typeCheck`). */
const CHECK_OPTIONS: ts.CompilerOptions = {
  ...ts.convertCompilerOptionsFromJson(CHECK_JSON_OPTIONS, ROOT).options,
  incremental: true,
  tsBuildInfoFile: `${ROOT}.tsbuildinfo`,
};

/**
 * JSDoc is parsed only where it can cause a type error, as `tsc` itself does: in TypeScript files
 * JSDoc never changes a type, and generated files are mostly doc comments.
 */
const JSDOC_PARSING = ts.JSDocParsingMode.ParseForTypeErrors;

/** Names the checker: a clean check by another TypeScript version or other options says nothing about this one. */
export const CHECKER = `typescript ${ts.version} ${JSON.stringify(CHECK_OPTIONS)} jsdoc ${JSDOC_PARSING}`;

const LIB_DIR = '/lib/';

export interface TypeCheckResult {
  /** `file:line:col TSnnnn: message`, sorted; empty when the client compiles. */
  problems: string[];
  /** TypeScript's incremental state after this check, for the next run (see generator/cache/). */
  buildInfo?: string;
}

/**
 * Type-checks the TypeScript files as one Program over in-memory files with the TypeScript that
 * ts-morph bundles. Given the build info of an earlier check, TypeScript re-checks only the files
 * whose text (or whose dependencies' declarations) changed and reuses the other files' results.
 *
 * The files named in `shipped` (runtime files exactly as oasgen ships them, which its own tests
 * compile under the same options) are part of the program, so every use of them is checked, but
 * their bodies are not checked again: as for a declaration file under `skipLibCheck`.
 */
export function typeCheck(files: readonly RenderedFile[], previousBuildInfo?: string, shipped: ReadonlySet<string> = new Set()): TypeCheckResult {
  const texts = new Map<string, string>(files.filter((f) => f.path.endsWith('.ts')).map((f) => [ROOT + f.path, f.content]));
  const libs = new Map<string, string>(getLibFiles().map((lib) => [LIB_DIR + lib.fileName, lib.text]));
  const directories = new Set(['', ...[...texts.keys(), LIB_DIR].flatMap(ancestors)]);
  let buildInfo: string | undefined;
  const read = (name: string): string | undefined => texts.get(name) ?? libs.get(name) ?? (name === CHECK_OPTIONS.tsBuildInfoFile ? previousBuildInfo : undefined);
  const host: ts.CompilerHost = {
    jsDocParsingMode: JSDOC_PARSING,
    getSourceFile: (name, language) => {
      const text = read(name);
      if (text === undefined) return undefined;
      const file = ts.createSourceFile(name, text, language);
      // The builder compares versions with the previous build info to know what changed.
      return Object.assign(file, { version: versionOf(text) });
    },
    getDefaultLibFileName: (options) => LIB_DIR + ts.getDefaultLibFileName(options),
    getDefaultLibLocation: () => LIB_DIR,
    writeFile: (name, text) => {
      if (name === CHECK_OPTIONS.tsBuildInfoFile) buildInfo = text;
    },
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    createHash: versionOf,
    fileExists: (name) => read(name) !== undefined,
    readFile: read,
    directoryExists: (name) => directories.has(name.replace(/\/$/, '')),
    getDirectories: () => [],
  };
  const program = ts.createIncrementalProgram({ rootNames: dependenciesFirst(texts), options: CHECK_OPTIONS, host });
  const checked = program.getSourceFiles().filter((file) => file.fileName.startsWith(ROOT) && !shipped.has(file.fileName.slice(ROOT.length)));
  const diagnostics = [...program.getSyntacticDiagnostics(), ...program.getGlobalDiagnostics(), ...checked.flatMap((file) => program.getSemanticDiagnostics(file))];
  const problems = ts.sortAndDeduplicateDiagnostics(diagnostics).map(describe);
  // With noEmit, emit writes only the build info (through host.writeFile).
  if (problems.length === 0) program.emit();
  return buildInfo === undefined ? { problems } : { problems, buildInfo };
}

/**
 * The files in an order where each comes after the files it imports. TypeScript follows imports
 * recursively from each root it has not loaded yet, so a long chain of models (A imports B imports
 * C ...) overflowed the stack at a few thousand files when listed in name order (issue 7).
 */
export function dependenciesFirst(texts: ReadonlyMap<string, string>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const root of [...texts.keys()].sort()) {
    const stack: { path: string; imports: string[] }[] = [];
    const enter = (path: string): void => {
      if (state.has(path) || !texts.has(path)) return;
      state.set(path, 'open');
      stack.push({ path, imports: relativeImports(path, texts.get(path)!) });
    };
    enter(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.imports.pop();
      if (next !== undefined) enter(next);
      else {
        stack.pop();
        state.set(top.path, 'done');
        order.push(top.path);
      }
    }
  }
  return order;
}

/** `/client/apis/A.ts` importing `'../models/B.js'` → `/client/models/B.ts`. */
function relativeImports(path: string, text: string): string[] {
  const base = path.split('/').slice(0, -1);
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '(\.{1,2}\/[^']+)\.js';/gm)].map((match) => {
    const parts = [...base];
    for (const segment of match[1]!.split('/')) {
      if (segment === '..') parts.pop();
      else if (segment !== '.') parts.push(segment);
    }
    return `${parts.join('/')}.ts`;
  });
}

function versionOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** `/client/apis/A.ts` → `/client/apis`, `/client`. */
function ancestors(path: string): string[] {
  const parts = path.split('/').slice(1, -1);
  return parts.map((_, index) => '/' + parts.slice(0, index + 1).join('/'));
}

function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName.replace(ROOT, '')}:${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}
