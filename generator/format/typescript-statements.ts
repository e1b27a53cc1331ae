import { ts } from '../typescript.js';
import { Unprintable, group, hardline, ifBreak, indent, join, line, softline, type Doc } from './doc-printer.js';
import { printClass } from './typescript-classes.js';
import type { SourceText } from './typescript-source.js';
import { hugsUnion, printMembers, printType, printUnion } from './typescript-types.js';
import { printAliasAssignment, printAssignment, printCall, printExpression, printString } from './typescript-values.js';

/** Statements one a line, a blank line kept where there was one, each after its comments. */
export function printStatements(source: SourceText, statements: readonly ts.Statement[]): Doc {
  const parts: Doc[] = [];
  statements.forEach((statement, i) => {
    parts.push(source.withLeadingComments(statement, printStatement(source, statement)));
    // prettier looks for the blank line after the statement's content, then after its whole text.
    const blankAfter = source.isNextLineEmpty(statementEnd(source, statement)) || source.isNextLineEmpty(statement.end);
    if (i < statements.length - 1) parts.push(hardline, blankAfter ? hardline : '');
  });
  return parts;
}

/**
 * Where a statement ends for prettier's blank-line rule (its locEnd): a declaration at its last
 * declarator, an `if` or loop at its last body, and a statement whose `;` closes it (an expression,
 * import, export, return or throw) where its content ends, before the `;` and any blanks.
 */
function statementEnd(source: SourceText, statement: ts.Statement): number {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.at(-1)?.end ?? statement.end;
  if (ts.isIfStatement(statement)) return statementEnd(source, statement.elseStatement ?? statement.thenStatement);
  if (ts.isForOfStatement(statement)) return statementEnd(source, statement.statement);
  const closedBySemicolon = ts.isExpressionStatement(statement) || ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) || ts.isReturnStatement(statement) || ts.isThrowStatement(statement);
  if (!closedBySemicolon || source.text[statement.end - 1] !== ';') return statement.end;
  let end = statement.end - 1;
  while (end > statement.pos && /\s/.test(source.text[end - 1]!)) end--;
  return end;
}

/** `{ … }` of a function or method: its statements indented, `{}` when empty. */
export function printBlock(source: SourceText, block: ts.Block): Doc {
  if (block.statements.length === 0) return '{}';
  return ['{', indent([hardline, printStatements(source, block.statements)]), hardline, '}'];
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
    case ts.SyntaxKind.ClassDeclaration:
      return printClass(source, node as ts.ClassDeclaration, exportPrefix(node), (block) => printBlock(source, block));
    case ts.SyntaxKind.ExpressionStatement: {
      const { expression } = node as ts.ExpressionStatement;
      return [ts.isAwaitExpression(expression) ? printExpression(source, expression) : printCall(source, expression), ';'];
    }
    case ts.SyntaxKind.ThrowStatement: {
      const { expression } = node as ts.ThrowStatement;
      if (!ts.isIdentifier(expression) && !ts.isNewExpression(expression)) throw new Unprintable('a thrown value');
      return ['throw ', printExpression(source, expression), ';'];
    }
    case ts.SyntaxKind.TryStatement:
      return printTry(source, node as ts.TryStatement);
    case ts.SyntaxKind.IfStatement:
      return printIf(source, node as ts.IfStatement);
    case ts.SyntaxKind.ForOfStatement:
      return printForOf(source, node as ts.ForOfStatement);
    case ts.SyntaxKind.ReturnStatement: {
      const { expression } = node as ts.ReturnStatement;
      if (!expression) return 'return;';
      if (!ts.isCallExpression(expression) && !ts.isIdentifier(expression) && !ts.isPropertyAccessExpression(expression)) throw new Unprintable('a return value');
      return ['return ', printExpression(source, expression), ';'];
    }
    default:
      throw new Unprintable(`statement ${ts.SyntaxKind[node.kind]}`);
  }
}

/** `export ` for an exported declaration; any other modifier is not printed here. */
function exportPrefix(node: ts.Statement): string {
  // `modifiers` holds decorators too: a decorated declaration is left to prettier.
  const modifiers = ts.canHaveModifiers(node) ? (node.modifiers ?? []) : [];
  if (modifiers.length === 0) return '';
  if (modifiers.length === 1 && modifiers[0]!.kind === ts.SyntaxKind.ExportKeyword) return 'export ';
  throw new Unprintable('a modifier');
}

function printModuleName(source: SourceText, node: ts.Expression): string {
  if (!ts.isStringLiteral(node)) throw new Unprintable('a module name');
  return printString(source, node);
}

