import { ts } from '../typescript.js';
import { Unprintable, align, group, hardline, ifBreak, indent, join, line, softline, type Doc } from './doc-printer.js';
import { printExpression, printPropertyName } from './typescript-values.js';
import type { SourceText } from './typescript-source.js';

/**
 * Type nodes as prettier prints them (its union, intersection, object type and type argument
 * layouts), for the types oasgen's templates write; anything else is `Unprintable`.
 */
export function printType(source: SourceText, node: ts.TypeNode): Doc {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
    case ts.SyntaxKind.NumberKeyword:
    case ts.SyntaxKind.BooleanKeyword:
    case ts.SyntaxKind.UnknownKeyword:
    case ts.SyntaxKind.NeverKeyword:
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.VoidKeyword:
    case ts.SyntaxKind.UndefinedKeyword:
    case ts.SyntaxKind.ObjectKeyword:
    case ts.SyntaxKind.BigIntKeyword:
      return ts.tokenToString(node.kind)!;
    case ts.SyntaxKind.LiteralType:
      return printLiteralType(source, (node as ts.LiteralTypeNode).literal);
    case ts.SyntaxKind.TypeReference:
      return printTypeReference(source, node as ts.TypeReferenceNode);
    case ts.SyntaxKind.ArrayType:
      return [printType(source, (node as ts.ArrayTypeNode).elementType), '[]'];
    case ts.SyntaxKind.ParenthesizedType:
      return printParenthesized(source, node as ts.ParenthesizedTypeNode);
    case ts.SyntaxKind.UnionType:
      return printUnion(source, node as ts.UnionTypeNode, unionLayout(source.parentOf(node)));
    case ts.SyntaxKind.IntersectionType:
      return printIntersection(source, node as ts.IntersectionTypeNode);
    case ts.SyntaxKind.TypeLiteral:
      return printTypeLiteral(source, node as ts.TypeLiteralNode);
    case ts.SyntaxKind.TupleType:
      return group(['[', indent([softline, join([',', line], (node as ts.TupleTypeNode).elements.map((element) => printType(source, element)))]), ifBreak(','), softline, ']'], { bailOnBreak: true });
    default:
      throw new Unprintable(`type ${ts.SyntaxKind[node.kind]}`);
  }
}

/** A literal type's literal (a string, a number, `-1`, `true`, `false`, `null`) prints as the same value would. */
function printLiteralType(source: SourceText, literal: ts.LiteralTypeNode['literal']): Doc {
  return printExpression(source, literal as ts.Expression);
}

function printTypeReference(source: SourceText, node: ts.TypeReferenceNode): Doc {
  const name = printEntityName(node.typeName);
  return node.typeArguments ? [name, printTypeArguments(source, node.typeArguments)] : name;
}

/**
 * `<A, B>`; a lone simple argument never breaks. Arguments that are all simple break one a line, with
 * no trailing comma (prettier's TSTypeParameterInstantiation: `ResponseError<` after a long alias
 * name); others are printed here only while they fit.
 */
export function printTypeArguments(source: SourceText, args: ts.NodeArray<ts.TypeNode>): Doc {
  if (args.length === 1 && hugsTypeArgument(args[0]!)) return ['<', printType(source, args[0]!), '>'];
  return group(['<', indent([softline, join([',', line], args.map((arg) => printType(source, arg)))]), softline, '>'], { bailOnBreak: !args.every(isSimpleType) });
}

