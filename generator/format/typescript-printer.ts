/**
 * Prettier's output for the TypeScript oasgen's templates write, without prettier: imports and
 * exports, interfaces, type aliases, constants and calls, with their comments. The file is parsed
 * with TypeScript and printed through doc-printer.ts from the same documents prettier 3 builds for
 * those nodes. A file with anything else (another statement or type, a comment somewhere other
 * than before a statement, member or property, a layout reproduced only while it fits) is
 * `undefined`, and format-files.ts gives it to prettier. `test/real-specs/` and the format-stage
 * fuzz test hold the result to prettier's, file by file.
 */
import { ts } from '@ts-morph/common';
import { Unprintable, group, hardline, ifBreak, indent, join, line, printDoc, softline, type Doc } from './doc-printer.js';
import { SourceText, type TypeScriptStyle } from './typescript-source.js';
import { hugsUnion, printMembers, printType, printUnion } from './typescript-types.js';
import { printAliasAssignment, printAssignment, printExpression, printString } from './typescript-values.js';

export type { TypeScriptStyle } from './typescript-source.js';

/** `text` formatted as prettier formats it with `style`, or undefined when this printer does not reproduce it. */
export function printTypeScript(text: string, style: TypeScriptStyle, onUnprintable?: (reason: string) => void): string | undefined {
  if (/\r|^\uFEFF|^#!|prettier-ignore|@format|@prettier/.test(text)) return undefined;
  const file = ts.createSourceFile('file.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, ts.ScriptKind.TS);
  if ((file as unknown as { parseDiagnostics: readonly unknown[] }).parseDiagnostics.length > 0 || file.statements.length === 0) return undefined;
  const source = new SourceText(text, file, style);
  try {
    const parts: Doc[] = [];
    file.statements.forEach((statement, i) => {
      parts.push(source.withLeadingComments(statement, printStatement(source, statement)));
      if (i < file.statements.length - 1) parts.push(hardline, source.isNextLineEmpty(statement.end) ? hardline : '');
    });
    const printed = printDoc([...parts, hardline], style.printWidth);
    if (source.printedComments === source.countComments()) return printed;
    onUnprintable?.('a comment in a place of its own');
    return undefined;
  } catch (error) {
    if (error instanceof Unprintable) {
      onUnprintable?.(error.message);
      return undefined;
    }
    throw error;
  }
}

function printStatement(source: SourceText, node: ts.Statement): Doc {
  switch (node.kind) {
    case ts.SyntaxKind.ImportDeclaration:
      return printImport(source, node as ts.ImportDeclaration);
    case ts.SyntaxKind.ExportDeclaration:
      return printExport(source, node as ts.ExportDeclaration);
    case ts.SyntaxKind.InterfaceDeclaration:
      return printInterface(source, node as ts.InterfaceDeclaration);
    case ts.SyntaxKind.TypeAliasDeclaration:
      return printTypeAlias(source, node as ts.TypeAliasDeclaration);
    case ts.SyntaxKind.VariableStatement:
      return printVariable(source, node as ts.VariableStatement);
    case ts.SyntaxKind.ExpressionStatement:
      return [printCall(source, (node as ts.ExpressionStatement).expression), ';'];
    default:
      throw new Unprintable(`statement ${ts.SyntaxKind[node.kind]}`);
  }
}

/** `export ` for an exported declaration; any other modifier is not printed here. */
function exportPrefix(node: ts.Statement): string {
  const modifiers = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  if (modifiers.length === 0) return '';
  if (modifiers.length === 1 && modifiers[0]!.kind === ts.SyntaxKind.ExportKeyword) return 'export ';
  throw new Unprintable('a modifier');
}

function printModuleName(source: SourceText, node: ts.Expression): string {
  if (!ts.isStringLiteral(node)) throw new Unprintable('a module name');
  return printString(source, node);
}

function printImport(source: SourceText, node: ts.ImportDeclaration): Doc {
  if (node.attributes || ts.getModifiers(node)) throw new Unprintable('import attributes');
  const from = printModuleName(source, node.moduleSpecifier);
  const clause = node.importClause;
  if (!clause) return ['import ', from, ';'];
  const standalone: string[] = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) standalone.push(`* as ${bindings.name.text}`);
  const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
  return ['import', clause.isTypeOnly ? ' type' : '', ' ', printSpecifiers(source, standalone, named), ' from ', from, ';'];
}

function printExport(source: SourceText, node: ts.ExportDeclaration): Doc {
  if (node.attributes || ts.getModifiers(node)) throw new Unprintable('export attributes');
  const from = node.moduleSpecifier ? [' from ', printModuleName(source, node.moduleSpecifier)] : '';
  const type = node.isTypeOnly ? ' type' : '';
  const clause = node.exportClause;
  if (!clause) return ['export', type, ' *', from, ';'];
  if (ts.isNamespaceExport(clause)) {
    if (!ts.isIdentifier(clause.name)) throw new Unprintable('a string export name');
    return ['export', type, ' * as ', clause.name.text, from, ';'];
  }
  return ['export', type, ' ', printSpecifiers(source, [], clause.elements), from, ';'];
}

/** `a, { b, c }` as prettier's printModuleSpecifiers: the braces break one name a line only for two or more. */
function printSpecifiers(source: SourceText, standalone: string[], named: ts.NodeArray<ts.ImportSpecifier | ts.ExportSpecifier> | undefined): Doc {
  if (named?.length === 0) throw new Unprintable('empty braces');
  const parts: Doc[] = [standalone.join(', ')];
  if (!named) return parts;
  if (standalone.length > 0) parts.push(', ');
  const names = named.map((specifier) => {
    if (!ts.isIdentifier(specifier.name) || (specifier.propertyName && !ts.isIdentifier(specifier.propertyName))) throw new Unprintable('a string module export name');
    return `${specifier.isTypeOnly ? 'type ' : ''}${specifier.propertyName ? `${specifier.propertyName.text} as ` : ''}${specifier.name.text}`;
  });
  if (names.length === 1 && standalone.length === 0) return [...parts, '{ ', names[0]!, ' }'];
  return [...parts, group(['{', indent([line, join([',', line], names)]), ifBreak(source.style.trailingComma ? ',' : ''), line, '}'])];
}

function printInterface(source: SourceText, node: ts.InterfaceDeclaration): Doc {
  if (node.typeParameters) throw new Unprintable('type parameters');
  const body = printMembers(source, node.members, node, true);
  const heritage = node.heritageClauses ?? [];
  if (heritage.length === 0) return [exportPrefix(node), 'interface ', node.name.text, ' ', body];
  const types = heritage.flatMap((clause) => {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) throw new Unprintable('implements');
    return clause.types.map((type) => {
      if (type.typeArguments || !ts.isIdentifier(type.expression)) throw new Unprintable('a generic base interface');
      return type.expression.text;
    });
  });
  const extendsList = types.length === 1 ? types[0]! : indent(join([',', line], types));
  return [exportPrefix(node), 'interface', group(indent([' ', node.name.text, line, 'extends ', extendsList]), { bailOnBreak: true }), ' ', body];
}

