import { ts } from '../typescript.js';
import { createHash } from 'node:crypto';

/**
 * A hash of a TypeScript file's tokens, without its comments and whitespace: two texts with the same
 * fingerprint differ only in comments and layout, which cannot change what the type checker says.
 * Undefined when comments could matter (`@ts-` directives, `/// <reference>`), or the scan fails.
 *
 * Regular expressions and template literals are told apart from division and braces the way a
 * parser would: a `/` after something that ends an expression divides, otherwise it opens a regular
 * expression; a `}` closing a template substitution continues the template.
 */
export function codeFingerprint(text: string): string | undefined {
  if (/@ts-|\/\/\/\s*</.test(text)) return undefined;
  let failed = false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text, () => {
    failed = true;
  });
  const hash = createHash('sha1');
  const substitutions: boolean[] = []; // per open brace: does it close a template substitution?
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === ts.SyntaxKind.SlashToken || kind === ts.SyntaxKind.SlashEqualsToken) && !endsExpression(previous)) kind = scanner.reScanSlashToken();
    if (kind === ts.SyntaxKind.OpenBraceToken) substitutions.push(false);
    else if (kind === ts.SyntaxKind.TemplateHead) substitutions.push(true);
    else if (kind === ts.SyntaxKind.CloseBraceToken && substitutions.pop() === true) {
      kind = scanner.reScanTemplateToken(false);
      if (kind === ts.SyntaxKind.TemplateMiddle) substitutions.push(true);
    }
    if (kind === ts.SyntaxKind.Unknown || failed) return undefined;
    hash.update(`${kind}\0${scanner.getTokenText()}\0`);
    previous = kind;
  }
  return failed || substitutions.length > 0 ? undefined : hash.digest('base64url');
}

/** Can a token of this kind end an expression (so that a `/` after it divides)? */
function endsExpression(kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.PrivateIdentifier:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateTail:
    case ts.SyntaxKind.CloseParenToken:
    case ts.SyntaxKind.CloseBracketToken:
    case ts.SyntaxKind.CloseBraceToken:
    case ts.SyntaxKind.PlusPlusToken:
    case ts.SyntaxKind.MinusMinusToken:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
      return true;
    default:
      return false;
  }
}
