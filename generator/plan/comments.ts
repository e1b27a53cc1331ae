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

/** A JSON-compatible value as a TypeScript literal. JSON.stringify escapes quotes, backslashes and line ends. */
export function literal(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
}
