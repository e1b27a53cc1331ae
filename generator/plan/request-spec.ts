import type { IrOperation, IrParameter, IrRequestBody, IrSecurityRequirement } from '../normalize/api-model.js';
import { jsdocLines, literal } from './comments.js';
import { propertyAccess, propertyKey } from './names.js';
import type { ParamsMemberView } from './render-plan.js';
import { bodyKindOf } from './responses.js';
import { printType, type TypeScope } from './type-printer.js';

/** The params object of an operation: one member per parameter, keyed by its name, plus `body`. */
export interface ParamsPlan {
  members: ParamsMemberView[];
  /** Parameter (or body) → the key it has in the params object. */
  keys: Map<IrParameter | IrRequestBody, string>;
  anyRequired: boolean;
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
  if (body) {
    const key = claim('body', 'requestBody');
    keys.set(body, key);
    const content = body.contents[0];
    members.push({ doc: jsdocLines(body.description), signature: `${propertyKey(key)}${body.required ? '' : '?'}: ${requestBodyType(body, scope)}` });
    if (content === undefined) keys.delete(body);
  }
  const anyRequired = operation.parameters.some((p) => p.required) || body?.required === true;
  return { members, keys, anyRequired };
}

/** The type of the request body: per its first media type (more media types arrive with issue 4's body selection). */
function requestBodyType(body: IrRequestBody, scope: TypeScope): string {
  const content = body.contents[0];
  if (!content) return 'unknown';
  const kind = bodyKindOf(content.mediaType);
  if (kind === 'blob') return 'Blob | ArrayBuffer | Uint8Array | string';
  if (kind === 'text') return 'string';
  return content.schema ? printType(content.schema, scope) : 'unknown';
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
  if (body && bodyKey !== undefined) {
    fields.push(`body: { mediaType: ${literal(body.contents[0]!.mediaType)}, value: ${propertyAccess('params', bodyKey)} }`);
  }
  if (at.accept !== '') fields.push(`accept: ${literal(at.accept)}`);
  if (at.security.length > 0) fields.push(`security: ${securityLiteral(at.security)}`);
  return `{ ${fields.join(', ')} }`;
}

function parameterLiteral(parameter: IrParameter, key: string): string {
  const parts = [
    `name: ${literal(parameter.name)}`,
    `value: ${propertyAccess('params', key)}`,
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
