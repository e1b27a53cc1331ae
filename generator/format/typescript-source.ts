import { ts } from '../typescript.js';
import { Unprintable, hardline, join, line, verbatim, type Doc } from './doc-printer.js';
import { quickSameTokens } from './quick-tokens.js';

/** The prettier options typescript-printer.ts follows (the rest must be prettier's defaults). */
export interface TypeScriptStyle {
  printWidth: number;
  singleQuote: boolean;
  /** Prettier's `trailingComma`: `es5` puts one after the last entry of a broken object, array or import list; `all` also after arguments and parameters. */
  trailingComma: 'none' | 'es5' | 'all';
}

/**
 * Printed parts of files kept across files and runs, by the part's source text: a class member
 * (with its leading trivia) as `<comments>\n<printed text>`, printed at the class body's indent.
 */
export interface PrintedParts {
  get(source: string): string | undefined;
  set(source: string, printed: string): void;
}

/**
 * One TypeScript file being printed: its text and parse, the style, and the comments printed so
 * far, so that a file with a comment somewhere the printer does not place comments, or whose
 * printed tokens differ from its own, is left to prettier (`keptIn`).
 */
export class SourceText {
  printedComments = 0;

  constructor(
    readonly text: string,
    readonly file: ts.SourceFile,
    readonly style: TypeScriptStyle,
    /** Class members printed before, by their source text (typescript-classes.ts). */
    readonly parts?: PrintedParts,
  ) {}

  /**
   * The node `node` is a child of. The file is parsed without parent pointers (setting them costs
   * about a third of the parse); the few layouts that depend on the parent find it from the root.
   */
  parentOf(node: ts.Node): ts.Node {
    let parent: ts.Node = this.file;
    for (;;) {
      let inner: ts.Node | undefined;
      const found = ts.forEachChild(parent, (child) => {
        if (child === node) return true;
        if (inner === undefined && child.pos <= node.pos && node.end <= child.end) inner = child;
        return undefined;
      });
      if (found) return parent;
      if (!inner) throw new Error('the node is not in this file');
      parent = inner;
    }
  }

