import type { ApiModel } from '../normalize/api-model.js';
import type { PlannedFile, RenderPlan } from '../plan/render-plan.js';

/** What `--dump-context` prints: each file that renders the operation or schema, with the view its template receives. */
export interface DumpedContext {
  kind: 'operation' | 'schema';
  name: string;
  files: { path: string; template: string; view: unknown }[];
}

/** Finds the views of an operation (by operationId) or a schema (by its components.schemas key or TS name). */
export function findContext(model: ApiModel, plan: RenderPlan, name: string): DumpedContext | undefined {
  const index = model.operations.findIndex((op) => op.operationId === name);
  if (index >= 0) return { kind: 'operation', name, files: plan.files.flatMap((file) => operationViews(file, index)) };
  const models = plan.files.filter((f): f is Extract<PlannedFile, { template: 'model' }> => f.template === 'model' && (f.view.specName === name || f.view.name === name));
  if (models.length === 0) return undefined;
  const docs = plan.files.filter((f) => f.template === 'doc-model' && models.some((m) => f.path === `docs/${m.view.name}.md`));
  return { kind: 'schema', name, files: [...models, ...docs].map((f) => ({ path: f.path, template: f.template, view: 'view' in f ? f.view : undefined })) };
}

/** The API file's method and operation types for the operation, and its section of the API's doc. */
function operationViews(file: PlannedFile, index: number): DumpedContext['files'] {
  if (file.template !== 'api') return [];
  const methods = file.view.methods.filter((m) => m.operationIndex === index);
  if (methods.length === 0) return [];
  const operationTypes = file.view.operationTypes.filter((t) => methods.some((m) => m.paramsType.startsWith(t.paramsName)));
  return [{ path: file.path, template: 'api', view: { className: file.view.className, methods, operationTypes } }];
}
