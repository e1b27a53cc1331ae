import type { ApiModel, IrSecurityScheme, IrServer } from '../normalize/api-model.js';
import { literal } from './comments.js';
import { compareText, propertyKey } from './names.js';
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
  const view: ServersView = {
    basePath: literal(defaultBasePath(model.servers)),
    servers: model.servers.map((s) => ({ url: literal(serverUrl(s)), description: literal(s.description ?? '') })),
  };
  return { path: 'servers.ts', template: 'servers', view };
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

export function planIndex(apiFiles: PlannedFile[], modelFiles: PlannedFile[]): PlannedFile {
  const view: IndexView = {
    apis: apiFiles.flatMap((f) => (f.template === 'api' ? [{ className: f.view.className, file: `./${f.path.replace(/\.ts$/, '.js')}` }] : [])),
    models: modelFiles.flatMap((f) =>
      f.template === 'model' ? [{ name: f.view.name, file: `./${f.path.replace(/\.ts$/, '.js')}`, hasValue: f.view.declaration === 'enum' }] : [],
    ),
  };
  view.models.sort((a, b) => compareText(a.name, b.name));
  return { path: 'index.ts', template: 'index', view };
}