function printImport(source: SourceText, node: ts.ImportDeclaration): Doc {
  const phase = (node.importClause as { phaseModifier?: ts.SyntaxKind } | undefined)?.phaseModifier;
  // `import type` is a phase of its own in TypeScript's tree; `import defer` is left to prettier.
  if (node.attributes || node.modifiers || (phase !== undefined && phase !== ts.SyntaxKind.TypeKeyword)) throw new Unprintable('import attributes, modifiers or a phase');
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
  if (node.attributes || node.modifiers) throw new Unprintable('export attributes or modifiers');
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
  return [...parts, group(['{', indent([line, join([',', line], names)]), ifBreak(source.trailingComma('es5')), line, '}'])];
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
  let right = node.type;
  // Parentheses around a whole alias are never needed; prettier drops them.
  while (ts.isParenthesizedTypeNode(right)) right = right.type;
  if (ts.isUnionTypeNode(right)) {
    return [printAliasAssignment(left, right, printUnion(source, right, 'bare'), !hugsUnion(right)), ';'];
  }
  return [printAliasAssignment(left, right, printType(source, right), false), ';'];
}

function printVariable(source: SourceText, node: ts.VariableStatement): Doc {
  const list = node.declarationList;
  const [declaration] = list.declarations;
  if (list.declarations.length !== 1 || !ts.isIdentifier(declaration!.name) || !declaration!.initializer || declaration!.exclamationToken) throw new Unprintable('a declaration');
  const keyword = declarationKeyword(list);
  const annotation = declaration!.type;
  if (annotation && ts.isTypeReferenceNode(annotation) && annotation.typeArguments) throw new Unprintable('a generic type annotation');
  const left: Doc = annotation ? [declaration!.name.text, ': ', printType(source, annotation)] : declaration!.name.text;
  return [exportPrefix(node), keyword, ' ', printAssignment(source, left, ' =', declaration!.initializer, 'variable'), ';'];
}


/** `try { … } catch (error) { … }` (prettier's TryStatement and CatchClause). */
function printTry(source: SourceText, node: ts.TryStatement): Doc {
  const clause = node.catchClause;
  const name = clause?.variableDeclaration?.name;
  if (!clause || node.finallyBlock || !name || !ts.isIdentifier(name) || clause.variableDeclaration!.type) throw new Unprintable('a try statement');
  return ['try ', printBlock(source, node.tryBlock), ' catch (', name.text, ') ', printBlock(source, clause.block)];
}

/** `if (test) statement` with an optional `else`, each a single statement or a block (prettier's IfStatement). */
function printIf(source: SourceText, node: ts.IfStatement): Doc {
  const clause = (statement: ts.Statement): Doc => (ts.isBlock(statement) ? [' ', printBlock(source, statement)] : indent([line, printStatement(source, statement)]));
  if ((node.elseStatement && ts.isIfStatement(node.elseStatement)) || ts.isIfStatement(node.thenStatement)) throw new Unprintable('else if, or an if in an if');
  if (ts.getLeadingCommentRanges(source.text, node.thenStatement.pos) || (node.elseStatement && ts.getLeadingCommentRanges(source.text, node.elseStatement.pos))) throw new Unprintable('a comment in an if');
  const opening = group(['if (', group([indent([softline, printExpression(source, node.expression)]), softline], { bailOnBreak: true }), ')', group(clause(node.thenStatement))]);
  if (!node.elseStatement) return group(opening);
  return group([opening, ts.isBlock(node.thenStatement) ? ' ' : hardline, 'else', group(clause(node.elseStatement))]);
}

/** `for await (const x of xs) { … }` (prettier's ForOfStatement). */
function printForOf(source: SourceText, node: ts.ForOfStatement): Doc {
  const list = node.initializer;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1 || !ts.isIdentifier(list.declarations[0]!.name) || list.declarations[0]!.type || !ts.isBlock(node.statement)) throw new Unprintable('a for statement');
  const keyword = declarationKeyword(list);
  const name = (list.declarations[0]!.name as ts.Identifier).text;
  return group(['for', node.awaitModifier ? ' await' : '', ' (', keyword, ' ', name, ' of ', printExpression(source, node.expression), ')', ' ', printBlock(source, node.statement)]);
}

/** `const`, `let` or `var`; `using` and `await using` are left to prettier. */
function declarationKeyword(list: ts.VariableDeclarationList): string {
  const kind = list.flags & ts.NodeFlags.BlockScoped;
  if (kind === ts.NodeFlags.Const) return 'const';
  if (kind === ts.NodeFlags.Let) return 'let';
  if (kind === ts.NodeFlags.None) return 'var';
  throw new Unprintable('using');
}
