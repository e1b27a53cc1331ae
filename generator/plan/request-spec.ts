import type { IrOperation, IrParameter, IrRequestBody, IrSecurityRequirement } from '../normalize/api-model.js';
import { jsdocLines, literal } from './comments.js';
import { ownPropertyAccess, propertyAccess, propertyKey } from './names.js';
import type { ParamsMemberView } from './render-plan.js';
import { requestBodyVariants, type RequestBodyVariant } from './request-body.js';
import { printType, type TypeScope } from './type-printer.js';

/** The params object of an operation: one member per parameter, keyed by its name, plus `body`. */
export interface ParamsPlan {
  members: ParamsMemberView[];
  /** Parameter (or body) → the key it has in the params object. */
  keys: Map<IrParameter | IrRequestBody, string>;
  anyRequired: boolean;
  /** The media types the body can be sent as; the first is the default. */
  bodyVariants: RequestBodyVariant[];
  /** With more than one media type: the params key that picks one, and each alternative as a type literal. */
  contentTypeKey?: string;
  bodyAlternatives: string[];
}

export function planParams(operation: IrOperation, scope: TypeScope): ParamsPlan {
  const keys = new Map<IrParameter | IrRequestBody, string>();
  const members: ParamsMemberView[] = [];
  const taken = new Set<string>();
  const claim = (wanted: string, fallback: string): string => {
    let key = taken.has(wanted) ? fallback : wanted;
    for (let n = 2; taken.has(key); n++) key = `${fallback}${n}`;
    taken.add(key);
    return key;
  };
  for (const parameter of operation.parameters) {
    const key = claim(parameter.name, `${parameter.name}${parameter.in[0]!.toUpperCase()}${parameter.in.slice(1)}`);
    keys.set(parameter, key);
    const doc = jsdocLines(parameter.description).concat(parameter.deprecated ? ['@deprecated'] : []);
    members.push({ doc, signature: `${propertyKey(key)}${parameter.required ? '' : '?'}: ${printType(parameter.schema, scope)}` });
  }
  const body = operation.requestBody;
  const plan: ParamsPlan = { members, keys, anyRequired: false, bodyVariants: [], bodyAlternatives: [] };
  if (body) planBody(plan, body, scope, claim);
  plan.anyRequired = operation.parameters.some((p) => p.required) || body?.required === true;
  return plan;
}

/**
 * The `body` member, or with several media types (OAS 3.1 §4.8.13 `content`) one alternative
 * per media type, told apart by `contentType` (optional for the first, the default), so the
 * body's type follows the media type the caller picks.
 */
function planBody(plan: ParamsPlan, body: IrRequestBody, scope: TypeScope, claim: (wanted: string, fallback: string) => string): void {
  const key = claim('body', 'requestBody');
  plan.bodyVariants = requestBodyVariants(body, scope);
  const optional = body.required ? '' : '?';
  const doc = jsdocLines(body.description);
  if (plan.bodyVariants.length === 0) {
    plan.members.push({ doc, signature: `${propertyKey(key)}${optional}: unknown` });
    return;
  }
  plan.keys.set(body, key);
  if (plan.bodyVariants.length === 1) {
    plan.members.push({ doc, signature: `${propertyKey(key)}${optional}: ${plan.bodyVariants[0]!.type}` });
    return;
  }
  const contentTypeKey = claim('contentType', 'requestContentType');
  plan.contentTypeKey = contentTypeKey;
  plan.bodyAlternatives = plan.bodyVariants.map(
    (v, i) => `{ ${propertyKey(contentTypeKey)}${i === 0 ? '?' : ''}: ${literal(v.mediaType)}; ${propertyKey(key)}${optional}: ${v.type} }`,
  );
}

/** The RequestSpec literal a method passes to the runtime. */
export function requestSpecLiteral(
  operation: IrOperation,
  params: ParamsPlan,
  at: { accept: string; security: IrSecurityRequirement[][] },
): string {
  const fields: string[] = [`method: ${literal(operation.method.toUpperCase())}`, `path: ${literal(operation.path)}`];
  const groups = { path: 'pathParams', query: 'query', header: 'headers', cookie: 'cookies' } as const;
  for (const location of ['path', 'query', 'header', 'cookie'] as const) {
    const list = operation.parameters.filter((p) => p.in === location);
    if (list.length === 0) continue;
    fields.push(`${groups[location]}: [${list.map((p) => parameterLiteral(p, params.keys.get(p)!)).join(', ')}]`);
  }
  const body = operation.requestBody;
  const bodyKey = body ? params.keys.get(body) : undefined;
  const first = params.bodyVariants[0];
  if (body && bodyKey !== undefined && first) {
    const mediaType = params.contentTypeKey !== undefined ? `${propertyAccess('params', params.contentTypeKey)} ?? ${literal(first.mediaType)}` : literal(first.mediaType);
    fields.push(`body: { mediaType: ${mediaType}, value: ${propertyAccess('params', bodyKey)} }`);
  }
  if (at.accept !== '') fields.push(`accept: ${literal(at.accept)}`);
  if (at.security.length > 0) fields.push(`security: ${securityLiteral(at.security)}`);
  return `{ ${fields.join(', ')} }`;
}

function parameterLiteral(parameter: IrParameter, key: string): string {
  const parts = [
    `name: ${literal(parameter.name)}`,
    `value: ${ownPropertyAccess('params', key)}`,
    `style: ${literal(parameter.style)}`,
    `explode: ${parameter.explode}`,
  ];
  if (parameter.allowReserved) parts.push('allowReserved: true');
  if (parameter.contentType !== undefined) parts.push(`contentType: ${literal(parameter.contentType)}`);
  return `{ ${parts.join(', ')} }`;
}

/** `[[{ scheme: securitySchemes.basicAuth, scopes: [] }], ...]`: alternatives of scheme sets. */
function securityLiteral(security: IrSecurityRequirement[][]): string {
  const alternatives = security.map(
    (alternative) => `[${alternative.map((r) => `{ scheme: ${propertyAccess('securitySchemes', r.scheme)}, scopes: ${literal(r.scopes)} }`).join(', ')}]`,
  );
  return `[${alternatives.join(', ')}]`;
}
