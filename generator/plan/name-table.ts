import type { ApiModel, IrOperation } from '../normalize/api-model.js';
import { camelCase, NameRegistry, pascalCase, RUNTIME_EXPORTS, typeName } from './names.js';
import { schemasUsedInRequests, schemasWithRequestVariant } from './read-write-only.js';
import { webhookBaseNames } from './webhook-names.js';

/** Every exported name of one generated client, decided once so that none collides. */
export interface NameTable {
  /** components.schemas key → model name. */
  models: Map<string, string>;
  /**
   * components.schemas key → the name of its request variant (`PetRequest`: without readOnly
   * properties, with writeOnly ones), for the schemas whose request and response types differ.
   */
  requestModels: Map<string, string>;
  /** tag → API class name. */
  apiClasses: Map<string, string>;
  /** Per operation (same order as ApiModel.operations). */
  operations: OperationNames[];
  /** Per webhook and callback operation (same order as ApiModel.webhooks): its interface in webhooks.ts. */
  webhooks: string[];
}

export interface OperationNames {
  /** The tags whose classes get this operation; the first is its home (it declares its types). */
  tags: string[];
  /** camelCase base of the method names. */
  method: string;
  params: string;
  error: string;
}

export const DEFAULT_TAG = 'default';

/**
 * Claims names in a fixed order (runtime exports, API classes, models, operation types, webhook
 * and callback interfaces), each group sorted, so the result depends on the spec's content, not the order of its keys.
 */
export function buildNameTable(model: ApiModel): NameTable {
  const registry = new NameRegistry([...RUNTIME_EXPORTS]);
  const apiClasses = new Map<string, string>();
  const tags = [...new Set(model.operations.flatMap(operationTags))].sort();
  // The `Api` suffix keeps class names clear of reserved words and globals (`default` → `DefaultApi`).
  for (const tag of tags) apiClasses.set(tag, registry.claim(`${pascalCase(tag) || 'Default'}Api`));
  const models = new Map<string, string>();
  for (const name of model.schemas.map((s) => s.name).sort()) models.set(name, registry.claim(typeName(name, 'Model')));
  const requestModels = new Map<string, string>();
  const inRequests = schemasUsedInRequests(model);
  for (const name of [...schemasWithRequestVariant(model.schemas)].filter((n) => inRequests.has(n)).sort()) requestModels.set(name, registry.claim(`${models.get(name)!}Request`));
  const operations = model.operations.map((operation) => {
    const base = operationBaseName(operation);
    const type = typeName(base, 'Operation');
    return { tags: operationTags(operation), method: camelCase(base) || 'operation', params: registry.claim(`${type}Params`), error: registry.claim(`${type}Error`) };
  });
  const webhooks = webhookBaseNames(model).map((base) => registry.claim(base));
  return { models, requestModels, apiClasses, operations, webhooks };
}

export function operationTags(operation: IrOperation): string[] {
  return operation.tags.length > 0 ? [...new Set(operation.tags)] : [DEFAULT_TAG];
}

/** The operationId, or `<method> <path>` words (`get /pets/{id}` → `getPetsById`) when the spec gives none. */
export function operationBaseName(operation: IrOperation): string {
  if (operation.operationId !== undefined && pascalCase(operation.operationId) !== '') return operation.operationId;
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => ` by ${name} `);
  return `${operation.method} ${path}`;
}
