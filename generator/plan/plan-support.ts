import type { ApiModel, IrSecurityScheme, IrServer } from '../normalize/api-model.js';
import { jsdocLines, literal } from './comments.js';
import { compareText, propertyAccess, propertyKey } from './names.js';
import type { IndexView, PlannedFile, SecurityView, ServersView } from './render-plan.js';

/**
 * The default base path: the first server URL with its variables' defaults, made absolute
 * against http://localhost when relative (OAS 3.1 §4.8.5: relative to the document's location,
 * which a generated client cannot know); http://localhost when there is no server.
 */
export function defaultBasePath(servers: IrServer[]): string {
  const first = servers[0];
  if (!first || first.url.trim() === '') return 'http://localhost';
  const url = serverUrl(first);
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://localhost${url.startsWith('/') ? '' : '/'}${url}`;
  return absolute.replace(/\/+$/, '');
}

export function serverUrl(server: IrServer): string {
  return server.variables.reduce((url, v) => url.split(`{${v.name}}`).join(v.default), server.url);
}

export function planServers(model: ApiModel): PlannedFile {
  const first = model.servers[0];
  const view: ServersView = {
    basePath: literal(defaultBasePath(model.servers)),
    servers: model.servers.map((s) => ({ url: literal(serverUrl(s)), description: literal(s.description ?? '') })),
    variables: first && first.url.trim() !== '' ? serverVariableViews(first) : [],
    urlExpression: first && first.url.trim() !== '' ? serverUrlExpression(first) : literal(defaultBasePath(model.servers)),
  };
  return { path: 'servers.ts', template: 'servers', view };
}

/** The variables of the first server as members of `serverUrl`'s parameter: enums as unions of their values (OAS 3.1 §4.8.6). */
function serverVariableViews(server: IrServer): ServersView['variables'] {
  return server.variables.map((v) => ({
    doc: jsdocLines(v.description, `Default: \`${v.default}\`.`),
    signature: `${propertyKey(v.name)}?: ${v.enum && v.enum.length > 0 ? v.enum.map((value) => literal(value)).join(' | ') : 'string'}`,
    key: propertyKey(v.name),
    defaultValue: literal(v.default),
  }));
}

/**
 * The first server's URL template as a TypeScript expression over `values`: literal parts and
 * variables concatenated, made absolute and without a trailing slash like BASE_PATH.
 */
function serverUrlExpression(server: IrServer): string {
  const known = new Set(server.variables.map((v) => v.name));
  const template = defaultBasePath([{ ...server, variables: [] }]);
  const parts = template.split(/(\{[^}]+\})/).filter((p) => p !== '');
  return parts.map((part) => {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    return name !== undefined && known.has(name) ? propertyAccess('values', name) : literal(part);
  }).join(' + ') || "''";
}

/** The runtime's description of each security scheme, referenced by every operation's RequestSpec. */
export function planSecurity(model: ApiModel): PlannedFile {
  const view: SecurityView = { schemes: model.securitySchemes.map((s) => ({ key: propertyKey(s.key), literal: schemeLiteral(s) })) };
  return { path: 'security.ts', template: 'security', view };
}

function schemeLiteral(scheme: IrSecurityScheme): string {
  switch (scheme.type) {
    case 'http':
      return `{ type: 'http', scheme: ${literal(scheme.scheme)}, key: ${literal(scheme.key)} }`;
    case 'apiKey':
      return `{ type: 'apiKey', in: ${literal(scheme.in)}, parameterName: ${literal(scheme.parameterName)}, key: ${literal(scheme.key)} }`;
    case 'oauth2':
    case 'openIdConnect':
      return `{ type: ${literal(scheme.type)}, key: ${literal(scheme.key)} }`;
  }
}

export function planIndex(apiFiles: PlannedFile[], modelFiles: PlannedFile[], webhooksFile?: PlannedFile): PlannedFile {
  const view: IndexView = {
    apis: apiFiles.flatMap((f) => (f.template === 'api' ? [{ className: f.view.className, file: `./${f.path.replace(/\.ts$/, '.js')}` }] : [])),
    models: modelFiles.flatMap((f) =>
      f.template === 'model' ? [{ name: f.view.name, file: `./${f.path.replace(/\.ts$/, '.js')}`, hasValue: f.view.declaration === 'enum' }] : [],
    ),
    webhooks: webhooksFile?.template === 'webhooks' ? webhooksFile.view.webhooks.map((w) => w.name) : [],
  };
  view.models.sort((a, b) => compareText(a.name, b.name));
  return { path: 'index.ts', template: 'index', view };
}
