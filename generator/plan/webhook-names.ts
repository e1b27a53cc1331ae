import type { ApiModel, IrWebhook } from '../normalize/api-model.js';
import { operationBaseName } from './name-table.js';
import { typeName } from './names.js';

/**
 * The base type name of each webhook and callback operation (same order as ApiModel.webhooks):
 * `<Key>Webhook` for a webhook, `<OperationId><CallbackKey>Callback` for a callback, with the
 * HTTP method before the suffix when one key holds several operations. Its interface in
 * webhooks.ts takes this name, its hoisted bodies `<Base>Request` and `<Base><Status>Response`.
 * Not unique yet: the hoister and the name table claim them.
 */
export function webhookBaseNames(model: Pick<ApiModel, 'operations' | 'webhooks'>): string[] {
  const webhooks = model.webhooks ?? [];
  const groupSize = new Map<string, number>();
  for (const webhook of webhooks) groupSize.set(groupOf(webhook), (groupSize.get(groupOf(webhook)) ?? 0) + 1);
  return webhooks.map((webhook) => {
    const method = (groupSize.get(groupOf(webhook)) ?? 0) > 1 ? ` ${webhook.operation.method}` : '';
    if (webhook.source === 'webhook') return typeName(`${webhook.key}${method} webhook`, 'Webhook');
    const owner = webhook.operationIndex !== undefined ? model.operations[webhook.operationIndex] : undefined;
    return typeName(`${owner ? operationBaseName(owner) : ''} ${webhook.key}${method} callback`, 'Callback');
  });
}

/** Webhooks of one key, or callbacks of one key of one operation, share a name but for the method. */
function groupOf(webhook: IrWebhook): string {
  return JSON.stringify([webhook.source, webhook.operationIndex ?? -1, webhook.key]);
}
