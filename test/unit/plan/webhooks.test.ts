import { describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../../../generator/diagnostics/reporter.js';
import type { ApiModel } from '../../../generator/normalize/api-model.js';
import { normalizeDocument } from '../../../generator/normalize/normalize-document.js';
import { hoistInlineSchemas } from '../../../generator/plan/hoist-inline-schemas.js';
import { buildNameTable } from '../../../generator/plan/name-table.js';
import { planWebhooks } from '../../../generator/plan/plan-webhooks.js';

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const inline = { type: 'object', properties: { id: { type: 'string' } } };
const ok = { responses: { '200': { description: 'ok' } } };

function normalize(document: Record<string, unknown>): { model: ApiModel; warnings: string[] } {
  const sink = new DiagnosticSink();
  const model = normalizeDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, ...document }, sink);
  return { model, warnings: sink.items.map((d) => `${d.severity} ${d.code} ${d.pointer}`) };
}

/** Given a document, want per webhook/callback: what declares it, its request, its interface and its body type names. */
function described(document: Record<string, unknown>): string[] {
  const { model } = normalize(document);
  const hoisted = hoistInlineSchemas(model);
  const names = buildNameTable(hoisted);
  const file = planWebhooks(hoisted, names);
  const views = file?.template === 'webhooks' ? file.view.webhooks : [];
  return (hoisted.webhooks ?? []).map((w, i) => {
    const members = views[i]!.members.map((m) => m.signature).join('; ');
    return `${w.source} ${w.key}${w.operationIndex !== undefined ? ` of #${w.operationIndex}` : ''}: ${w.operation.method.toUpperCase()} ${w.operation.path} → ${names.webhooks[i]} { ${members} }`;
  });
}

const table: [string, Record<string, unknown>, string[]][] = [
  [
    'a webhook with a component body; keys sorted; a bodiless one',
    { webhooks: { 'pet.deleted': { delete: ok }, newPet: { post: { requestBody: { required: true, ...json({ $ref: '#/components/schemas/Pet' }) }, ...ok } } }, components: { schemas: { Pet: inline } } },
    [
      "webhook newPet: POST newPet → NewPetWebhook { method: \"POST\"; requestBody: Pet; responses: { \"200\": void } }",
      "webhook pet.deleted: DELETE pet.deleted → PetDeletedWebhook { method: \"DELETE\"; requestBody?: undefined; responses: { \"200\": void } }",
    ],
  ],
  [
    'inline bodies are hoisted as <Base>Request and <Base><Status>Response; two methods under one key name the method (in HTTP_METHODS order)',
    { webhooks: { ping: { post: { requestBody: json(inline), responses: { '202': { description: 'a', ...json(inline) } } }, put: ok } } },
    [
      'webhook ping: PUT ping → PingPutWebhook { method: "PUT"; requestBody?: undefined; responses: { "200": void } }',
      'webhook ping: POST ping → PingPostWebhook { method: "POST"; requestBody?: PingPostWebhookRequest; responses: { "202": PingPostWebhook202Response } }',
    ],
  ],
  [
    'callbacks are named <OperationId><Key>Callback (method and path words without operationId), by operation then key',
    {
      paths: {
        '/a': { post: { operationId: 'create_order', callbacks: { onShipped: { '{$request.body#/url}': { post: { requestBody: json(inline), ...ok } } }, onPaid: { $ref: '#/components/callbacks/Paid' } }, ...ok } },
        '/b/{id}': { put: { callbacks: { done: { '{$url}/done': { post: { requestBody: { content: { 'text/plain': {} } }, ...ok } } } }, ...ok } },
      },
      components: { callbacks: { Paid: { '{$request.query.to}': { post: { requestBody: json({ type: 'string' }), ...ok } } } } },
    },
    [
      'callback onPaid of #0: POST {$request.query.to} → CreateOrderOnPaidCallback { method: "POST"; requestBody?: string; responses: { "200": void } }',
      'callback onShipped of #0: POST {$request.body#/url} → CreateOrderOnShippedCallback { method: "POST"; requestBody?: CreateOrderOnShippedCallbackRequest; responses: { "200": void } }',
      'callback done of #1: POST {$url}/done → PutBByIdDoneCallback { method: "POST"; requestBody?: string; responses: { "200": void } }',
    ],
  ],
  [
    'names taken by components (ignoring case) get a number',
    { webhooks: { newPet: { post: { requestBody: json(inline), ...ok } } }, components: { schemas: { NewPetWebhook: inline, newPetWebhookRequest: inline } } },
    ['webhook newPet: POST newPet → NewPetWebhook2 { method: "POST"; requestBody?: NewPetWebhookRequest2; responses: { "200": void } }'],
  ],
];

describe('webhooks and callbacks: normalized, named and typed', () => {
  it.each(table)('%s', (_, document, want) => {
    expect(described(document)).toEqual(want);
  });

  it('warns once per Path Item for parameters (not typed) and for callbacks of callbacks (left out); nothing else', () => {
    const { warnings } = normalize({
      webhooks: { signed: { parameters: [{ name: 'X-Sig', in: 'header', schema: { type: 'string' } }], post: ok, put: ok } },
      paths: { '/a': { post: { callbacks: { cb: { '{$url}': { post: { callbacks: { inner: {} }, ...ok } } } }, ...ok } } },
    });
    expect(warnings).toEqual(['warning OAS301 #/webhooks/signed/parameters/0', 'warning OAS301 #/paths/~1a/post/callbacks/cb/{$url}/post/callbacks/inner']);
  });

  it('a spec without webhooks or callbacks has none, and gets no webhooks.ts', () => {
    const { model } = normalize({ paths: { '/a': { get: ok } } });
    expect(model.webhooks).toBeUndefined();
    expect(planWebhooks(model, buildNameTable(model))).toBeUndefined();
  });
});
