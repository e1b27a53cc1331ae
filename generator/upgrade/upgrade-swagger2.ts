import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { OriginSourceMap, type Origins } from '../load/origin-source-map.js';
import { appendPointer, type SourceMap } from '../load/source-map.js';
import { isObject, objectField, stringField, type JsonObject } from '../normalize/json.js';
import { stringList, upgradePathItem, type MediaDefaults } from './operation-object-2.js';
import { upgradeParameter } from './parameter-object-2.js';
import { requestBodyOf } from './request-body-2.js';
import { upgradeResponse } from './response-object-2.js';
import { upgradeSchemaMap } from './schema-object-2.js';
import { upgradeSecurityDefinitions } from './security-scheme-2.js';
import { copyExtensions, copyFields, track, type UpgradeContext } from './upgrade-context.js';

/** A Swagger 2.0 document as OpenAPI 3.0, with a source map back to the 2.0 text. */
export interface UpgradedSpec {
  document: Record<string, unknown>;
  sourceMap: SourceMap;
  diagnostics: Diagnostic[];
}

/**
 * Upgrades Swagger 2.0 to OpenAPI 3.0.3 before validation, so oasgen has one normalizer
 * (following the mapping of OAS 3.0 §4.7 onto OAS 2.0's objects). New objects record the 2.0
 * pointer they came from, so diagnostics on the 3.0 document point at the 2.0 source.
 */
export function upgradeSwagger2(source: JsonObject, sourceMap: SourceMap): UpgradedSpec {
  const origins: Origins = new WeakMap();
  const ctx: UpgradeContext = { source, sourceMap, origins, diagnostics: [] };
  const defaults: MediaDefaults = { consumes: stringList(source, 'consumes') ?? [], produces: stringList(source, 'produces') ?? [] };
  const document: Record<string, unknown> = track(ctx, { openapi: '3.0.3' }, '#');
  copyFields(source, document, ['info', 'tags', 'externalDocs', 'security']);
  const servers = serversOf(source);
  if (servers.length > 0) document['servers'] = track(ctx, servers, '#');
  const paths: Record<string, unknown> = track(ctx, {}, '#/paths');
  for (const [path, item] of Object.entries(objectField(source, 'paths') ?? {})) {
    paths[path] = isObject(item) && !path.startsWith('x-') ? upgradePathItem(ctx, item, appendPointer('#/paths', path), defaults) : item;
  }
  document['paths'] = paths;
  const components = upgradeComponents(ctx, defaults);
  if (Object.keys(components).length > 0) document['components'] = components;
  copyExtensions(source, document);
  return { document, sourceMap: new OriginSourceMap(document, origins), diagnostics: ctx.diagnostics };
}

/** `definitions`, `parameters`, `responses` and `securityDefinitions` under `components`; body parameters become request bodies. */
function upgradeComponents(ctx: UpgradeContext, defaults: MediaDefaults): Record<string, unknown> {
  const components: Record<string, unknown> = track(ctx, {}, '#');
  const definitions = objectField(ctx.source, 'definitions');
  if (definitions) components['schemas'] = upgradeSchemaMap(ctx, definitions, '#/definitions');
  const parameters: Record<string, unknown> = track(ctx, {}, '#/parameters');
  const requestBodies: Record<string, unknown> = track(ctx, {}, '#/parameters');
  for (const [name, parameter] of Object.entries(objectField(ctx.source, 'parameters') ?? {})) {
    if (!isObject(parameter)) continue;
    const at = appendPointer('#/parameters', name);
    // formData parameters are inlined into each operation's form body; body ones become request bodies.
    if (parameter['in'] === 'body') requestBodies[name] = requestBodyOf(ctx, parameter, at, defaults.consumes);
    else if (parameter['in'] !== 'formData') parameters[name] = upgradeParameter(ctx, parameter, at);
  }
  if (Object.keys(parameters).length > 0) components['parameters'] = parameters;
  if (Object.keys(requestBodies).length > 0) components['requestBodies'] = requestBodies;
  const responses = objectField(ctx.source, 'responses');
  if (responses) {
    const out: Record<string, unknown> = track(ctx, {}, '#/responses');
    for (const [name, response] of Object.entries(responses)) out[name] = upgradeResponse(ctx, response, appendPointer('#/responses', name), defaults.produces);
    components['responses'] = out;
  }
  const security = objectField(ctx.source, 'securityDefinitions');
  if (security) components['securitySchemes'] = upgradeSecurityDefinitions(ctx, security, '#/securityDefinitions');
  return components;
}

/** `schemes` × `host` + `basePath` as Server Objects (OAS 2.0 §Swagger Object); https when no scheme is given. */
export function serversOf(source: JsonObject): { url: string }[] {
  const host = stringField(source, 'host');
  const basePath = stringField(source, 'basePath') ?? '';
  if (host === undefined) return basePath === '' ? [] : [{ url: basePath }];
  const schemes = (stringList(source, 'schemes') ?? []).filter((s) => s === 'http' || s === 'https');
  return (schemes.length > 0 ? schemes : ['https']).map((scheme) => ({ url: `${scheme}://${host}${basePath}` }));
}
