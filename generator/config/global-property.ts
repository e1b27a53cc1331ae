import type { PlannedFile } from '../plan/render-plan.js';
import type { RenderedFile } from '../render/render-files.js';

/**
 * OpenAPI Generator's `--global-property` file selection: `apis`, `models` and `supportingFiles`
 * (each optionally limited to names, `models=Pet:User`), `apiDocs` and `modelDocs` (true unless
 * `=false`). When none of the three kinds is named, every kind is generated.
 */
export interface FileSelection {
  apis?: true | string[];
  models?: true | string[];
  supportingFiles?: true | string[];
  apiDocs: boolean;
  modelDocs: boolean;
}

const KINDS = ['apis', 'models', 'supportingFiles'] as const;

/** Parses `apis,models=Pet:User,apiDocs=false`; returns the selection and the keys it does not know. */
export function parseGlobalProperty(text: string): { selection: FileSelection; unknown: string[] } {
  const selection: FileSelection = { apiDocs: true, modelDocs: true };
  const unknown: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [key = '', value] = entry.split('=', 2);
    if (key === 'apiDocs' || key === 'modelDocs') selection[key] = value !== 'false';
    else if ((KINDS as readonly string[]).includes(key)) {
      const kind = key as (typeof KINDS)[number];
      if (value !== 'false') selection[kind] = value === undefined || value === '' || value === 'true' ? true : value.split(':');
    } else unknown.push(key);
  }
  return { selection, unknown };
}

type Kind = 'apis' | 'models' | 'supportingFiles' | 'apiDocs' | 'modelDocs';

/** The kind of a generated file and the names `apis=`/`models=` may select it by (class or TS name, and the spec's schema name). */
function kindOf(file: PlannedFile | undefined, specNames: ReadonlyMap<string, string>): { kind: Kind; names: string[] } {
  const docName = file?.path.replace(/^docs\/|\.md$/g, '') ?? '';
  switch (file?.template) {
    case 'api':
      return { kind: 'apis', names: [file.view.className] };
    case 'model':
      return { kind: 'models', names: [file.view.name, file.view.specName] };
    case 'doc-api':
      return { kind: 'apiDocs', names: [docName] };
    case 'doc-model':
      return { kind: 'modelDocs', names: [docName, specNames.get(docName) ?? docName] };
    default:
      return { kind: 'supportingFiles', names: file ? [file.path] : [] };
  }
}

function allows(list: true | string[] | undefined, names: string[], anyNamed: boolean): boolean {
  if (list === undefined) return !anyNamed;
  return list === true || names.some((n) => list.includes(n));
}

/** Keeps the files the selection asks for; docs follow their kind (and `apiDocs`/`modelDocs`). */
export function selectFiles<F extends RenderedFile>(files: F[], plan: readonly PlannedFile[], selection: FileSelection | undefined): F[] {
  if (!selection) return files;
  const planned = new Map(plan.map((f) => [f.path, f]));
  const specNames = new Map(plan.flatMap((f) => (f.template === 'model' ? [[f.view.name, f.view.specName] as const] : [])));
  const anyNamed = KINDS.some((k) => selection[k] !== undefined);
  return files.filter((file) => {
    const { kind, names } = kindOf(planned.get(file.path), specNames);
    if (kind === 'apiDocs') return selection.apiDocs && allows(selection.apis, names, anyNamed);
    if (kind === 'modelDocs') return selection.modelDocs && allows(selection.models, names, anyNamed);
    return allows(selection[kind], names, anyNamed);
  });
}
