import { ModuleKind, ModuleResolutionKind, Project, ScriptTarget, ts } from 'ts-morph';
import type { RenderedFile } from '../render/render-files.js';

/** The rendered TypeScript does not compile: a template (built-in or the user's) produced invalid code. */
export class GeneratedCodeError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`the generated client does not type-check (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.slice(0, 20).join('\n')}`);
    this.name = 'GeneratedCodeError';
  }
}

/** The compiler options the generated client is checked with: strict, ES2022, DOM-style globals. */
const CHECK_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ScriptTarget.ES2022,
  module: ModuleKind.ESNext,
  moduleResolution: ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts', 'lib.dom.asynciterable.d.ts'],
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  verbatimModuleSyntax: true,
};

/**
 * Loads the rendered TypeScript into an in-memory ts-morph project, organizes imports in the
 * files templates wrote (runtime files are copied verbatim and left alone), then type-checks
 * the whole client so a broken template fails generation here instead of in the user's build.
 */
export function postprocess(files: RenderedFile[], runtimeFiles: ReadonlySet<string>): RenderedFile[] {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: CHECK_OPTIONS, skipAddingFilesFromTsConfig: true });
  const sources = files.filter((f) => f.path.endsWith('.ts')).map((f) => ({ file: f, source: project.createSourceFile(`/client/${f.path}`, f.content) }));
  const organized = new Map<string, string>();
  for (const { file, source } of sources) {
    if (runtimeFiles.has(file.path) || !hasImports(file.content)) continue;
    source.organizeImports();
    organized.set(file.path, source.getFullText());
  }
  const program = project.getProgram().compilerObject;
  const problems = ts.sortAndDeduplicateDiagnostics([...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics()]).map(describe);
  if (problems.length > 0) throw new GeneratedCodeError(problems);
  return files.map((f) => ({ path: f.path, content: organized.get(f.path) ?? f.content }));
}

function hasImports(content: string): boolean {
  return /^import /m.test(content);
}

function describe(diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code}: ${message}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${diagnostic.file.fileName.replace(/^\/client\//, '')}:${line + 1}:${character + 1} TS${diagnostic.code}: ${message}`;
}
