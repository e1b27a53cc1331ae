import type { ApiModel, EnumValue, IrSchema, NamedSchema } from '../normalize/api-model.js';
import { jsdocLines } from './comments.js';
import { isIdentifier, pascalCase } from './names.js';
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

/** One file per components.schemas entry: `models/<Name>.ts`. */
export function planModels(model: ApiModel, models: Map<string, string>): PlannedFile[] {
  return model.schemas.map((named) => {
    const view = planModel(named, models);
    return { path: `models/${view.name}.ts`, template: 'model' as const, view };
  });
}

function planModel(named: NamedSchema, models: Map<string, string>): ModelView {
  const name = models.get(named.name)!;
  const scope = collectingScope(models, name);
  const { schema } = named;
  const doc = modelDoc(schema);
  const base: ModelView = { name, specName: named.name, doc, imports: [], declaration: 'alias', members: [], typeText: '', enumMembers: [] };
  let view: ModelView;
  if (schema.kind === 'object' && !schema.nullable && schema.properties.length + (schema.additionalProperties ? 1 : 0) > 0) {
    const members = objectMembers(schema, scope);
    view = { ...base, declaration: 'interface', members };
  } else if (schema.kind === 'enum') {
    view = { ...base, declaration: 'enum', typeText: printType(schema, scope), enumMembers: enumMembers(schema.values, schema.varNames) };
  } else {
    view = { ...base, typeText: printType(schema, scope) };
  }
  const names = [...scope.used].sort();
  view.imports = names.map((n) => ({ from: `./${n}.js`, names: [n], typeOnly: true }));
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
