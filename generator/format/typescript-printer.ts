/**
 * Prettier's output for the TypeScript oasgen's templates write, without prettier: imports and
 * exports, interfaces, type aliases, constants, API classes and the docs' examples, with their
 * comments. The file is parsed with TypeScript and printed (doc-printer.ts, print-doc.ts) from the same
 * documents prettier 3 builds for those nodes. A file with anything else (another statement or
 * type, a comment somewhere other than before a statement, member or property, a layout reproduced
 * only while it fits), or whose printed tokens differ from its own, is `undefined`, and
 * format-files.ts gives it to prettier. `test/real-specs/` and the format-stage fuzz test hold the
 * result to prettier's, file by file.
 */
import { ts } from '../typescript.js';
import { Unprintable, hardline } from './doc-printer.js';
import { printDoc } from './print-doc.js';
import { SourceText, type PrintedParts, type TypeScriptStyle } from './typescript-source.js';
import { printStatements } from './typescript-statements.js';

export type { PrintedParts, TypeScriptStyle } from './typescript-source.js';

/** `text` formatted as prettier formats it with `style`, or undefined when this printer does not reproduce it. */
export function printTypeScript(text: string, style: TypeScriptStyle, onUnprintable?: (reason: string) => void, parts?: PrintedParts): string | undefined {
  // A `\u` escape may stand in a name, which is printed from its value here.
  if (/\r|^\uFEFF|^#!|\\u|prettier-ignore|@format|@prettier/.test(text)) return undefined;
  const file = ts.createSourceFile('file.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, ts.ScriptKind.TS);
  if ((file as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0 || file.statements.length === 0) return undefined;
  const source = new SourceText(text, file, style, parts);
  try {
    const printed = printDoc([printStatements(source, file.statements), hardline], style.printWidth);
    // Every comment printed, and no token dropped or added: else prettier prints the file.
    const kept = source.keptIn(printed);
    if (kept === 'yes') return printed;
    onUnprintable?.(kept === 'a comment' ? 'a comment in a place of its own' : 'a token the printer would drop');
    return undefined;
  } catch (error) {
    if (error instanceof Unprintable) {
      onUnprintable?.(error.message);
      return undefined;
    }
    throw error;
  }
}

