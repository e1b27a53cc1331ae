import type { ApiModel } from '../normalize/api-model.js';
import { hoistInlineSchemas } from './hoist-inline-schemas.js';
import { buildNameTable } from './name-table.js';
import { planApis } from './plan-apis.js';
import { planDocs } from './plan-docs.js';
import { planModels } from './plan-models.js';
import { planIndex, planSecurity, planServers } from './plan-support.js';
import { planWebhooks } from './plan-webhooks.js';
import type { PlannedFile, RenderPlan } from './render-plan.js';

/** Decides every file of the client and its docs, with every name and type text in it. */
export function planClient(specModel: ApiModel, runtime: ReadonlyMap<string, string>): RenderPlan {
  const model = hoistInlineSchemas(specModel);
  const names = buildNameTable(model);
  const models = planModels(model, names);
  const apis = planApis(model, names);
  const webhooks = planWebhooks(model, names);
  const runtimeFiles: PlannedFile[] = [...runtime.keys()].sort().map((name) => ({ path: `runtime/${name}`, template: 'runtime', source: runtime.get(name)! }));
  const files: PlannedFile[] = [
    planIndex(apis, models, webhooks),
    planServers(model),
    planSecurity(model),
    ...(webhooks ? [webhooks] : []),
    ...runtimeFiles,
    ...apis,
    ...models,
    ...planDocs(model, names, apis, models),
  ];
  return { files };
}
