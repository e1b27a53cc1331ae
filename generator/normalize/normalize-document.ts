import { DiagnosticSink } from '../diagnostics/reporter.js';
import { appendPointer } from '../load/source-map.js';
import type { ApiModel, HttpMethod, IrOperation, IrServer, NamedSchema } from './api-model.js';
import type { NormalizeContext } from './context.js';
import { arrayField, isObject, objectField, stringField, type JsonObject } from './json.js';
import { normalizeOperationObject, normalizeParameterList, normalizeSecurityRequirements } from './operation-object.js';
import { normalizeSchemaObject } from './schema-object.js';
import { normalizeSecuritySchemes } from './security-scheme-object.js';
import { normalizeCallbacks, normalizeWebhooks } from './callback-object.js';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/** Normalizes an OpenAPI 3.x document (OAS 3.1 §4.8.1 OpenAPI Object) into the ApiModel. */
export function normalizeDocument(document: JsonObject, sink: DiagnosticSink): ApiModel {
  const ctx: NormalizeContext = { document, sink };
  const info = objectField(document, 'info') ?? {};
  const components = objectField(document, 'components') ?? {};
  const schemasNode = objectField(components, 'schemas') ?? {};
  // Sorted (by UTF-16 code units, the same everywhere): components are looked up by name, so
  // their key order carries no meaning and must not reorder the output (issue 5, determinism).
  const schemas: NamedSchema[] = Object.keys(schemasNode).sort().map((name) => ({
    name,
    schema: normalizeSchemaObject(ctx, schemasNode[name], appendPointer('#', 'components', 'schemas', name)),
  }));
  const description = stringField(info, 'description');
  const webhooks = [...normalizeWebhooks(ctx, document), ...normalizeCallbacks(ctx, objectField(document, 'paths'))];
  return {
    openapi: stringField(document, 'openapi') ?? '',
    info: { title: stringField(info, 'title') ?? '', version: stringField(info, 'version') ?? '', ...(description !== undefined ? { description } : {}) },
    servers: normalizeServers(arrayField(document, 'servers')),
    tags: (arrayField(document, 'tags') ?? []).filter(isObject).flatMap((tag) => {
      const name = stringField(tag, 'name');
      const tagDescription = stringField(tag, 'description');
      return name === undefined ? [] : [{ name, ...(tagDescription !== undefined ? { description: tagDescription } : {}) }];
    }),
    schemas,
    operations: normalizePaths(ctx, objectField(document, 'paths')),
    securitySchemes: normalizeSecuritySchemes(ctx, objectField(components, 'securitySchemes'), '#/components/securitySchemes'),
    security: normalizeSecurityRequirements(document['security']),
    ...(webhooks.length > 0 ? { webhooks } : {}),
  };
}

function normalizePaths(ctx: NormalizeContext, paths: JsonObject | undefined): IrOperation[] {
  const operations: IrOperation[] = [];
  for (const path of Object.keys(paths ?? {})) {
    if (path.startsWith('x-')) continue;
    const itemPointer = appendPointer('#', 'paths', path);
    const raw = paths![path];
    if (!isObject(raw)) continue;
    const pathParameters = normalizeParameterList(ctx, arrayField(raw, 'parameters'), appendPointer(itemPointer, 'parameters'));
    for (const method of HTTP_METHODS) {
      const node = raw[method];
      if (!isObject(node)) continue;
      operations.push(normalizeOperationObject(ctx, node, { path, method, pointer: appendPointer(itemPointer, method), pathParameters }));
    }
  }
  return operations;
}

/** Server Objects (OAS 3.1 §4.8.5) with their variables' defaults. */
function normalizeServers(list: readonly unknown[] | undefined): IrServer[] {
  return (list ?? []).filter(isObject).map((server) => {
    const variables = objectField(server, 'variables') ?? {};
    const description = stringField(server, 'description');
    return {
      url: stringField(server, 'url') ?? '',
      ...(description !== undefined ? { description } : {}),
      variables: Object.keys(variables).flatMap((name) => {
        const variable = variables[name];
        if (!isObject(variable)) return [];
        const values = arrayField(variable, 'enum');
        const variableDescription = stringField(variable, 'description');
        return [{
          name,
          default: String(variable['default'] ?? ''),
          ...(values ? { enum: values.map(String) } : {}),
          ...(variableDescription !== undefined ? { description: variableDescription } : {}),
        }];
      }),
    };
  });
}
