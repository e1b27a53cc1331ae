import type { ApiModel, IrMediaType, IrResponse, IrWebhook } from '../normalize/api-model.js';
import { baseMediaType } from '../normalize/media-type-object.js';
import { jsdocLines, literal } from './comments.js';
import { propertyKey } from './names.js';
import type { NameTable } from './name-table.js';
import { collectingScope } from './plan-models.js';
import type { ModelMemberView, PlannedFile, WebhookView } from './render-plan.js';
import { bodyKindOf } from './responses.js';
import { printType, type TypeScope } from './type-printer.js';

/**
 * `webhooks.ts`: per webhook and callback operation an interface of the request the API sends
 * and the answers it expects, so a receiving server can type what it handles. The bodies are
 * typed as the API sends them (the `response` direction: readOnly properties kept, OAS 3.1
 * §4.8.24.4). Undefined when the spec has neither, so such clients get no extra file.
 */
export function planWebhooks(model: ApiModel, names: Pick<NameTable, 'models' | 'webhooks'>): PlannedFile | undefined {
  const webhooks = model.webhooks ?? [];
  if (webhooks.length === 0) return undefined;
  const scope = collectingScope(names.models);
  const views = webhooks.map((webhook, i) => planWebhook(model, webhook, names.webhooks[i]!, scope));
  const used = [...scope.used].sort();
  return {
    path: 'webhooks.ts',
    template: 'webhooks',
    view: { imports: used.map((n) => ({ from: `./models/${n}.js`, names: [n], typeOnly: true })), webhooks: views },
  };
}

function planWebhook(model: ApiModel, webhook: IrWebhook, name: string, scope: TypeScope): WebhookView {
  const { operation } = webhook;
  const body = operation.requestBody;
  const members: ModelMemberView[] = [
    { doc: ['The HTTP method the API sends this request with.'], signature: `method: ${literal(operation.method.toUpperCase())}` },
    body
      ? { doc: jsdocLines(body.description, `Sent as ${body.contents.map((c) => `\`${c.mediaType}\``).join(' or ') || 'no declared media type'}.`), signature: `requestBody${body.required ? '' : '?'}: ${contentsType(body.contents, scope)}` }
      : { doc: ['No request body is declared.'], signature: 'requestBody?: undefined' },
    { doc: ['The answers the API expects, by status: the type of each body (`void`: none).'], signature: `responses: { ${operation.responses.map((r) => `${propertyKey(r.status)}: ${responseType(r, scope)}`).join('; ')} }` },
  ];
  return { name, doc: webhookDoc(model, webhook), members };
}

/** The interface's JSDoc: summary, description, what calls it and where, deprecation. */
function webhookDoc(model: ApiModel, webhook: IrWebhook): string[] {
  const { operation } = webhook;
  const method = operation.method.toUpperCase();
  const owner = webhook.operationIndex !== undefined ? model.operations[webhook.operationIndex] : undefined;
  const where = webhook.source === 'webhook'
    ? `Webhook \`${webhook.key}\`: a \`${method}\` request the API sends to a URL agreed out of band (OAS 3.1 §4.8.1 \`webhooks\`).`
    : `Callback \`${webhook.key}\` of \`${owner?.operationId ?? `${owner?.method.toUpperCase()} ${owner?.path}`}\`: the API sends \`${method} ${webhook.expression ?? ''}\` (a runtime expression, OAS 3.1 §4.8.18.1).`;
  const lines = jsdocLines(operation.summary, operation.description, where);
  if (operation.deprecated) lines.push('@deprecated');
  return lines;
}

function responseType(response: IrResponse, scope: TypeScope): string {
  return response.contents.length === 0 ? 'void' : contentsType(response.contents, scope);
}

/** The union of a body's types over its media types; `unknown` absorbs the rest. */
function contentsType(contents: IrMediaType[], scope: TypeScope): string {
  const types = [...new Set(contents.map((c) => receivedType(c, scope)))];
  if (types.length === 0 || types.includes('unknown')) return 'unknown';
  return types.join(' | ');
}

/** A body as its receiver decodes it: JSON, form and multipart bodies by their schema, text as a string, anything else as a Blob. */
function receivedType(content: IrMediaType, scope: TypeScope): string {
  const kind = receivedBodyKind(content.mediaType);
  if (kind === 'schema') return content.schema ? printType(content.schema, scope) : 'unknown';
  return kind === 'blob' ? 'Blob' : 'string';
}

/** How a receiver decodes a body of this media type: `schema` for JSON, form and multipart bodies. */
export function receivedBodyKind(mediaType: string): 'schema' | 'text' | 'blob' {
  const base = baseMediaType(mediaType);
  const kind = bodyKindOf(mediaType);
  if (kind === 'json' || base === 'application/x-www-form-urlencoded' || base.startsWith('multipart/')) return 'schema';
  return kind === 'blob' ? 'blob' : 'text';
}
