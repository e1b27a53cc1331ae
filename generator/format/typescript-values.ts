import { ts } from '../typescript.js';
import { Unprintable, breakParent, conditionalGroup, group, hardline, ifBreak, indent, indentIfBreak, join, line, softline, willBreak, type Doc } from './doc-printer.js';
import type { SourceText } from './typescript-source.js';
import { printType, printTypeArguments } from './typescript-types.js';

/** A string literal in the quotes prettier picks: the preferred one unless the text holds more of it than of the other. */
export function printString(source: SourceText, literal: ts.StringLiteral): string {
  const raw = literal.getText(source.file);
  const content = raw.slice(1, -1);
  const preferred = source.style.singleQuote ? "'" : '"';
  const alternate = preferred === "'" ? '"' : "'";
  const enclosing = count(content, preferred) > count(content, alternate) ? alternate : preferred;
  const escaped = content.replace(/\\(.)|(["'])/gs, (match, escape: string | undefined, quote: string | undefined) => {
    if (escape === alternateOf(enclosing)) return escape;
    if (quote === enclosing) return `\\${quote}`;
    return quote ?? match;
  });
  return `${enclosing}${escaped}${enclosing}`;
}

function alternateOf(quote: string): string {
  return quote === "'" ? '"' : "'";
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** A decimal number as prettier prints it (lower case, no `+` or leading zeros in the exponent, no trailing zeros). */
export function printNumber(raw: string): string {
  if (!/^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(raw)) throw new Unprintable('a number other than decimal');
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, '$1$2')
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, '$1')
    .replace(/(\.\d+?)0+(?=e|$)/, '$1')
    .replace(/\.(?=e|$)/, '');
}

/** A property name: quoted only when it has to be (`quoteProps: as-needed`). */
export function printPropertyName(source: SourceText, name: ts.PropertyName): string {
  if (ts.isIdentifier(name)) return name.text;
  if (!ts.isStringLiteral(name)) throw new Unprintable('a computed or numeric property name');
  const printed = printString(source, name);
  return printed.slice(1, -1) === name.text && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name.text) ? name.text : printed;
}

/** The value expressions of generated constants and examples: literals, names, objects, arrays, `as const`. */
export function printExpression(source: SourceText, node: ts.Expression): Doc {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
      return printString(source, node as ts.StringLiteral);
    case ts.SyntaxKind.NumericLiteral:
      return printNumber(node.getText(source.file));
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const { operator, operand } = node as ts.PrefixUnaryExpression;
      if (operator !== ts.SyntaxKind.MinusToken || !ts.isNumericLiteral(operand)) throw new Unprintable('a unary expression');
      return ['-', printNumber(operand.getText(source.file))];
    }
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
      return ts.tokenToString(node.kind)!;
    case ts.SyntaxKind.Identifier:
      return (node as ts.Identifier).text;
    case ts.SyntaxKind.PropertyAccessExpression:
      return printPropertyPath(node);
    case ts.SyntaxKind.ElementAccessExpression: {
      const { expression, argumentExpression, questionDotToken } = node as ts.ElementAccessExpression;
      if (questionDotToken || !ts.isIdentifier(expression) || !ts.isStringLiteral(argumentExpression)) throw new Unprintable('an element access');
      return [expression.text, group(['[', indent([softline, printString(source, argumentExpression)]), softline, ']'], { bailOnBreak: true })];
    }
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
      return printCall(source, node);
    case ts.SyntaxKind.BinaryExpression:
      return printLogical(source, node as ts.BinaryExpression);
    case ts.SyntaxKind.AwaitExpression: {
      const { expression } = node as ts.AwaitExpression;
      const parent = source.parentOf(node);
      if (!ts.isVariableDeclaration(parent) && !ts.isExpressionStatement(parent)) throw new Unprintable('await in a place of its own');
      return ['await ', printExpression(source, expression)];
    }
    case ts.SyntaxKind.ObjectLiteralExpression:
      return printObject(source, node as ts.ObjectLiteralExpression);
    case ts.SyntaxKind.ArrayLiteralExpression:
      return printArray(source, node as ts.ArrayLiteralExpression);
    case ts.SyntaxKind.AsExpression: {
      const { expression, type } = node as ts.AsExpression;
      if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || type.typeName.text !== 'const' || type.typeArguments) throw new Unprintable('an as expression');
      return [printExpression(source, expression), ' as const'];
    }
    case ts.SyntaxKind.SatisfiesExpression: {
      const { expression, type } = node as ts.SatisfiesExpression;
      if (!ts.isVariableDeclaration(source.parentOf(node))) throw new Unprintable('satisfies in a place of its own');
      return [printExpression(source, expression), ' satisfies ', printType(source, type)];
    }
    default:
      throw new Unprintable(`expression ${ts.SyntaxKind[node.kind]}`);
  }
}

