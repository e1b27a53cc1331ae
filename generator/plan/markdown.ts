/**
 * Spec text placed into markdown. Table cells must keep their columns (`|` and line ends
 * escaped) and no text may inject HTML (`<`, `>` and `&` become entities).
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Inline markdown text: HTML escaped, lines joined with `<br>`, table pipes escaped. */
export function cell(text: string | undefined): string {
  if (text === undefined) return '';
  return escapeHtml(text.trim())
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '<br>');
}

/**
 * A name or title in a table cell or heading: like `cell`, and its markdown punctuation is
 * escaped too, so `__proto__` or `**` show as written instead of turning into emphasis.
 * (Descriptions go through `cell`/`paragraph`: they are CommonMark by the spec, OAS 3.1 §4.6.)
 */
export function plainText(text: string | undefined): string {
  return cell(text?.replace(/[\\`*_[\]#~!]/g, (c) => `\\${c}`));
}

/** A paragraph of spec text: HTML escaped, line structure kept. */
export function paragraph(text: string | undefined): string {
  if (text === undefined) return '';
  return escapeHtml(text.trim()).replace(/\r\n|\r|\u2028|\u2029/g, '\n');
}

/** Where a code span stands: in a table cell (GFM ends a cell at any unescaped `|`, code spans too), or in running text. */
export type CodePlace = 'cell' | 'text';

/**
 * A code span that survives backticks in the code, and pipes in a table cell (`\|`). Outside a
 * table a code span is literal, so there the pipes stay as they are (an escape would show).
 */
export function codeSpan(code: string, place: CodePlace = 'cell'): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${place === 'cell' ? flat.replace(/\|/g, '\\|') : flat}${pad}${fence}`;
}

/** A text for a `// comment` line in an example: one line, no line terminators. */
export function lineComment(text: string | undefined): string {
  return (text ?? '').replace(/[\s\u2028\u2029]+/g, ' ').trim();
}
