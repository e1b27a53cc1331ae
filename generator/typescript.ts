import { createRequire } from 'node:module';
import type { ts as TypeScript } from '@ts-morph/common';
import { requireWithCodeCache } from './cache/code-cache.js';

/**
 * TypeScript's compiler API: the copy `@ts-morph/common` bundles (the one ts-morph uses), loaded
 * as CommonJS with a V8 code cache (code-cache.ts). Importing `@ts-morph/common` as an ES module made
 * Node scan its 3 MB bundle for export names and load the rest of it (globbing, path helpers) that
 * the printer and the check never use: on Stripe's spec about 70 ms and 40 MB of peak memory more
 * (issue 7).
 */
export const ts = requireWithCodeCache(createRequire(import.meta.url).resolve('@ts-morph/common/dist/typescript.js')).exports as typeof TypeScript;

/** The compiler API's types this generator names, under the same names as the value's members. */
export declare namespace ts {
  type ArrayLiteralExpression = TypeScript.ArrayLiteralExpression;
  type ArrayTypeNode = TypeScript.ArrayTypeNode;
  type AsExpression = TypeScript.AsExpression;
  type AwaitExpression = TypeScript.AwaitExpression;
  type BinaryExpression = TypeScript.BinaryExpression;
  type Block = TypeScript.Block;
  type ClassDeclaration = TypeScript.ClassDeclaration;
  type ClassElement = TypeScript.ClassElement;
  type CommentRange = TypeScript.CommentRange;
  type CompilerHost = TypeScript.CompilerHost;
  type CompilerOptions = TypeScript.CompilerOptions;
  type Diagnostic = TypeScript.Diagnostic;
  type ElementAccessExpression = TypeScript.ElementAccessExpression;
  type EntityName = TypeScript.EntityName;
  type ExportDeclaration = TypeScript.ExportDeclaration;
  type ExportSpecifier = TypeScript.ExportSpecifier;
  type Expression = TypeScript.Expression;
  type ExpressionStatement = TypeScript.ExpressionStatement;
  type ForOfStatement = TypeScript.ForOfStatement;
  type Identifier = TypeScript.Identifier;
  type IfStatement = TypeScript.IfStatement;
  type ImportDeclaration = TypeScript.ImportDeclaration;
  type ImportSpecifier = TypeScript.ImportSpecifier;
  type InterfaceDeclaration = TypeScript.InterfaceDeclaration;
  type IntersectionTypeNode = TypeScript.IntersectionTypeNode;
  type LiteralTypeNode = TypeScript.LiteralTypeNode;
  type Node = TypeScript.Node;
  type NodeArray<T extends TypeScript.Node> = TypeScript.NodeArray<T>;
  type ObjectLiteralExpression = TypeScript.ObjectLiteralExpression;
  type ParameterDeclaration = TypeScript.ParameterDeclaration;
  type ParenthesizedTypeNode = TypeScript.ParenthesizedTypeNode;
  type PrefixUnaryExpression = TypeScript.PrefixUnaryExpression;
  type PropertyName = TypeScript.PropertyName;
  type ReturnStatement = TypeScript.ReturnStatement;
  type SatisfiesExpression = TypeScript.SatisfiesExpression;
  type Scanner = TypeScript.Scanner;
  type SourceFile = TypeScript.SourceFile;
  type Statement = TypeScript.Statement;
  type StringLiteral = TypeScript.StringLiteral;
  type SyntaxKind = TypeScript.SyntaxKind;
  type ThrowStatement = TypeScript.ThrowStatement;
  type TryStatement = TypeScript.TryStatement;
  type TupleTypeNode = TypeScript.TupleTypeNode;
  type TypeAliasDeclaration = TypeScript.TypeAliasDeclaration;
  type TypeElement = TypeScript.TypeElement;
  type TypeLiteralNode = TypeScript.TypeLiteralNode;
  type TypeNode = TypeScript.TypeNode;
  type TypeReferenceNode = TypeScript.TypeReferenceNode;
  type UnionTypeNode = TypeScript.UnionTypeNode;
  type VariableDeclarationList = TypeScript.VariableDeclarationList;
  type VariableStatement = TypeScript.VariableStatement;
}
