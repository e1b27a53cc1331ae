import { appendPointer } from '../load/source-map.js';
import type { IrOAuthFlow, IrSecurityScheme } from './api-model.js';
import { followRef, type NormalizeContext } from './context.js';
import { isObject, objectField, stringField, type JsonObject } from './json.js';

/** Security Scheme Objects (OAS 3.1 §4.8.27), in the spec's order. */
export function normalizeSecuritySchemes(ctx: NormalizeContext, node: JsonObject | undefined, pointer: string): IrSecurityScheme[] {
  const out: IrSecurityScheme[] = [];
  // Sorted: a lookup map, its key order carries no meaning (see normalizeDocument).
  for (const key of Object.keys(node ?? {}).sort()) {
    const at = appendPointer(pointer, key);
    const raw = node![key];
    if (!isObject(raw)) continue;
    const target = followRef(ctx, raw, at);
    if (!target) continue;
    const scheme = normalizeSecurityScheme(ctx, key, target.node, target.pointer);
    if (scheme) out.push(scheme);
  }
  return out;
}

function normalizeSecurityScheme(ctx: NormalizeContext, key: string, node: JsonObject, pointer: string): IrSecurityScheme | undefined {
  const type = stringField(node, 'type');
  const description = stringField(node, 'description');
  const common = { key, ...(description !== undefined ? { description } : {}) };
  switch (type) {
    case 'http': {
      const bearerFormat = stringField(node, 'bearerFormat');
      return { ...common, type, scheme: (stringField(node, 'scheme') ?? 'bearer').toLowerCase(), ...(bearerFormat ? { bearerFormat } : {}) };
    }
    case 'apiKey': {
      const location = stringField(node, 'in');
      const parameterName = stringField(node, 'name') ?? key;
      if (location !== 'header' && location !== 'query' && location !== 'cookie') {
        ctx.sink.error('OAS101', appendPointer(pointer, 'in'), { what: 'an apiKey scheme\'s "in"', expected: 'header, query or cookie' });
        return undefined;
      }
      return { ...common, type, in: location, parameterName };
    }
    case 'oauth2':
      return { ...common, type, flows: oauthFlows(objectField(node, 'flows')) };
    case 'openIdConnect':
      return { ...common, type, url: stringField(node, 'openIdConnectUrl') ?? '' };
    default:
      ctx.sink.warn('OAS301', pointer, { feature: `security scheme type "${String(type)}"`, detail: `scheme "${key}" gets no credentials` });
      return undefined;
  }
}

function oauthFlows(node: JsonObject | undefined): IrOAuthFlow[] {
  return Object.keys(node ?? {}).flatMap((flow) => {
    const raw = node![flow];
    if (!isObject(raw)) return [];
    const scopes = objectField(raw, 'scopes') ?? {};
    const authorizationUrl = stringField(raw, 'authorizationUrl');
    const tokenUrl = stringField(raw, 'tokenUrl');
    return [{
      flow,
      scopes: Object.keys(scopes).map((name) => ({ name, description: String(scopes[name] ?? '') })),
      ...(authorizationUrl !== undefined ? { authorizationUrl } : {}),
      ...(tokenUrl !== undefined ? { tokenUrl } : {}),
    }];
  });
}
