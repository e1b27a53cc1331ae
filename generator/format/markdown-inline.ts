/**
 * Which inline markdown prettier prints back unchanged (with `proseWrap: 'preserve'`), so that
 * markdown-blocks.ts can print a block itself instead of asking prettier. The grammar is narrow on
 * purpose: plain words, `code`, _emphasis_, **strong**, [links](url), [[wiki links]] and [bracketed notes].
 * Anything else (`*` emphasis, HTML, entities, autolinks, math, liquid, escapes other than `\_` and
 * `\|`, double spaces) is left to prettier. test/unit/format/markdown-*.test.ts compare the two.
 */

const URL = /^[A-Za-z0-9._~:/?#%+=,;-]+$/;
const ALPHANUMERIC = /[A-Za-z0-9]/;
const ENTITY = /^&(?:amp|lt|gt|quot|#\d{1,6});/;

/** Where the text stands: a table cell, or a line of a paragraph, heading, quote or list item. */
export type InlineContext = 'cell' | 'line';

/** True when prettier prints `text` (one line, already trimmed) exactly as it is. */
export function isPlainInline(text: string, context: InlineContext): boolean {
  if (text.includes('  ') || /!\[|\{\{|\{%|%\}|\}\}/.test(text)) return false;
  // An empty table cell is plain too.
  if (text === '') return true;
  if (text !== text.trim()) return false;
  for (let i = 0; i < text.length; ) {
    // Most characters are plain and start nothing: skipped here without a call per character.
    const code = text.charCodeAt(i);
    if (isPlainCharacter(code) && !TOKEN_STARTS.has(code)) i++;
    else {
      const next = inlineToken(text, i, context);
      if (next === undefined) return false;
      i = next;
    }
  }
  return true;
}

/**
 * A table cell as prettier prints it: `text` itself when plain, or with each run of spaces between
 * tokens of plain text (not in code spans, links or emphasis) cut to one, as prettier prints a
 * cell's text; undefined when it is not plain either way.
 */
export function printCell(text: string): string | undefined {
  if (isPlainInline(text, 'cell')) return text;
  if (text !== text.trim() || /!\[|\{\{|\{%|%\}|\}\}/.test(text)) return undefined;
  const kept: string[] = [];
  for (let i = 0; i < text.length; ) {
    const next = inlineToken(text, i, 'cell');
    if (next === undefined) return undefined;
    const token = text.slice(i, next);
    // Spaces inside a link or emphasis are prettier's to cut; a code span keeps its own.
    if (!token.startsWith('`') && token.includes('  ')) return undefined;
    if (token !== ' ' || kept[kept.length - 1] !== ' ') kept.push(token);
    i = next;
  }
  return kept.join('');
}

/** The index after the token that starts at `i`, or undefined when the token is not plain. */
function inlineToken(text: string, i: number, context: InlineContext): number | undefined {
  // Most characters are plain and start nothing: one test instead of the list below (as plainCharacter answers for them).
  const code = text.charCodeAt(i);
  if (isPlainCharacter(code) && !TOKEN_STARTS.has(code)) return i + 1;
  if (text.startsWith('`', i)) return codeSpan(text, i, context);
  if (context === 'cell' && text.startsWith('<br>', i)) return i + 4;
  // A bullet that starts a cell's line (oasgen lists response headers so) stays as it is.
  if (context === 'cell' && text.startsWith('* ', i) && (i === 0 || text.endsWith('<br>', i))) return i + 2;
  if (text.startsWith('**', i)) return strong(text, i);
  if (text[i] === '*') return emphasizedAddress(text, i);
  if (text.startsWith('[[', i)) return closed(text, i + 2, ']]', isPlainWords);
  if (text[i] === '[') return bracket(text, i, context);
  if (context === 'cell' && text.startsWith('\\|', i)) return i + 2;
  if (text[i] === '_' && !isIntraword(text, i)) return emphasis(text, i);
  return plainCharacter(text, i);
}

/**
 * `*https://host/path*` between spaces (or at an end): a web address in `*` emphasis, which prettier
 * keeps as written (the address is an autolink, the only child of the emphasis). oasgen writes its
 * docs' base path so. The address is held to characters that cannot end or split an autolink.
 */
function emphasizedAddress(text: string, i: number): number | undefined {
  const match = /^\*((?:https?:\/\/|www\.)[A-Za-z0-9.-]+(?::\d+)?(?:\/[A-Za-z0-9._~/-]*)?)\*/.exec(text.slice(i));
  const end = match ? i + match[0].length : undefined;
  if (!match || /[.-]$/.test(match[1]!) || (i > 0 && text[i - 1] !== ' ') || (end! < text.length && text[end!] !== ' ')) return undefined;
  return end;
}

/** The index after one character of plain text at `i` (`\_` counts as one), or undefined. */
function plainCharacter(text: string, i: number): number | undefined {
  if (text.startsWith('\\_', i)) return i + 2;
  // The entities HTML-escaped descriptions carry; prettier keeps them as written.
  if (text[i] === '&') {
    const entity = ENTITY.exec(text.slice(i, i + 9));
    return entity ? i + entity[0].length : undefined;
  }
  if (text[i] === '_') return isIntraword(text, i) ? i + 1 : undefined;
  // A bare URL or address becomes an autolink.
  const code = text.charCodeAt(i);
  if ((code === 58 && text.startsWith('://', i)) || ((code === 119 || code === 87) && text.slice(i, i + 4).toLowerCase() === 'www.')) return undefined;
  return isPlainCharacter(code) ? i + 1 : undefined;
}

/** Characters that may start a token other than one plain character (see inlineToken and plainCharacter). */
const TOKEN_STARTS = new Set([...'`<*[\\_&:wW'].map((character) => character.charCodeAt(0)));

const PLAIN_PUNCTUATION = new Set([...' .,;:!?\'"()/=+%#{}-'].map((character) => character.charCodeAt(0)));

/**
 * Characters of plain text, by code: ASCII letters, digits and punctuation without markdown meaning,
 * Latin-1 letters, dashes and quotes (the tokenizer's innermost test: no string or regex per character).
 */
export function isPlainCharacter(code: number): boolean {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return true;
  if (code < 128) return PLAIN_PUNCTUATION.has(code);
  return (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7) || (code >= 0x2010 && code <= 0x2027);
}

/** True when `text` is non-empty, trimmed, and `token` reads it whole, token by token. */
function readsWhole(text: string, token: (i: number) => number | undefined): boolean {
  if (text === '' || text !== text.trim()) return false;
  let i = 0;
  while (i < text.length) {
    const next = token(i);
    if (next === undefined) return false;
    i = next;
  }
  return true;
}

/**
 * A code span, fenced by as many backticks as prettier would choose: the fewest that do not occur
 * as a run inside. Its content has no leading or trailing space or backtick.
 */
function codeSpan(text: string, i: number, context: InlineContext): number | undefined {
  const fence = /^`+/.exec(text.slice(i))![0];
  let end = text.indexOf(fence, i + fence.length);
  while (end >= 0 && text[end + fence.length] === '`') end = text.indexOf(fence, /^`+/.exec(text.slice(end))![0].length + end);
  if (end < 0) return undefined;
  const code = text.slice(i + fence.length, end);
  if (code === '' || code !== code.trim() || code.startsWith('`') || code.endsWith('`') || fence.length !== shortestAbsentRun(code)) return undefined;
  // In a table cell a pipe must be escaped, and the escape is the only backslash allowed.
  if (context === 'cell' && /\\(?!\|)|(?<!\\)\|/.test(code)) return undefined;
  if (context === 'line' && code.includes('\\')) return undefined;
  return end + fence.length;
}

/** The length of the shortest run of backticks that `code` does not contain. */
function shortestAbsentRun(code: string): number {
  const runs = new Set((code.match(/`+/g) ?? []).map((run) => run.length));
  let length = 1;
  while (runs.has(length)) length++;
  return length;
}

/** `_words_` between spaces (or the text's ends): emphasis as prettier prints it, when the words have no `_`. */
function emphasis(text: string, i: number): number | undefined {
  if (i > 0 && text[i - 1] !== ' ') return undefined;
  const end = closed(text, i + 1, '_', (words) => !words.includes('\\') && isPlainWords(words));
  return end !== undefined && (end === text.length || text[end] === ' ') ? end : undefined;
}

/** `**words**`, or a code span made strong (`**\`application/json\`**`). */
function strong(text: string, i: number): number | undefined {
  return closed(text, i + 2, '**', (inner) => isPlainWords(inner) || (inner.startsWith('`') && codeSpan(inner, 0, 'line') === inner.length));
}

/** `[text](url)`, `[**text**](url)`, or a bracketed note such as `[optional]` that is not a link. */
function bracket(text: string, i: number, context: InlineContext): number | undefined {
  const end = closingBracket(text, i + 1);
  if (end === undefined) return undefined;
  const label = text.slice(i + 1, end);
  const labelIsPlain = isPlainLabel(label, context) || (label.startsWith('**') && label.endsWith('**') && label.length > 4 && isPlainWords(label.slice(2, -2)));
  if (!labelIsPlain) return undefined;
  const after = text[end + 1];
  if (after === '(') return closed(text, end + 2, ')', (url) => URL.test(url));
  if (after === '[' || after === ':') return undefined;
  return end + 1;
}

/** A link's text: plain words, `[]`, code spans and (in a cell) line breaks, without leading or trailing space. */
function isPlainLabel(label: string, context: InlineContext): boolean {
  return readsWhole(label, (i) => {
    if (label.startsWith('`', i)) return codeSpan(label, i, context);
    if (context === 'cell' && label.startsWith('<br>', i)) return i + 4;
    return label.startsWith('[]', i) ? i + 2 : plainCharacter(label, i);
  });
}

/** The `]` that closes a label starting at `from`; an empty `[]` inside (an array type) is part of it. */
function closingBracket(text: string, from: number): number | undefined {
  for (let j = from; j < text.length; j++) {
    if (text.startsWith('[]', j)) j++;
    else if (text[j] === '[') return undefined;
    else if (text[j] === ']') return j;
  }
  return undefined;
}

/** The index after `close`, when the text between `from` and it passes `accept`. */
function closed(text: string, from: number, close: string, accept: (inner: string) => boolean): number | undefined {
  const end = text.indexOf(close, from);
  if (end < 0 || !accept(text.slice(from, end))) return undefined;
  return end + close.length;
}

/** Non-empty plain text without leading or trailing spaces; `_` only inside a word or escaped; `[]` (an array type). */
function isPlainWords(words: string): boolean {
  return readsWhole(words, (i) => (words.startsWith('[]', i) ? i + 2 : plainCharacter(words, i)));
}

function isIntraword(text: string, i: number): boolean {
  return ALPHANUMERIC.test(text[i - 1] ?? '') && ALPHANUMERIC.test(text[i + 1] ?? '');
}

/** True when a paragraph line may start with this text without starting another kind of block. */
export function startsParagraph(line: string): boolean {
  return /^(?:[A-Za-z(`"'[]|\*\*[^*\s]|&(?:amp|lt|gt|quot|#\d{1,6});)/.test(line);
}
