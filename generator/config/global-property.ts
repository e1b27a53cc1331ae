import { pascalCase } from '../plan/names.js';
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

/**
 * Whether `apis=<name>` selects the API class `className`. OpenAPI Generator compares the names
 * with its sanitized tags (`agent runs` → `AgentRuns`, DefaultGenerator.generateApis); scripts
 * written for it, or for oasgen's class names, use that, the class name (`AgentRunsApi`) or the
 * tag as the spec spells it: all three select the class made from that tag (`<PascalTag>Api`).
 */
export function selectsApi(name: string, className: string): boolean {
  if (name === '') return false;
  return name === className || `${name}Api` === className || `${pascalCase(name) || 'Default'}Api` === className;
}

/** The kind of a generated file and whether a name of `apis=`/`models=` selects it (class or TS name, the spec's schema name, an API's tag). */
function kindOf(file: PlannedFile | undefined, specNames: ReadonlyMap<string, string>): { kind: Kind; selects: (name: string) => boolean } {
  const docName = file?.path.replace(/^docs\/|\.md$/g, '') ?? '';
  const oneOf = (names: string[]) => (name: string) => names.includes(name);
  switch (file?.template) {
    case 'api':
      return { kind: 'apis', selects: (name) => selectsApi(name, file.view.className) };
    case 'model':
      return { kind: 'models', selects: oneOf([file.view.name, file.view.specName]) };
    case 'doc-api':
      return { kind: 'apiDocs', selects: (name) => selectsApi(name, docName) };
    case 'doc-model':
      return { kind: 'modelDocs', selects: oneOf([docName, specNames.get(docName) ?? docName]) };
    default:
      return { kind: 'supportingFiles', selects: oneOf(file ? [file.path] : []) };
  }
}

function allows(list: true | string[] | undefined, selects: (name: string) => boolean, anyNamed: boolean): boolean {
  if (list === undefined) return !anyNamed;
  return list === true || list.some(selects);
}

/** Keeps the files the selection asks for; docs follow their kind (and `apiDocs`/`modelDocs`). */
export function selectFiles<F extends RenderedFile>(files: F[], plan: readonly PlannedFile[], selection: FileSelection | undefined): F[] {
  if (!selection) return files;
  const planned = new Map(plan.map((f) => [f.path, f]));
  const specNames = new Map(plan.flatMap((f) => (f.template === 'model' ? [[f.view.name, f.view.specName] as const] : [])));
  const anyNamed = KINDS.some((k) => selection[k] !== undefined);
  return files.filter((file) => {
    const { kind, selects } = kindOf(planned.get(file.path), specNames);
    if (kind === 'apiDocs') return selection.apiDocs && allows(selection.apis, selects, anyNamed);
    if (kind === 'modelDocs') return selection.modelDocs && allows(selection.models, selects, anyNamed);
    return allows(selection[kind], selects, anyNamed);
  });
}
