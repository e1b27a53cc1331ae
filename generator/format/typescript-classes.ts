import { ts } from '../typescript.js';
import { Unprintable, group, hardline, ifBreak, indent, join, line, softline, verbatim, type Doc } from './doc-printer.js';
import { printDoc } from './print-doc.js';
import type { PrintedParts, SourceText } from './typescript-source.js';
import { printType } from './typescript-types.js';
import { printExpression, printPropertyName } from './typescript-values.js';

/**
 * A class as oasgen's API template writes it: `class Name extends Base { … }` with a constructor and
 * methods, each method's signature on its line when it fits, else one parameter a line (prettier's
 * printClass and printMethodValue). Properties, accessors, modifiers and generics are left to prettier.
 */
export function printClass(source: SourceText, node: ts.ClassDeclaration, prefix: string, printBlock: (block: ts.Block) => Doc): Doc {
  if (!node.name || node.typeParameters) throw new Unprintable('a class without a name or with type parameters');
  const heritage = node.heritageClauses ?? [];
  const base = heritage[0]?.types[0];
  if (heritage.length > 1 || (base && (heritage[0]!.token !== ts.SyntaxKind.ExtendsKeyword || base.typeArguments || !ts.isIdentifier(base.expression)))) throw new Unprintable('a class heritage');
  const header = [prefix, 'class ', node.name.text, base ? [' extends ', (base.expression as ts.Identifier).text] : ''];
  const members = node.members;
  if (members.length === 0) return [header, ' {}'];
  const parts: Doc[] = [];
  // A top-level class's members print alike wherever they stand: each on its own, kept by its text.
  const kept = source.parts && source.file.statements.includes(node) ? source.parts : undefined;
  members.forEach((member, i) => {
    parts.push(kept ? printedMember(source, kept, member, printBlock) : source.withLeadingComments(member, printMember(source, member, printBlock)));
    if (i < members.length - 1) parts.push(hardline, source.isNextLineEmpty(member.end) ? hardline : '');
  });
  return [header, ' {', indent([hardline, parts]), hardline, '}'];
}

/**
 * A top-level class's member with its leading comments, as lines: printed on its own at the class
 * body's indent (two spaces: the width less two, since a hard line follows each member and `fits`
 * never looks past it), or taken from `kept`, where an earlier print of the same text left it.
 * An edit of one operation of Stripe's one API class (1 MB) reprints one member instead of 533.
 */
function printedMember(source: SourceText, kept: PrintedParts, member: ts.ClassElement, printBlock: (block: ts.Block) => Doc): Doc {
  const text = source.text.slice(member.pos, member.end);
  let printed = kept.get(text);
  if (printed === undefined) {
    const before = source.printedComments;
    const lines = printDoc(source.withLeadingComments(member, printMember(source, member, printBlock)), source.style.printWidth - 2);
    printed = `${source.printedComments - before}\n${lines}`;
    kept.set(text, printed);
  } else source.printedComments += Number.parseInt(printed, 10);
  return join(hardline, printed.slice(printed.indexOf('\n') + 1).split('\n').map(verbatim));
}

function printMember(source: SourceText, member: ts.ClassElement, printBlock: (block: ts.Block) => Doc): Doc {
  if (!(ts.isConstructorDeclaration(member) || ts.isMethodDeclaration(member)) || member.modifiers?.length) throw new Unprintable('a class member, or one with modifiers or decorators');
  if (!member.body || member.typeParameters || (ts.isMethodDeclaration(member) && (member.asteriskToken || member.questionToken))) throw new Unprintable('a method');
  const name = ts.isConstructorDeclaration(member) ? 'constructor' : printPropertyName(source, member.name);
  const parameters = member.parameters.map((parameter) => printParameter(source, parameter));
  // A blank line after a parameter is kept, and breaks the list (prettier's printFunctionParameters).
  const separated = parameters.flatMap((doc, i) => (i === 0 ? [doc] : [',', source.isNextLineEmpty(member.parameters[i - 1]!.end) ? [hardline, hardline] : line, doc]));
  const list: Doc = parameters.length === 0 ? '()' : ['(', indent([softline, separated]), ifBreak(source.trailingComma('all')), softline, ')'];
  const returnType = member.type ? [': ', printType(source, member.type)] : '';
  return [name, group([list, returnType]), ' ', printBlock(member.body)];
}

/** `name?: Type = value`. */
function printParameter(source: SourceText, parameter: ts.ParameterDeclaration): Doc {
  if (parameter.modifiers?.length || parameter.dotDotDotToken || !ts.isIdentifier(parameter.name) || !parameter.type) throw new Unprintable('a parameter');
  const value = parameter.initializer ? [' = ', printExpression(source, parameter.initializer)] : '';
  return [parameter.name.text, parameter.questionToken ? '?' : '', ': ', printType(source, parameter.type), value];
}