function printTypeAlias(source: SourceText, node: ts.TypeAliasDeclaration): Doc {
  if (node.typeParameters) throw new Unprintable('type parameters');
  const left = [exportPrefix(node), 'type ', node.name.text];
  const right = node.type;
  if (ts.isUnionTypeNode(right)) {
    return [printAliasAssignment(left, right, printUnion(source, right, 'bare'), !hugsUnion(right)), ';'];
  }
  return [printAliasAssignment(left, right, printType(source, right), false), ';'];
}

function printVariable(source: SourceText, node: ts.VariableStatement): Doc {
  const list = node.declarationList;
  const [declaration] = list.declarations;
  if (list.declarations.length !== 1 || !ts.isIdentifier(declaration!.name) || !declaration!.initializer || declaration!.exclamationToken) throw new Unprintable('a declaration');
  const keyword = list.flags & ts.NodeFlags.Const ? 'const' : list.flags & ts.NodeFlags.Let ? 'let' : 'var';
  const annotation = declaration!.type;
  if (annotation && ts.isTypeReferenceNode(annotation) && annotation.typeArguments) throw new Unprintable('a generic type annotation');
  const left: Doc = annotation ? [declaration!.name.text, ': ', printType(source, annotation)] : declaration!.name.text;
  return [exportPrefix(node), keyword, ' ', printAssignment(source, left, ' =', declaration!.initializer, 'variable'), ';'];
}

/** `console.log(example)`: a call of a name or a property path, with arguments printed here. */
function printCall(source: SourceText, node: ts.Expression): Doc {
  if (!ts.isCallExpression(node) || node.typeArguments || node.questionDotToken) throw new Unprintable('an expression statement');
  const callee = printCallee(node.expression);
  if (node.arguments.length === 0) return [callee, '()'];
  const args = node.arguments.map((arg) => printExpression(source, arg));
  return [callee, group(['(', indent([softline, join([',', line], args)]), ifBreak(source.style.trailingComma ? ',' : ''), softline, ')'], { bailOnBreak: true })];
}

function printCallee(node: ts.Expression): string {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && !node.questionDotToken) return `${printCallee(node.expression)}.${node.name.text}`;
  throw new Unprintable('a callee');
}
