import type { ApiModel, IrOperation, IrResponse, IrSecurityScheme, NamedSchema } from '../normalize/api-model.js';
import { docExample, modelExample } from './doc-example.js';
import { docScope, docType } from './doc-types.js';
import type { DocApiView, DocMethodView, DocModelView, DocReadmeView, DocRow } from './doc-views.js';
import { cell, codeSpan, paragraph, plainText } from './markdown.js';
import type { NameTable } from './name-table.js';
import type { ApiView, MethodView, ModelView, PlannedFile } from './render-plan.js';
import { defaultBasePath } from './plan-support.js';
import { bodyKindOf, contentsFor, errorResponses, successResponses } from './responses.js';
import { requestScope } from './plan-models.js';
import { sentMediaType } from './request-body.js';
import { includesProperty } from './read-write-only.js';
import type { TypeScope } from './type-printer.js';
import { webhookDocRows } from './webhook-docs.js';

/** The markdown docs: `README.md`, `docs/<Api>.md` per API class, `docs/<Model>.md` per model. */
export function planDocs(model: ApiModel, names: NameTable, apiFiles: PlannedFile[], modelFiles: PlannedFile[]): PlannedFile[] {
  const scope = docScope(names.models);
  const forRequests = requestScope(scope, names.requestModels);
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  const basePath = defaultBasePath(model.servers);
  const apis = apiFiles.flatMap((f) => (f.template === 'api' ? [f.view] : []));
  const docApis = apis.map((api) => planApiDoc(model, api, { scope, forRequests, schemas, basePath }));
  const docModels = modelFiles.flatMap((f) => (f.template === 'model' ? [planModelDoc(f.view, schemas, f.view.direction === 'request' ? forRequests : scope)] : []));
  return [
    { path: 'README.md', template: 'doc-readme', view: { ...planReadme(model, docApis, docModels, basePath), webhooks: webhookDocRows(model, names.webhooks, scope) } },
    ...docApis.map((view) => ({ path: `docs/${view.className}.md`, template: 'doc-api' as const, view })),
    ...docModels.map((view) => ({ path: `docs/${view.name}.md`, template: 'doc-model' as const, view })),
  ];
}

interface DocContext {
  scope: TypeScope;
  /** Names request variants (`PetRequest`) for request bodies and parameters. */
  forRequests: TypeScope;
  schemas: ReadonlyMap<string, NamedSchema>;
  basePath: string;
}

function planApiDoc(model: ApiModel, api: ApiView, ctx: DocContext): DocApiView {
  const methods = api.methods.map((method) => planMethodDoc(model, api, method, ctx));
  return {
    className: api.className,
    description: paragraph(api.doc.join('\n')),
    basePath: cell(ctx.basePath),
    rows: api.methods.map((method, i) => {
      const operation = model.operations[method.operationIndex]!;
      return {
        method: `[**${method.name}**](${api.className}.md#${method.name})`,
        request: `**${operation.method.toUpperCase()}** ${cell(operation.path)}`,
        description: cell(operation.summary ?? firstLine(operation.description)) + (methods[i]!.streams ? ' (streams)' : ''),
      };
    }),
    methods,
  };
}

function planMethodDoc(model: ApiModel, api: ApiView, method: MethodView, ctx: DocContext): DocMethodView {
  const operation = model.operations[method.operationIndex]!;
  const security = operation.security ?? model.security;
  const schemes = [...new Set(security.flat().map((r) => r.scheme))];
  const bodyTypes = [...new Set((operation.requestBody?.contents ?? []).map((c) => sentMediaType(c.mediaType)))];
  const streams = method.kind === 'stream';
  return {
    name: method.name,
    signature: codeSpan(`${method.name}(params${method.paramsOptional ? '?' : ''}: ${method.paramsType}, options?: ${method.optionsType}): ${method.returnType}`, 'text'),
    description: paragraph([operation.summary, operation.description].filter((t) => t !== undefined && t.trim() !== '').join('\n\n')),
    streams,
    example: docExample(model, operation, method, { apiClass: api.className, schemas: ctx.schemas, basePath: ctx.basePath }),
    parameters: parameterRows(operation, ctx.forRequests),
    returnType: returnTypeDoc(operation, method, ctx.scope),
    events: streams ? eventRows(operation, ctx.scope) : [],
    authorization: schemes.length > 0 ? schemes.map((s) => `[${cell(s)}](../README.md#${anchorOf(s)})`).join(', ') : 'No authorization required',
    contentType: bodyTypes.length > 0 ? bodyTypes.map((t, i) => cell(t) + (i === 0 && bodyTypes.length > 1 ? ' (default)' : '')).join(', ') : 'Not defined',
    accept: cell(method.requestSpec.match(/accept: "([^"]*)"/)?.[1] ?? 'Not defined'),
    responses: operation.responses.map((r) => ({
      status: `**${cell(r.status)}**`,
      description: cell(r.description),
      body: responseBodyDoc(r, ctx.scope),
      headers: r.headers.length > 0 ? r.headers.map((h) => `* ${cell(h.name)} - ${cell(h.description)}`).join('<br>') : '-',
    })),
    errorType: errorResponses(operation.responses).length > 0 ? codeSpan(api.operationTypes.find((t) => t.paramsName === method.paramsType)?.errorName ?? method.paramsType.replace(/Params$/, 'Error'), 'text') : '',
  };
}

