/**
 * What TypeScript's "organize imports" does to the files our templates write, done on text: the plan
 * already decides every import (one declaration per module and kind, names sorted, none unused), so
 * only their order is left. Running the language service per file cost seconds on large specs
 * (issue 7). A file whose imports this cannot prove simple returns `undefined`, and the caller falls
 * back to the language service for it.
 */

/** One `import [type] { A, B } from 'x';` line, the only shape the imports partial writes. */
const IMPORT_LINE = /^import (type )?\{ ([\w$]+(?:, [\w$]+)*) \} from '([^']+)';$/;

interface ImportLine {
  text: string;
  typeOnly: boolean;
  names: string[];
  from: string;
}

/** The file with its leading import block sorted as organizeImports would, or undefined when unsure. */
export function sortImports(content: string): string | undefined {
  const lines = content.split('\n');
  const start = lines.findIndex((line) => line.startsWith('import '));
  if (start < 0) return content;
  let end = start;
  while (end < lines.length && lines[end]!.startsWith('import ')) end += 1;
  const parsed = lines.slice(start, end).map(parseImportLine);
  if (parsed.some((p) => p === undefined)) return undefined;
  const imports = parsed as ImportLine[];
  const rest = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  if (/^\s*import[\s{('"*]/m.test(lines.slice(end).join('\n'))) return undefined;
  if (!isSimple(imports, rest)) return undefined;
  const compare = detectComparer(imports.map((i) => i.from));
  const sorted = [...imports].sort((a, b) => compare(a.from, b.from) || Number(b.typeOnly) - Number(a.typeOnly));
  return [...lines.slice(0, start), ...sorted.map((i) => i.text), ...lines.slice(end)].join('\n');
}

function parseImportLine(text: string): ImportLine | undefined {
  const match = IMPORT_LINE.exec(text);
  if (!match) return undefined;
  return { text, typeOnly: match[1] !== undefined, names: match[2]!.split(', '), from: match[3]! };
}

/**
 * Nothing for organizeImports to merge, reorder inside braces or remove: one declaration per module
 * and kind, relative specifiers only, names sorted both ways, each name used in the rest of the file.
 */
function isSimple(imports: readonly ImportLine[], rest: string): boolean {
  const seen = new Set<string>();
  const used = namesIn(rest);
  for (const i of imports) {
    const key = `${i.typeOnly}:${i.from}`;
    if (seen.has(key) || !i.from.startsWith('.')) return false;
    seen.add(key);
    if (!isSorted(i.names, compareOrdinal) || !isSorted(i.names, compareIgnoringCase)) return false;
    if (i.names.some((name) => !used.has(name))) return false;
  }
  return true;
}

/**
 * The words of `text` that can name an import: whole runs of name characters not after a `.` (a
 * property of something else). One pass per file: a search per imported name made a 1 MB API class
 * with 500 imports (Stripe's) cost 0.15 s.
 */
function namesIn(text: string): Set<string> {
  return new Set(text.match(/(?<![\w$.])[\w$]+/g) ?? []);
}

function isSorted(values: readonly string[], compare: (a: string, b: string) => number): boolean {
  return values.every((value, index) => index === 0 || compare(values[index - 1]!, value) <= 0);
}

/** TypeScript's `compareStringsCaseSensitive`. */
export function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** TypeScript's `compareStringsCaseInsensitiveEslintCompatible`: lower-cased, then ordinal. */
export function compareIgnoringCase(a: string, b: string): number {
  return compareOrdinal(a.toLowerCase(), b.toLowerCase());
}

/**
 * organizeImports keeps the case rule the existing order follows best (fewest inversions), the
 * case-insensitive one on a tie (TypeScript's `detectModuleSpecifierCaseBySort`).
 */
function detectComparer(specifiers: readonly string[]): (a: string, b: string) => number {
  const inversions = (compare: (a: string, b: string) => number): number => specifiers.filter((s, i) => i > 0 && compare(specifiers[i - 1]!, s) > 0).length;
  return inversions(compareOrdinal) < inversions(compareIgnoringCase) ? compareOrdinal : compareIgnoringCase;
}
