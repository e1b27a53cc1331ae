import { appendPointer } from '../load/source-map.js';
import { isObject, stringField, type JsonObject } from '../normalize/json.js';
import { copyExtensions, copyFields, track, warnNoEquivalent, type UpgradeContext } from './upgrade-context.js';

/** 2.0 oauth2 `flow` names and their 3.0 OAuth Flows Object keys (OAS 3.0 §4.7.28). */
const OAUTH_FLOWS: Readonly<Record<string, { key: string; urls: readonly string[] }>> = {
  implicit: { key: 'implicit', urls: ['authorizationUrl'] },
  password: { key: 'password', urls: ['tokenUrl'] },
  application: { key: 'clientCredentials', urls: ['tokenUrl'] },
  accessCode: { key: 'authorizationCode', urls: ['authorizationUrl', 'tokenUrl'] },
};

/** `securityDefinitions` as 3.0 Security Scheme Objects: basic → http basic, apiKey unchanged, oauth2 flows renamed. */
export function upgradeSecurityDefinitions(ctx: UpgradeContext, definitions: JsonObject, pointer: string): Record<string, unknown> {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  for (const [name, definition] of Object.entries(definitions)) {
    if (!isObject(definition)) continue;
    const scheme = upgradeSecurityScheme(ctx, definition, appendPointer(pointer, name));
    if (scheme) out[name] = scheme;
  }
  return out;
}

function upgradeSecurityScheme(ctx: UpgradeContext, definition: JsonObject, pointer: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = track(ctx, {}, pointer);
  const type = stringField(definition, 'type');
  if (type === 'basic') Object.assign(out, { type: 'http', scheme: 'basic' });
  else if (type === 'apiKey') copyFields(definition, out, ['type', 'name', 'in']);
  else if (type === 'oauth2') {
    const flow = OAUTH_FLOWS[stringField(definition, 'flow') ?? ''];
    if (!flow) {
      warnNoEquivalent(ctx, appendPointer(pointer, 'flow'), `oauth2 flow "${String(definition['flow'])}"`, 'the scheme was left out');
      return undefined;
    }
    const upgraded: Record<string, unknown> = track(ctx, { scopes: definition['scopes'] ?? {} }, pointer);
    copyFields(definition, upgraded, flow.urls);
    out['type'] = 'oauth2';
    out['flows'] = track(ctx, { [flow.key]: upgraded }, pointer);
  } else {
    warnNoEquivalent(ctx, appendPointer(pointer, 'type'), `security type "${String(type)}"`, 'the scheme was left out');
    return undefined;
  }
  copyFields(definition, out, ['description']);
  copyExtensions(definition, out);
  return out;
}