function parameterRows(operation: IrOperation, scope: TypeScope): DocRow[] {
  const rows: DocRow[] = operation.parameters.map((p) => ({
    name: `**${plainText(p.name)}**`,
    type: docType(p.schema, scope),
    location: `${p.in}${p.in === 'query' || p.in === 'cookie' || p.style !== 'simple' ? ` (${p.style}${p.explode ? ', explode' : ''})` : ''}`,
    description: cell(p.description),
    notes: [p.required ? '' : '[optional]', p.schema.default !== undefined ? `[default to ${cell(JSON.stringify(p.schema.default))}]` : '', p.deprecated ? '[deprecated]' : ''].filter(Boolean).join(' '),
  }));
  const body = operation.requestBody;
  // One row per media type: with several, the `contentType` param picks the one sent (the first by default).
  body?.contents.forEach((content, i) => {
    rows.push({
      name: '**body**',
      type: content.schema ? docType(content.schema, scope) : codeSpan('unknown'),
      location: `body (${cell(content.mediaType)}${body.contents.length > 1 && i === 0 ? ', the default' : ''})`,
      description: cell(body.description),
      notes: body.required ? '' : '[optional]',
    });
  });
  return rows;
}

function returnTypeDoc(operation: IrOperation, method: MethodView, scope: TypeScope): string {
  if (method.kind === 'void') return '`void` (empty response body)';
  if (method.kind === 'text') return '`string`';
  if (method.kind === 'blob') return '`Blob`';
  const contents = contentsFor(operation.responses, method.kind);
  const schema = contents.find((c) => c.schema)?.schema;
  if (method.kind === 'stream') {
    return `${codeSpan(method.returnType, 'text')}: an async iterable of server-sent events; iterate it with \`for await\`. \`break\` or \`options.signal\` closes the connection.`;
  }
  const bodies = [...new Set(contents.flatMap((c) => (c.schema ? [docType(c.schema, scope, '', 'text')] : [])))];
  const noBody = successResponses(operation.responses).some((r) => r.contents.length === 0);
  return (bodies.join(' \\| ') || (schema ? docType(schema, scope, '', 'text') : '`unknown`')) + (noBody ? ' or `undefined` (no body)' : '');
}

/** What a response carries, per media type: its type linked to the model page (`-` for no body). */
function responseBodyDoc(response: IrResponse, scope: TypeScope): string {
  if (response.contents.length === 0) return '-';
  return response.contents
    .map((c) => {
      const kind = bodyKindOf(c.mediaType);
      const type = kind === 'blob' ? codeSpan('Blob') : kind === 'text' ? codeSpan('string') : c.schema ? docType(c.schema, scope) : codeSpan('unknown');
      return `${type} (${cell(c.mediaType)})`;
    })
    .join('<br>');
}

function eventRows(operation: IrOperation, scope: TypeScope): DocRow[] {
  const stream = contentsFor(operation.responses, 'stream').find((c) => c.stream)?.stream;
  return (stream?.events ?? []).map((e) => ({
    event: e.name !== undefined ? codeSpan(JSON.stringify(e.name)) : 'any (`message` by default)',
    data: e.dataFormat === 'text' ? codeSpan('string') : docType(e.data, scope),
    format: e.dataFormat === 'json' ? 'JSON' : 'text',
  }));
}

