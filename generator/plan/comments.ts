/**
 * Text from the spec placed into generated TypeScript comments and strings. A description
 * must never end a comment early (`*\/`) or smuggle code out of it.
 */

/** JSDoc body lines for a description: `*\/` broken apart, line ends normalized. */
export function jsdocLines(...parts: (string | undefined)[]): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    if (part === undefined || part.trim() === '') continue;
    if (lines.length > 0) lines.push('');
    lines.push(...part.trim().split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => line.replace(/\*\//g, '*\\/').trimEnd()));
  }
  return lines;
}

/**
 * A JSON-compatible value as a TypeScript literal. JSON.stringify escapes quotes, backslashes and
 * line ends; U+2028/U+2029 are escaped too: legal in strings since ES2019, but they still end a
 * line for older tools and editors, so a literal stays on one line wherever it is read.
 */
export function literal(value: unknown): string {
  return (JSON.stringify(value) ?? 'undefined').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
