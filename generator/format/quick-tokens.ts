/**
 * A quick form of typescript-source.ts's `sameTokens` for the TypeScript oasgen's templates write:
 * the printer checks every file it prints by comparing its tokens with the original's, and
 * TypeScript's scanner made that check a fifth of the printing (OpenAI's client: ~230 ms). This
 * scanner reads plain ASCII code, strings and comments in one pass without a scanner object per
 * token. It only ever answers "the same": any text it does not read (a template literal, a
 * character outside ASCII in code, an escape it does not decode) or any difference is left to the
 * exact check, so it can make a file slower, never let a changed one through.
 */

/** The tokens of `original` and `printed` (as `sameTokens` normalizes them) and the comments of `original`; undefined when either cannot be read here. */
export function quickSameTokens(original: string, printed: string): { comments: number } | undefined {
  const left = quickTokens(original);
  if (!left) return undefined;
  const right = quickTokens(printed);
  if (!right || right.tokens.length !== left.tokens.length) return undefined;
  for (let i = 0; i < left.tokens.length; i++) if (left.tokens[i] !== right.tokens[i]) return undefined;
  return { comments: left.comments };
}

const enum Char {
  Tab = 9,
  LineFeed = 10,
  VerticalTab = 11,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  DoubleQuote = 34,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Comma = 44,
  Dot = 46,
  Slash = 47,
  Semicolon = 59,
  Backslash = 92,
  Bar = 124,
}

/** Characters an operator token is made of; a run of them is one token here. */
const OPERATOR = new Set([...'=<>!&*+-/%^?.:~|@#'].map((character) => character.charCodeAt(0)));
/** Brackets, each a token of its own. */
const BRACKET = new Set([...'{}[]'].map((character) => character.charCodeAt(0)));

/**
 * The significant tokens of `text`: names and keywords as written, strings by value (a name-like
 * value bare, else JSON), numbers by numeric value, runs of operator characters, brackets; spaces,
 * line breaks, `;` `,` `(` `)` and a lone `|` dropped, as `sameTokens` drops them. Undefined for a
 * text this scanner does not read.
 */
export function quickTokens(text: string): { tokens: string[]; comments: number } | undefined {
  const tokens: string[] = [];
  let comments = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === Char.Space || c === Char.LineFeed || c === Char.Tab || c === Char.CarriageReturn || c === Char.VerticalTab || c === Char.FormFeed) i++;
    else if (c === Char.Semicolon || c === Char.Comma || c === Char.OpenParen || c === Char.CloseParen) i++;
    else if (c === Char.Slash && text.charCodeAt(i + 1) === Char.Slash) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
      comments++;
    } else if (c === Char.Slash && text.charCodeAt(i + 1) === Char.Asterisk) {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return undefined;
      i = end + 2;
      comments++;
    } else if (c === Char.SingleQuote || c === Char.DoubleQuote) {
      const end = stringEnd(text, i, c);
      if (end === undefined) return undefined;
      const value = stringValue(text.slice(i + 1, end));
      if (value === undefined) return undefined;
      tokens.push(/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value) ? value : JSON.stringify(value));
      i = end + 1;
    } else if (isDigit(c) || (c === Char.Dot && isDigit(text.charCodeAt(i + 1)))) {
      const end = numberEnd(text, i);
      const value = Number(text.slice(i, end).replace(/_/g, ''));
      if (Number.isNaN(value)) return undefined;
      tokens.push(`#${value}`);
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < text.length && isNamePart(text.charCodeAt(end))) end++;
      tokens.push(text.slice(i, end));
      i = end;
    } else if (BRACKET.has(c)) {
      tokens.push(text[i]!);
      i++;
    } else if (OPERATOR.has(c)) {
      let end = i + 1;
      while (end < text.length && OPERATOR.has(text.charCodeAt(end)) && !startsComment(text, end)) end++;
      if (end - i !== 1 || c !== Char.Bar) tokens.push(text.slice(i, end));
      i = end;
    } else return undefined; // a template literal, a name escape, a character outside ASCII
  }
  return { tokens, comments };
}

/** The index of the quote that closes the string opened at `open`, or undefined (a line break first, or the end). */
function stringEnd(text: string, open: number, quote: number): number | undefined {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i;
    if (c === Char.Backslash) i++;
    else if (c === Char.LineFeed || c === Char.CarriageReturn) return undefined;
  }
  return undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', "'": "'", '"': '"', '\\': '\\' };

/** The value of a string literal's body, or undefined for an escape not decoded here (octal, a line continuation). */
function stringValue(body: string): string | undefined {
  if (!body.includes('\\')) return body;
  let value = '';
  for (let i = 0; i < body.length; i++) {
    const character = body[i]!;
    if (character !== '\\') {
      value += character;
      continue;
    }
    const next = body[++i]!;
    if (next in SIMPLE_ESCAPES) value += SIMPLE_ESCAPES[next];
    else if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(body.slice(i + 1, i + 3))) {
      value += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(body.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (/[0-9xu\r\n\u2028\u2029]/.test(next)) return undefined;
    else value += next;
  }
  return value;
}

/** The end of the numeric literal at `start`: digits, letters (hex, exponents, separators), a dot, and the sign of a decimal exponent. */
function numberEnd(text: string, start: number): number {
  const hex = text.charCodeAt(start) === 48 && /[xX]/.test(text[start + 1] ?? '');
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (isNamePart(c) || c === Char.Dot) end++;
    else if ((c === 43 || c === 45) && !hex && /[eE]/.test(text[end - 1]!)) end++;
    else break;
  }
  return end;
}

function startsComment(text: string, index: number): boolean {
  return text.charCodeAt(index) === Char.Slash && (text.charCodeAt(index + 1) === Char.Slash || text.charCodeAt(index + 1) === Char.Asterisk);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function isNamePart(c: number): boolean {
  return isNameStart(c) || isDigit(c);
}