function printEntityName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${printEntityName(name.left)}.${name.right.text}`;
}

/** A lone type argument prettier never breaks around: a keyword, a plain reference, an object type, a hugged union. */
function hugsTypeArgument(node: ts.TypeNode): boolean {
  return isSimpleType(node) || node.kind === ts.SyntaxKind.TypeLiteral || (ts.isUnionTypeNode(node) && hugsUnion(node));
}

function isSimpleType(node: ts.TypeNode): boolean {
  if (ts.isTypeReferenceNode(node)) return !node.typeArguments;
  return ts.isLiteralTypeNode(node) ? node.literal.kind === ts.SyntaxKind.NullKeyword : ts.tokenToString(node.kind) !== undefined && node.kind !== ts.SyntaxKind.ThisType;
}

/** `{ … } | null` and `Name | null`: printed joined, the object type breaking on its own. */
export function hugsUnion(node: ts.UnionTypeNode): boolean {
  const anchor = node.types.find((type) => ts.isTypeLiteralNode(type) || ts.isTypeReferenceNode(type));
  return anchor !== undefined && node.types.every((type) => type === anchor || type.kind === ts.SyntaxKind.VoidKeyword || (ts.isLiteralTypeNode(type) && type.literal.kind === ts.SyntaxKind.NullKeyword));
}

/**
 * A union: `A | B` when it fits, else one `| member` a line. `indented` (a property's or alias's
 * type) first tries the whole union on the next line; `bare` is the union alone, for an alias
 * whose `=` already breaks before it.
 */
export function printUnion(source: SourceText, node: ts.UnionTypeNode, layout: 'indented' | 'bare' | 'parenthesized'): Doc {
  const members = node.types.map((type) => printType(source, type));
  // `| A` alone: prettier's parser takes a union of one for its member.
  if (members.length === 1) return members[0]!;
  if (hugsUnion(node)) return join(' | ', members);
  const code = group(members.map((member, i) => (i === 0 ? [ifBreak('| '), align(2, member)] : [line, '| ', align(2, member)])));
  if (layout === 'parenthesized') return group([indent([softline, code]), softline]);
  return layout === 'bare' ? code : group(indent([softline, code]));
}

/** How prettier lays out a union under `parent`: indented as a property's type, bare as a type argument. */
function unionLayout(parent: ts.Node): 'indented' | 'bare' {
  if (ts.isPropertySignature(parent) || ts.isIndexSignatureDeclaration(parent)) return 'indented';
  if (ts.isTypeReferenceNode(parent) || ts.isTypeAliasDeclaration(parent) || ts.isExpressionWithTypeArguments(parent) || ts.isCallExpression(parent) || ts.isNewExpression(parent)) return 'bare';
  if (ts.isParameter(parent) || ts.isMethodDeclaration(parent)) return 'indented';
  throw new Unprintable('a union in a place of its own layout');
}

/**
 * Parentheses as prettier prints them: only where they are needed. Around a union in another
 * union or as an array's element they are; around a name, keyword or literal they are dropped.
 */
function printParenthesized(source: SourceText, node: ts.ParenthesizedTypeNode): Doc {
  const { type } = node;
  const parent = source.parentOf(node);
  if (isSimpleType(type) || ts.isLiteralTypeNode(type) || ts.isTypeLiteralNode(type) || ts.isTypeReferenceNode(type) || ts.isArrayTypeNode(type) || ts.isTupleTypeNode(type)) return printType(source, type);
  // An intersection keeps its parentheses in a union, as prettier prints it (no group of their own).
  if (ts.isIntersectionTypeNode(type) && ts.isUnionTypeNode(parent)) return ['(', printType(source, type), ')'];
  if (!ts.isUnionTypeNode(type) || !(ts.isArrayTypeNode(parent) || ts.isUnionTypeNode(parent) || ts.isIntersectionTypeNode(parent))) throw new Unprintable('parentheses prettier may drop');
  return ['(', printUnion(source, type, 'parenthesized'), ')'];
}

function printIntersection(source: SourceText, node: ts.IntersectionTypeNode): Doc {
  let indented = false;
  return group(
    node.types.map((type, i) => {
      const printed = printType(source, type);
      if (i === 0) return printed;
      const object = ts.isTypeLiteralNode(type);
      const previousObject = ts.isTypeLiteralNode(node.types[i - 1]!);
      if (object && previousObject) return [' & ', indented ? indent(printed) : printed];
      if (!object && !previousObject) return indent([' &', line, printed]);
      if (i > 1) indented = true;
      return [' & ', i > 1 ? indent(printed) : printed];
    }),
  );
}

/** `{ a: A; b: B }`, broken one member a line when it does not fit or was written broken. */
export function printTypeLiteral(source: SourceText, node: ts.TypeLiteralNode): Doc {
  return printMembers(source, node.members, node, false);
}

/**
 * The members of an interface (`{`, one member a line, `}`: always broken) or of an object type
 * (`{ a: A; b: B }`, broken when it does not fit or was written broken), as prettier 3 prints them.
 */
export function printMembers(source: SourceText, members: ts.NodeArray<ts.TypeElement>, node: ts.Node, isInterface: boolean): Doc {
  if (members.length === 0) return '{}';
  const separator = isInterface ? hardline : line;
  const parts: Doc[] = [];
  members.forEach((member, i) => {
    const last = i === members.length - 1;
    parts.push(source.withLeadingComments(member, [group(printMember(source, member)), isInterface || !last ? ';' : ifBreak(';')]));
    if (!last) parts.push(separator, source.isNextLineEmpty(member.end) ? hardline : '');
  });
  if (isInterface) return ['{', indent([hardline, ...parts]), hardline, '}'];
  const preserveBreak = source.hasNewlineBetween(node.getStart(source.file), members[0]!.getStart(source.file));
  return group(['{', indent([line, ...parts]), line, '}'], { break: preserveBreak });
}

function printMember(source: SourceText, member: ts.TypeElement): Doc {
  if (ts.isPropertySignature(member)) {
    if (!member.type || member.name.kind === ts.SyntaxKind.ComputedPropertyName) throw new Unprintable('a property without a type');
    const readonly = member.modifiers?.length === 1 && member.modifiers[0]!.kind === ts.SyntaxKind.ReadonlyKeyword;
    if (member.modifiers && !readonly) throw new Unprintable('a property modifier');
    return [readonly ? 'readonly ' : '', printPropertyName(source, member.name), member.questionToken ? '?' : '', ': ', printType(source, member.type)];
  }
  if (ts.isIndexSignatureDeclaration(member)) {
    const [parameter] = member.parameters;
    const readonly = member.modifiers?.length === 1 && member.modifiers[0]!.kind === ts.SyntaxKind.ReadonlyKeyword;
    if ((member.modifiers && !readonly) || member.parameters.length !== 1 || !parameter!.type || !ts.isIdentifier(parameter!.name)) throw new Unprintable('an index signature');
    const key = group([indent([softline, parameter!.name.text, ': ', printType(source, parameter!.type)]), softline], { bailOnBreak: true });
    return [readonly ? 'readonly ' : '', '[', key, ']: ', printType(source, member.type)];
  }
  throw new Unprintable(`member ${ts.SyntaxKind[member.kind]}`);
}