/** `{ a: 1, b: 2 }`, broken one property a line when it does not fit or was written broken. */
function printObject(source: SourceText, node: ts.ObjectLiteralExpression): Doc {
  const { properties } = node;
  // A comment inside `{}` is not printed here, so the comment count leaves such a file to prettier.
  if (properties.length === 0) return '{}';
  const parts: Doc[] = [];
  properties.forEach((property, i) => {
    if (!ts.isPropertyAssignment(property)) throw new Unprintable('an object member other than a property');
    const key = printPropertyName(source, property.name);
    parts.push(group(source.withLeadingComments(property, printAssignment(source, key, ':', property.initializer, 'property'))));
    if (i < properties.length - 1) parts.push(',', line, source.isNextLineEmpty(property.end) ? hardline : '');
  });
  const preserveBreak = source.hasNewlineBetween(node.getStart(source.file), properties[0]!.getStart(source.file));
  return group(['{', indent([line, ...parts]), ifBreak(source.trailingComma('es5')), line, '}'], { break: preserveBreak });
}

/**
 * `[a, b]`, broken one element a line when it does not fit, and always when it holds more than one
 * object (or array) of more than one entry (prettier's printArrayItems). An array of numbers breaks
 * as a fill, left to prettier.
 */
function printArray(source: SourceText, node: ts.ArrayLiteralExpression): Doc {
  const { elements } = node;
  if (elements.length === 0) return '[]';
  const entries = (element: ts.Expression): number => (ts.isObjectLiteralExpression(element) ? element.properties.length : ts.isArrayLiteralExpression(element) ? element.elements.length : 0);
  const first = elements[0]!;
  const alwaysBreak = elements.length > 1 && elements.every((element) => element.kind === first.kind && entries(element) > 1);
  const numbers = isNumberArray(node);
  const parts: Doc[] = [];
  elements.forEach((element, i) => {
    parts.push(group(printExpression(source, element)));
    if (i < elements.length - 1) parts.push(',', line, source.isNextLineEmpty(element.end) ? softline : '');
  });
  return group(['[', indent([softline, ...parts, ifBreak(source.trailingComma('es5'))]), softline, ']'], { break: alwaysBreak, bailOnBreak: numbers });
}

/**
 * `left operator right` in the layout prettier's printAssignment chooses for the right-hand sides
 * printed here: after the operator a string breaks to the next line (unless the key is short),
 * other values stay on the line and break inside themselves ("fluid").
 */
export function printAssignment(source: SourceText, left: Doc, operator: string, right: ts.Expression, kind: 'property' | 'variable'): Doc {
  const shortKey = kind === 'property' && typeof left === 'string' && left.length < 2 + 3;
  return printAssignmentLayout(left, operator, right, shortKey, printExpression(source, right), source.style.printWidth);
}

/** An alias `type Name = …`: a union that does not hug breaks after the `=`, anything else is "fluid". */
export function printAliasAssignment(left: Doc, right: ts.TypeNode, printed: Doc, breakAfterOperator: boolean): Doc {
  if (breakAfterOperator) return group([group(left), ' =', group(indent([line, printed]))]);
  return printAssignmentLayout(left, ' =', right, false, printed, 0);
}

function printAssignmentLayout(left: Doc, operator: string, right: ts.Node, shortKey: boolean, printed: Doc, printWidth: number): Doc {
  const leftGroup = group(left);
  const unwrapped = ts.isPrefixUnaryExpression(right) ? right.operand : ts.isAwaitExpression(right) ? right.expression : right;
  // A string, or a property path (`a.b`, which prettier takes for a member chain), moves to the next line.
  if (ts.isBinaryExpression(right) || (!shortKey && (ts.isStringLiteral(unwrapped) || isMemberChain(unwrapped, printWidth / 4)))) return group([leftGroup, operator, group(indent([line, printed]))]);
  if (shortKey || right.kind === ts.SyntaxKind.TrueKeyword || right.kind === ts.SyntaxKind.FalseKeyword || ts.isNumericLiteral(right)) {
    if (canBreak(left)) throw new Unprintable('a left side that can break');
    return group([leftGroup, operator, ' ', printed]);
  }
  const id = Symbol('assignment');
  return group([leftGroup, operator, group(indent(line), { id }), indentIfBreak(printed, id)]);
}

/**
 * prettier's isMemberExpressionChain: a property path (`a.b`, `a['b']`), or a call of one with no
 * argument or one short name (`api.get(params)`, at most a quarter of the print width). Such a value
 * moves to the next line after `=`. (A type alias's right side is never one: `shortName` is 0 there.)
 */
function isMemberChain(node: ts.Node, shortName: number, inner = false): boolean {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return isMemberChain(node.expression, shortName, true);
  if (ts.isCallExpression(node)) {
    const [arg] = node.arguments;
    const short = node.arguments.length === 0 || (node.arguments.length === 1 && ts.isIdentifier(arg!) && arg.text.length <= shortName);
    if (!short || node.typeArguments) throw new Unprintable('a call as a value');
    return isMemberChain(node.expression, shortName, inner);
  }
  return inner && (ts.isIdentifier(node) || node.kind === ts.SyntaxKind.ThisKeyword);
}

function canBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (Array.isArray(doc)) return (doc as readonly Doc[]).some(canBreak);
  const command = doc as Exclude<Doc, string | readonly Doc[]>;
  if (command.kind === 'line') return true;
  return 'contents' in command ? canBreak(command.contents) : false;
}

/** `a.b` or `this.b`: prettier keeps a one-step path on its line; longer ones may break, and are left to it. */
function printPropertyPath(node: ts.Node): string {
  if (!ts.isPropertyAccessExpression(node) || node.questionDotToken || !ts.isIdentifier(node.name)) throw new Unprintable('a member expression');
  const object = node.expression;
  if (ts.isIdentifier(object)) return `${object.text}.${node.name.text}`;
  if (object.kind === ts.SyntaxKind.ThisKeyword) return `this.${node.name.text}`;
  throw new Unprintable('a member chain');
}

/**
 * A call or `new` of a name, `super` or a one-step property path (`console.log(x)`,
 * `this.request<T>({ … }, options)`), with prettier's printCallArguments: the arguments on the line,
 * else one a line; a last object or array argument hugged (`f(a, {` … `})`) when that fits.
 */
export function printCall(source: SourceText, node: ts.Node): Doc {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) throw new Unprintable('an expression statement');
  if ((ts.isCallExpression(node) && node.questionDotToken) || !node.arguments) throw new Unprintable('an optional call, or new without arguments');
  const callee = node.expression;
  const name = ts.isIdentifier(callee) ? callee.text : callee.kind === ts.SyntaxKind.SuperKeyword ? 'super' : printPropertyPath(callee);
  const typeArguments = node.typeArguments ? printTypeArguments(source, node.typeArguments) : '';
  const call: Doc = [ts.isNewExpression(node) ? 'new ' : '', name, typeArguments, printArguments(source, node.arguments)];
  // prettier prints a call of a property path as a member chain: one group.
  return ts.isPropertyAccessExpression(callee) ? group(call) : call;
}

function printArguments(source: SourceText, args: ts.NodeArray<ts.Expression>): Doc {
  if (args.length === 0) return '()';
  if (args.some((arg) => ts.isArrowFunction(arg) || ts.isFunctionExpression(arg))) throw new Unprintable('a function argument');
  const printed = args.map((arg, i) => {
    const doc = printExpression(source, arg);
    if (i === args.length - 1) return doc;
    if (source.isNextLineEmpty(arg.end)) throw new Unprintable('a blank line between arguments');
    return [doc, ',', line];
  });
  const comma = ifBreak(source.trailingComma('all'));
  const allBrokenOut = (): Doc => group(['(', indent([line, ...printed]), comma, line, ')'], { break: true });
  const last = args[args.length - 1]!;
  const previous = args[args.length - 2];
  if (couldHug(last) && (!previous || previous.kind !== last.kind) && !(args.length > 1 && isNumberArray(last))) {
    const leading = printed.slice(0, -1);
    if (leading.some(willBreak)) return allBrokenOut();
    const hugged = printed[printed.length - 1]!;
    if (willBreak(hugged)) return [breakParent, conditionalGroup([['(', ...leading, group(hugged, { break: true }), ')'], allBrokenOut()])];
    return conditionalGroup([['(', ...leading, hugged, ')'], ['(', ...leading, group(hugged, { break: true }), ')'], allBrokenOut()]);
  }
  return group(['(', indent([softline, ...printed]), comma, softline, ')']);
}

function isNumberArray(node: ts.Expression): boolean {
  return ts.isArrayLiteralExpression(node) && node.elements.length > 1 && node.elements.every((element) => ts.isNumericLiteral(element) || (ts.isPrefixUnaryExpression(element) && ts.isNumericLiteral(element.operand)));
}

function couldHug(node: ts.Expression): boolean {
  if (ts.isObjectLiteralExpression(node)) return node.properties.length > 0;
  if (ts.isArrayLiteralExpression(node)) return node.elements.length > 0;
  if (ts.isAsExpression(node)) return couldHug(node.expression);
  return false;
}

/** `a ?? 'b'` as a property's value (prettier's printBinaryishExpression there: one group, the operator's line breaking). */
function printLogical(source: SourceText, node: ts.BinaryExpression): Doc {
  const operator = ts.tokenToString(node.operatorToken.kind);
  const parent = source.parentOf(node);
  // `if (error instanceof ResponseError)`: inside the parentheses of an if, no group of its own.
  if (operator === 'instanceof' && ts.isIfStatement(parent) && ts.isIdentifier(node.left) && ts.isIdentifier(node.right)) {
    return [node.left.text, ' ', group(['instanceof', line, node.right.text], { bailOnBreak: true })];
  }
  const simple = (side: ts.Expression): boolean => ts.isIdentifier(side) || ts.isPropertyAccessExpression(side) || ts.isStringLiteral(side) || ts.isNumericLiteral(side);
  if (!ts.isPropertyAssignment(parent) || (operator !== '??' && operator !== '||' && operator !== '&&') || !simple(node.left) || !simple(node.right)) throw new Unprintable('a binary expression');
  return group([printExpression(source, node.left), ' ', group([operator, line, printExpression(source, node.right)], { bailOnBreak: true })]);
}
