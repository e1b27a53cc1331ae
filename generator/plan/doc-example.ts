import type { ApiModel, IrOperation, IrSchema, IrSecurityScheme, NamedSchema } from '../normalize/api-model.js';
import { literal } from './comments.js';
import { exampleValue } from './example-value.js';
import { lineComment } from './markdown.js';
import { isInheritedName, propertyKey } from './names.js';
import type { MethodView } from './render-plan.js';
import { isBinaryBody } from './request-body.js';
import { bodyKindOf } from './responses.js';

/** Where docs examples import the client from: `docs/*.md` sit one folder below `index.ts`. */
const CLIENT_IMPORT = '../index.js';

/** A complete TypeScript example for one method; `test/` type-checks every one of them. */
export function docExample(
  model: ApiModel,
  operation: IrOperation,
  method: MethodView,
  at: { apiClass: string; schemas: ReadonlyMap<string, NamedSchema>; basePath: string },
): string {
  const security = operation.security ?? model.security;
  const used = new Set(security.flat().map((r) => r.scheme));
  const schemes = model.securitySchemes.filter((s) => used.has(s.key));
  const lines = [
    `import { ${at.apiClass}, Configuration, ResponseError, type ${method.paramsType} } from '${CLIENT_IMPORT}';`,
    '',
    `const api = new ${at.apiClass}(`,
    '  new Configuration({',
    `    basePath: ${literal(at.basePath)},`,
    ...credentialLines(schemes),
    '  }),',
    ');',
    '',
    `const params: ${method.paramsType} = {`,
    ...paramLines(operation, at.schemas),
    '};',
    '',
    ...callLines(method),
  ];
  return lines.join('\n');
}

function credentialLines(schemes: IrSecurityScheme[]): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  const add = (option: string, value: string, comment: string): void => {
    lines.push(`    // ${lineComment(comment)}`);
    if (!seen.has(option)) lines.push(`    ${option}: ${value},`);
    seen.add(option);
  };
  for (const scheme of schemes) {
    if (scheme.type === 'http' && scheme.scheme === 'basic') {
      add('username', "'USERNAME'", `HTTP basic authorization: ${scheme.key}`);
      if (!lines.includes("    password: 'PASSWORD',")) lines.push("    password: 'PASSWORD',");
    } else if (scheme.type === 'apiKey') add('apiKey', "'API_KEY'", `API key authorization: ${scheme.key} (${scheme.in} ${scheme.parameterName})`);
    else add('accessToken', "'ACCESS_TOKEN'", `${scheme.type === 'http' ? 'Bearer' : scheme.type} authorization: ${scheme.key}`);
  }
  return lines;
}

function paramLines(operation: IrOperation, schemas: ReadonlyMap<string, NamedSchema>): string[] {
  const lines: string[] = [];
  for (const p of operation.parameters) {
    if (!p.required && !isInheritedName(p.name)) continue; // see exampleValue: TypeScript needs them
    lines.push(`  // ${lineComment(`${p.in} parameter${p.description ? `: ${p.description}` : ''}`)}`);
    lines.push(`  ${propertyKey(p.name)}: ${parameterExample(p.schema, p.example, schemas, p.name)},`);
  }
  const body = operation.requestBody;
  const content = body?.contents[0];
  if (body?.required && content) {
    lines.push(`  // request body (${lineComment(content.mediaType)})`);
    lines.push(`  body: ${bodyExample(content.mediaType, content.schema, schemas)},`);
  }
  return lines;
}

/** Binary bodies take a Blob, text bodies a string, the rest a value of their schema's type. */
function bodyExample(mediaType: string, schema: IrSchema | undefined, schemas: ReadonlyMap<string, NamedSchema>): string {
  if (isBinaryBody(mediaType)) return "new Blob(['example'])";
  if (bodyKindOf(mediaType) === 'text') return "'example'";
  return schema ? exampleValue(schema, schemas, 'body') : '{}';
}

function parameterExample(schema: IrSchema, example: unknown, schemas: ReadonlyMap<string, NamedSchema>, hint: string): string {
  if (schema.kind === 'primitive' && schema.type === 'string' && schema.format !== 'binary' && typeof example === 'string') return literal(example);
  return exampleValue(schema, schemas, hint);
}

function callLines(method: MethodView): string[] {
  if (method.kind === 'stream') {
    return [
      '// Events arrive as the server sends them; `break` (or aborting `options.signal`) closes the connection.',
      'try {',
      `  for await (const event of api.${method.name}(params)) {`,
      '    console.log(event.event, event.id, event.data);',
      '  }',
      '} catch (error) {',
      '  if (error instanceof ResponseError) console.error(error.status, error.body);',
      '  else throw error;',
      '}',
    ];
  }
  return [
    'try {',
    `  const result = await api.${method.name}(params);`,
    '  console.log(result);',
    '} catch (error) {',
    '  if (error instanceof ResponseError) console.error(error.status, error.body);',
    '  else throw error;',
    '}',
  ];
}

/** A typed example value of a model (as the server sends it, or the request variant), for its docs page. */
export function modelExample(name: string, schema: IrSchema, schemas: ReadonlyMap<string, NamedSchema>, direction: 'request' | 'response'): string {
  return [`import type { ${name} } from '${CLIENT_IMPORT}';`, '', `const example: ${name} = ${exampleValue(schema, schemas, 'example', direction)};`, 'console.log(example);'].join('\n');
}