function planModelDoc(view: ModelView, schemas: ReadonlyMap<string, NamedSchema>, scope: TypeScope): DocModelView {
  const schema = schemas.get(view.specName)!.schema;
  const object = schema.kind === 'object' ? schema : undefined;
  return {
    name: view.name,
    description: paragraph(view.doc.join('\n')),
    declaration: view.declaration,
    typeText: codeSpan(view.declaration === 'interface' ? 'interface' : view.typeText, 'text'),
    properties: (object?.properties ?? []).filter((p) => includesProperty(p, view.direction)).map((p) => ({
      name: `**${plainText(p.name)}**`,
      type: docType(p.schema, scope),
      description: cell(p.schema.description),
      notes: [
        p.required ? '' : '[optional]',
        p.schema.readOnly ? '[readonly]' : '',
        p.schema.writeOnly ? '[writeonly]' : '',
        p.schema.default !== undefined ? `[default to ${cell(JSON.stringify(p.schema.default))}]` : '',
        p.schema.deprecated ? '[deprecated]' : '',
      ].filter(Boolean).join(' '),
    })),
    values: schema.kind === 'enum' ? view.enumMembers.map((m) => ({ name: codeSpan(m.key), value: codeSpan(m.value) })) : [],
    variants: schema.kind === 'union' ? schema.variants.map((v) => ({ type: docType(v, scope, '', 'text') })) : [],
    discriminator: schema.kind === 'union' && schema.discriminator ? codeSpan(schema.discriminator.propertyName, 'text') : '',
    example: modelExample(view.name, schema, schemas, view.direction),
  };
}

function planReadme(model: ApiModel, apis: DocApiView[], models: DocModelView[], basePath: string): Omit<DocReadmeView, 'webhooks'> {
  const first = apis.find((a) => a.methods.length > 0);
  // The README sits next to index.ts, one folder above the docs its example is taken from.
  const example = (first?.methods[0]?.example ?? '').replace("from '../index.js';", "from './index.js';");
  return {
    title: plainText(model.info.title) || 'API client',
    description: paragraph(model.info.description),
    version: plainText(model.info.version),
    basePath: cell(basePath),
    example,
    apis: apis.flatMap((api) =>
      api.rows.map((row) => ({ className: `_${api.className}_`, method: row['method']!.replace(`(${api.className}.md`, `(docs/${api.className}.md`), request: row['request']!, description: row['description']! })),
    ),
    models: models.map((m) => ({ link: `[${m.name}](docs/${m.name}.md)` })),
    schemes: model.securitySchemes.map((s) => ({ key: anchorOf(s.key), lines: schemeLines(s) })),
  };
}

/** The facts of a scheme the README lists, as OpenAPI Generator's docs do. */
function schemeLines(scheme: IrSecurityScheme): string[] {
  switch (scheme.type) {
    case 'http':
      return scheme.scheme === 'basic'
        ? ['**Type**: HTTP basic authentication', '**Configuration**: `username` and `password`']
        : scheme.scheme === 'bearer'
          ? [`**Type**: Bearer authentication${scheme.bearerFormat ? ` (${cell(scheme.bearerFormat)})` : ''}`, '**Configuration**: `accessToken`']
          : [`**Type**: HTTP ${cell(scheme.scheme)} authentication`, '**Configuration**: `accessToken`'];
    case 'apiKey':
      return [
        '**Type**: API key',
        `**API key parameter name**: ${cell(scheme.parameterName)}`,
        `**Location**: ${scheme.in === 'cookie' ? 'cookie (browsers do not let scripts set cookies: there, log in so the browser holds the cookie and pass `credentials: \'include\'`)' : scheme.in === 'query' ? 'URL query string' : 'HTTP header'}`,
        '**Configuration**: `apiKey`',
      ];
    case 'oauth2':
      return ['**Type**: OAuth', ...scheme.flows.map((f) => `**Flow**: ${cell(f.flow)}${f.scopes.length > 0 ? `; scopes: ${f.scopes.map((s) => codeSpan(s.name)).join(', ')}` : ''}`), '**Configuration**: `accessToken`'];
    case 'openIdConnect':
      return ['**Type**: OpenID Connect', `**Discovery URL**: ${cell(scheme.url)}`, '**Configuration**: `accessToken`'];
  }
}

/** The HTML id of a security scheme's README section: its key with anything unsafe replaced. */
export function anchorOf(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '-');
}

function firstLine(text: string | undefined): string | undefined {
  return text?.trim().split(/\r\n|\r|\n/)[0];
}

