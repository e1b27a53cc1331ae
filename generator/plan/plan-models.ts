import type { ApiModel, EnumValue, IrSchema, NamedSchema } from '../normalize/api-model.js';
import { jsdocLines } from './comments.js';
import { isIdentifier, pascalCase } from './names.js';
import type { NameTable } from './name-table.js';
import type { Direction } from './read-write-only.js';
import type { ModelView, PlannedFile } from './render-plan.js';
import { enumLiteral, objectMembers, printType, type TypeScope } from './type-printer.js';

/** A TypeScope that records the models a file refers to, so the plan can write its imports. */
export function collectingScope(models: Map<string, string>, self?: string): TypeScope & { used: Set<string> } {
  const used = new Set<string>();
  return {
    used,
    modelName: (name) => models.get(name) ?? 'unknown',
    use: (identifier) => {
      if (identifier !== self && identifier !== 'unknown') used.add(identifier);
    },
  };
}

/** The same scope for request types: refs name request variants, readOnly properties are left out. */
export function requestScope<T extends TypeScope>(scope: T, requestModels: ReadonlyMap<string, string>): T {
  return { ...scope, direction: 'request', modelName: (name: string) => requestModels.get(name) ?? scope.modelName(name) };
}

/**
 * One file per components.schemas entry: `models/<Name>.ts`, and `models/<Name>Request.ts` for
 * the schemas whose request type differs (readOnly/writeOnly properties somewhere inside).
 */
export function planModels(model: ApiModel, names: Pick<NameTable, 'models' | 'requestModels'>): PlannedFile[] {
  return model.schemas.flatMap((named) => {
    const directions: Direction[] = names.requestModels.has(named.name) ? ['response', 'request'] : ['response'];
    return directions.map((direction) => {
      const view = planModel(named, names, direction);
      return { path: `models/${view.name}.ts`, template: 'model' as const, view };
    });
  });
}

function planModel(named: NamedSchema, names: Pick<NameTable, 'models' | 'requestModels'>, direction: Direction): ModelView {
  const { models, requestModels } = names;
  const name = direction === 'request' ? requestModels.get(named.name)! : models.get(named.name)!;
  const scope = direction === 'request' ? requestScope(collectingScope(models, name), requestModels) : collectingScope(models, name);
  const { schema } = named;
  const doc = modelDoc(schema);
  if (direction === 'request') doc.push(...jsdocLines(`\`${models.get(named.name)!}\` as sent in requests: without its readOnly properties, with its writeOnly ones.`));
  else if (requestModels.has(named.name)) doc.push(...jsdocLines(`As the server sends it; requests take \`${requestModels.get(named.name)!}\`.`));
  const base: ModelView = { name, specName: named.name, direction, doc, imports: [], declaration: 'alias', members: [], typeText: '', enumMembers: [] };
  let view: ModelView;
  if (schema.kind === 'object' && !schema.nullable && schema.properties.length + (schema.additionalProperties ? 1 : 0) > 0) {
    const members = objectMembers(schema, scope);
    view = { ...base, declaration: 'interface', members };
  } else if (schema.kind === 'enum') {
    view = { ...base, declaration: 'enum', typeText: printType(schema, scope), enumMembers: enumMembers(schema.values, schema.varNames) };
  } else {
    view = { ...base, typeText: printType(schema, scope) };
  }
  const used = [...scope.used].sort();
  view.imports = used.map((n) => ({ from: `./${n}.js`, names: [n], typeOnly: true }));
  return view;
}

export function modelDoc(schema: IrSchema): string[] {
  const lines = jsdocLines(schema.title, schema.description);
  if (schema.deprecated) lines.push('@deprecated');
  return lines;
}

/** Keys of the exported const object of an enum: x-enum-varnames where given, else from the value. */
function enumMembers(values: EnumValue[], varNames: string[] | undefined): { key: string; value: string }[] {
  const seen = new Set<string>();
  return values.map((value, i) => {
    const wanted = varNames?.[i] ?? (typeof value === 'string' ? pascalCase(value) || 'Empty' : value === null ? 'Null' : `Value${pascalCase(String(value)) || i}`);
    const base = isIdentifier(wanted) ? wanted : `_${pascalCase(wanted) || i}`;
    let key = base;
    for (let n = 2; seen.has(key); n++) key = `${base}${n}`;
    seen.add(key);
    return { key, value: enumLiteral(value) };
  });
}
