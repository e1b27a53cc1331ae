import { randomUUID } from 'node:crypto';
import { access, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

type TypeScript = (typeof import('ts-morph'))['ts'];

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/**
 * Imports a TypeScript config and returns its default export. The config and every local `.ts`
 * or `.mts` file it imports (`./shared.ts`, `./shared.js` meaning `shared.ts` as in NodeNext, or
 * `./shared`) are compiled with the TypeScript compiler ts-morph already ships (no tsx or other
 * loader at run time: the installed package has neither) into temporary `.mjs` files beside their
 * sources, so packages and relative paths resolve as from the sources; they are removed after
 * the import.
 */
export async function importTypeScript(file: string): Promise<unknown> {
  // Loaded here, not at the top: importing the compiler costs ~1 s, and most runs have no .ts config (issue 7).
  const { ts } = await import('ts-morph');
  const compiled = new Map<string, string>();
  try {
    const entry = await compileModule(file, { ts, stamp: `${process.pid}.${randomUUID().slice(0, 8)}`, compiled });
    return ((await import(pathToFileURL(entry).href)) as { default?: unknown }).default;
  } finally {
    await Promise.all([...compiled.values()].map((temp) => rm(temp, { force: true })));
  }
}

interface Compilation {
  ts: TypeScript;
  stamp: string;
  /** Source file → its temporary `.mjs` (set before compiling, so an import cycle ends). */
  compiled: Map<string, string>;
}

/** Compiles one file and, first, the local TypeScript it imports; returns the temporary file. */
async function compileModule(file: string, run: Compilation): Promise<string> {
  const known = run.compiled.get(file);
  if (known !== undefined) return known;
  const temp = resolve(dirname(file), `.${basename(file)}.${run.stamp}.mjs`);
  run.compiled.set(file, temp);
  const { outputText } = run.ts.transpileModule(await readFile(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: run.ts.ModuleKind.ESNext, target: run.ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  // Specifiers read from the compiled JavaScript, so imports of types only (elided) are not followed.
  const edits: { start: number; end: number; text: string }[] = [];
  for (const ref of run.ts.preProcessFile(outputText, true, true).importedFiles) {
    if (!/^\.\.?\//.test(ref.fileName)) continue;
    const source = await localTypeScript(resolve(dirname(file), ref.fileName));
    if (source === undefined) continue;
    const target = await compileModule(source, run);
    const start = outputText.indexOf(ref.fileName, ref.pos);
    edits.push({ start, end: start + ref.fileName.length, text: `./${relative(dirname(file), target).split(sep).join('/')}` });
  }
  const text = edits.reduceRight((out, e) => out.slice(0, e.start) + e.text + out.slice(e.end), outputText);
  await writeFile(temp, text);
  return temp;
}

/** The TypeScript source a relative import means, if it is one: `x.ts`/`x.mts`, `x.js`/`x.mjs` with no such file but a `.ts`/`.mts` one, or `x` with an `x.ts`. */
async function localTypeScript(path: string): Promise<string | undefined> {
  const ext = extname(path);
  if (ext === '.ts' || ext === '.mts') return (await exists(path)) ? path : undefined;
  if (ext === '.js' || ext === '.mjs') {
    if (await exists(path)) return undefined;
    const ts = path.slice(0, -ext.length) + (ext === '.js' ? '.ts' : '.mts');
    return (await exists(ts)) ? ts : undefined;
  }
  if (ext === '' && (await exists(`${path}.ts`))) return `${path}.ts`;
  return undefined;
}
