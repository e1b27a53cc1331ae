import type { ApiModel, IrMediaType, IrWebhook } from '../normalize/api-model.js';
import { docType } from './doc-types.js';
import type { DocRow } from './doc-views.js';
import { cell, codeSpan } from './markdown.js';
import { receivedBodyKind } from './plan-webhooks.js';
import type { TypeScope } from './type-printer.js';

/**
 * The README's webhooks and callbacks table (OAS 3.1 §4.8.1 `webhooks`, §4.8.18 Callback
 * Object): per operation its interface in webhooks.ts, what declares it, the request the API
 * sends (method and, for callbacks, the runtime expression of the URL), the body types linked
 * to their model pages, the expected answers and the parameters (which get no type).
 */
export function webhookDocRows(model: ApiModel, interfaceNames: readonly string[], scope: TypeScope): DocRow[] {
  return (model.webhooks ?? []).map((webhook, i) => {
    const { operation } = webhook;
    const body = operation.requestBody;
    return {
      name: `[**${interfaceNames[i]!}**](webhooks.ts)`,
      declaredBy: declaredBy(model, webhook),
      request: `**${operation.method.toUpperCase()}** ${webhook.expression !== undefined ? codeSpan(webhook.expression) : '(the URL registered for it)'}`,
      body: body && body.contents.length > 0 ? contentsDoc(body.contents, scope) + (body.required ? '' : ' [optional]') : '-',
      responses: operation.responses.map((r) => `**${cell(r.status)}** ${r.contents.length > 0 ? contentsDoc(r.contents, scope) : '-'}`).join('<br>') || '-',
      parameters: operation.parameters.map((p) => `${p.in} ${codeSpan(p.name)}${p.required ? '' : ' [optional]'}`).join('<br>') || '-',
    };
  });
}

function declaredBy(model: ApiModel, webhook: IrWebhook): string {
  if (webhook.source === 'webhook') return `webhook ${codeSpan(webhook.key)}`;
  const owner = webhook.operationIndex !== undefined ? model.operations[webhook.operationIndex] : undefined;
  const of = owner ? (owner.operationId !== undefined ? codeSpan(owner.operationId) : `**${owner.method.toUpperCase()}** ${cell(owner.path)}`) : '';
  return `callback ${codeSpan(webhook.key)} of ${of}`;
}

/** Each media type's body type (models linked to their page in docs/) and the media type. */
function contentsDoc(contents: IrMediaType[], scope: TypeScope): string {
  return contents.map((c) => {
    const kind = receivedBodyKind(c.mediaType);
    const type = kind === 'schema' ? (c.schema ? docType(c.schema, scope, 'docs/') : codeSpan('unknown')) : codeSpan(kind === 'blob' ? 'Blob' : 'string');
    return `${type} (${cell(c.mediaType)})`;
  }).join('<br>');
}