  /**
   * `doc` after the comments that lead `node`, as prettier prints comments on their own lines
   * before a statement, member or property (each followed by a line break, a blank line kept).
   */
  withLeadingComments(node: ts.Node, doc: Doc): Doc {
    // TypeScript names the comments on the line of the token before `node` its trailing comments.
    const sameLine = node.pos > 0 ? (ts.getTrailingCommentRanges(this.text, node.pos) ?? []) : [];
    const ranges = [...sameLine, ...(ts.getLeadingCommentRanges(this.text, node.pos) ?? [])];
    if (ranges.length === 0) return doc;
    const parts: Doc[] = [];
    for (const [i, range] of ranges.entries()) {
      const before = i === 0 ? node.pos : ranges[i - 1]!.end;
      const ownLine = before === 0 || this.text.slice(before, range.pos).includes('\n');
      if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) {
        // A line comment after code on its line is that code's trailing comment for prettier.
        if (!ownLine) throw new Unprintable('a trailing comment');
        parts.push(this.comment(range), hardline);
      } else if (this.hasNewline(range.end)) {
        if (!ownLine) throw new Unprintable('a trailing comment');
        parts.push(this.comment(range), this.hasNewlineBefore(range.pos) ? hardline : line);
      } else {
        // `{ /** doc */ name: T }`: code follows on the comment's line, so prettier keeps it there.
        const raw = this.text.slice(range.pos, range.end);
        if (i !== ranges.length - 1 || raw.includes('\n') || /\S/.test(this.text.slice(range.end, node.getStart(this.file)))) throw new Unprintable('a comment between code');
        parts.push(raw, ' ');
      }
      const next = this.skipNewline(this.skipSpaces(range.end));
      if (next !== undefined && this.hasNewline(next)) parts.push(hardline);
    }
    this.printedComments += ranges.length;
    return [...parts, doc];
  }

  /** A comment as prettier prints it: JSDoc-style block comments re-indented line by line. */
  private comment(range: ts.CommentRange): Doc {
    const raw = this.text.slice(range.pos, range.end);
    if (range.kind === ts.SyntaxKind.SingleLineCommentTrivia) return verbatim(raw.trimEnd());
    const value = raw.slice(2, -2);
    const lines = value.split('\n');
    if (lines.length === 1) return verbatim(raw);
    if (!`*${value}*`.split('\n').every((text) => text.trimStart().startsWith('*'))) throw new Unprintable('a block comment printed as written');
    const printed = lines.map((text, i) => verbatim(i === 0 ? text.trimEnd() : ` ${i < lines.length - 1 ? text.trim() : text.trimStart()}`));
    return [verbatim('/*'), join(hardline, printed), verbatim('*/')];
  }

  /** Whether the line after the one `end` is on holds only blanks (prettier's isNextLineEmpty). */
  isNextLineEmpty(end: number): boolean {
    let index = end;
    for (let previous = -1; index !== previous; ) {
      previous = index;
      while (index < this.text.length && ',; \t'.includes(this.text[index]!)) index++;
      if (this.text.startsWith('/*', index)) {
        const close = this.text.indexOf('*/', index + 2);
        if (close >= 0) index = close + 2;
      }
      index = this.skipSpaces(index);
    }
    if (this.text.startsWith('//', index)) while (index < this.text.length && this.text[index] !== '\n') index++;
    const next = this.skipNewline(index);
    return next !== undefined && this.hasNewline(next);
  }

  /** The comma a broken list ends with: `es5` lists (objects, arrays, imports) or `all` lists (arguments, parameters). */
  trailingComma(level: 'es5' | 'all'): string {
    const { trailingComma } = this.style;
    return trailingComma === 'all' || (trailingComma === 'es5' && level === 'es5') ? ',' : '';
  }

  /** Whether a line break comes between `from` and `to` (prettier keeps such objects broken). */
  hasNewlineBetween(from: number, to: number): boolean {
    return this.text.slice(from, to).includes('\n');
  }

  /**
   * Whether `printed` holds this file's tokens and all its comments (`printedComments`): the check
   * that printing dropped or added nothing, whatever the layout (see `sameTokens`).
   */
  keptIn(printed: string): 'yes' | 'a comment' | 'a token' {
    const quick = quickSameTokens(this.text, printed);
    if (quick) return quick.comments === this.printedComments ? 'yes' : 'a comment';
    const { same, comments } = sameTokens(this.text, printed);
    return comments !== this.printedComments ? 'a comment' : same ? 'yes' : 'a token';
  }

  private skipSpaces(index: number): number {
    while (index < this.text.length && (this.text[index] === ' ' || this.text[index] === '\t')) index++;
    return index;
  }

  private skipNewline(index: number): number | undefined {
    return this.text[index] === '\n' ? index + 1 : undefined;
  }

  private hasNewline(index: number): boolean {
    return this.text[this.skipSpaces(index)] === '\n';
  }

  private hasNewlineBefore(index: number): boolean {
    let i = index - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    return i >= 0 && this.text[i] === '\n';
  }
}

/**
 * Whether `original` and `printed` read as the same tokens, less those prettier may add, drop or
 * respell: `;` `,` `(` `)` `|`, and quotes and escapes (a string is its value, a number its numeric
 * value, a quoted name its name). Scanned side by side, with the comments of `original` counted.
 */
export function sameTokens(original: string, printed: string): { same: boolean; comments: number } {
  const left = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, original);
  const right = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, printed);
  const counter = { comments: 0 };
  for (;;) {
    const a = nextToken(left, counter);
    const b = nextToken(right, { comments: 0 });
    if (a !== b) return { same: false, comments: counter.comments };
    if (a === '') return { same: true, comments: counter.comments };
  }
}

/** The next significant token of `scanner`, normalized; '' at the end. */
function nextToken(scanner: ts.Scanner, counter: { comments: number }): string {
  for (;;) {
    const token = scanner.scan();
    switch (token) {
      case ts.SyntaxKind.EndOfFileToken:
        return '';
      case ts.SyntaxKind.SingleLineCommentTrivia:
      case ts.SyntaxKind.MultiLineCommentTrivia:
        counter.comments++;
        break;
      case ts.SyntaxKind.WhitespaceTrivia:
      case ts.SyntaxKind.NewLineTrivia:
      case ts.SyntaxKind.SemicolonToken:
      case ts.SyntaxKind.CommaToken:
      case ts.SyntaxKind.OpenParenToken:
      case ts.SyntaxKind.CloseParenToken:
      case ts.SyntaxKind.BarToken:
        break;
      case ts.SyntaxKind.StringLiteral: {
        const value = scanner.getTokenValue();
        return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(value) ? value : JSON.stringify(value);
      }
      case ts.SyntaxKind.NumericLiteral:
        return `#${Number(scanner.getTokenValue())}`;
      default:
        return scanner.getTokenText();
    }
  }
}
