import type { IrSchema } from '../normalize/api-model.js';
import { codeSpan, type CodePlace } from './markdown.js';
import { printType, type TypeScope } from './type-printer.js';

/** A type in docs (a table cell unless `place` says otherwise): a link for models (`[**Pet**](Pet.md)`), else the TypeScript type as code. */
export function docType(schema: IrSchema, scope: TypeScope, docsPrefix = '', place: CodePlace = 'cell'): string {
  if (schema.kind === 'ref' && !schema.nullable) {
    const name = scope.modelName(schema.name);
    return `[**${name}**](${docsPrefix}${name}.md)`;
  }
  if (schema.kind === 'array' && schema.items.kind === 'ref' && !schema.nullable && !schema.items.nullable && !schema.prefixItems) {
    const name = scope.modelName(schema.items.name);
    return `[**${name}[]**](${docsPrefix}${name}.md)`;
  }
  return codeSpan(printType(schema, scope), place);
}

/** A TypeScope for docs: names models, collects nothing. */
export function docScope(models: ReadonlyMap<string, string>): TypeScope {
  return { modelName: (name) => models.get(name) ?? 'unknown', use: () => undefined };
}
