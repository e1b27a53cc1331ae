/**
 * The intermediate representation: what the spec says, independent of OpenAPI's dialect and of
 * TypeScript. Every node keeps `origin`, the JSON pointer it came from, for diagnostics.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What every schema node may carry besides its shape (OpenAPI Schema Object annotations). */
export interface SchemaMeta {
  origin: string;
  title?: string;
  description?: string;
  deprecated?: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  /** `nullable: true` (3.0) or a `"null"` member of `type` (3.1). */
  nullable?: boolean;
  format?: string;
  default?: JsonValue;
  example?: JsonValue;
  /** Validation keywords kept for documentation only (minLength, maximum, pattern, ...). */
  constraints?: Readonly<Record<string, JsonValue>>;
}

export interface RefSchema extends SchemaMeta {
  kind: 'ref';
  /** The key under components.schemas. */
  name: string;
}

export interface IrProperty {
  /** The name on the wire, exactly as the spec writes it. */
  name: string;
  required: boolean;
  schema: IrSchema;
}

export interface ObjectSchema extends SchemaMeta {
  kind: 'object';
  properties: IrProperty[];
  /** `true` for any extra property, a schema for typed extras, `false`/undefined for none declared. */
  additionalProperties?: IrSchema | true;
}

export interface ArraySchema extends SchemaMeta {
  kind: 'array';
  items: IrSchema;
  /** 3.1 `prefixItems`: a tuple head. */
  prefixItems?: IrSchema[];
}

export interface Discriminator {
  propertyName: string;
  /** Discriminator value → component schema name (explicit mapping, then implicit names). */
  mapping: { value: string; name: string }[];
}

export interface UnionSchema extends SchemaMeta {
  kind: 'union';
  /** `oneOf` or `anyOf`: both become a TypeScript union. */
  keyword: 'oneOf' | 'anyOf';
  variants: IrSchema[];
  discriminator?: Discriminator;
}

export interface IntersectionSchema extends SchemaMeta {
  kind: 'intersection';
  parts: IrSchema[];
}

export type EnumValue = string | number | boolean | null;

export interface EnumSchema extends SchemaMeta {
  kind: 'enum';
  values: EnumValue[];
  /** `x-enum-varnames` / `x-enumNames`, aligned with `values` where given. */
  varNames?: string[];
}

export type PrimitiveType = 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface PrimitiveSchema extends SchemaMeta {
  kind: 'primitive';
  type: PrimitiveType;
}

export interface LiteralSchema extends SchemaMeta {
  kind: 'literal';
  value: EnumValue;
}

export interface UnknownSchema extends SchemaMeta {
  kind: 'unknown';
}

export type IrSchema =
  | RefSchema
  | ObjectSchema
  | ArraySchema
  | UnionSchema
  | IntersectionSchema
  | EnumSchema
  | PrimitiveSchema
  | LiteralSchema
  | UnknownSchema;

export interface NamedSchema {
  /** The key under components.schemas. */
  name: string;
  schema: IrSchema;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';
export type ParameterStyle = 'simple' | 'label' | 'matrix' | 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';

export interface IrParameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description?: string;
  deprecated?: boolean;
  schema: IrSchema;
  style: ParameterStyle;
  explode: boolean;
  allowReserved: boolean;
  /** For a `content`-encoded parameter: its media type. */
  contentType?: string;
  example?: JsonValue;
  origin: string;
}

/** How the events of a `text/event-stream` body are shaped. */
export interface IrEventStream {
  /** The schema of each event's decoded `data` (3.0/3.1 `schema`), or of each event item (3.2 `itemSchema`). */
  source: 'schema' | 'itemSchema';
  /** For `schema`: the data schema. For `itemSchema`: per event name, the data schema. */
  events: IrStreamEvent[];
}

export interface IrStreamEvent {
  /** The `event:` name this variant is fixed to, or undefined for "any event". */
  name?: string;
  data: IrSchema;
  dataFormat: 'json' | 'text';
}

export interface IrMediaType {
  mediaType: string;
  schema?: IrSchema;
  stream?: IrEventStream;
  origin: string;
}

export interface IrRequestBody {
  required: boolean;
  description?: string;
  contents: IrMediaType[];
  origin: string;
}

export interface IrHeader {
  name: string;
  description?: string;
  schema: IrSchema;
}

export interface IrResponse {
  /** `200`, `2XX` or `default`. */
  status: string;
  description: string;
  headers: IrHeader[];
  contents: IrMediaType[];
  origin: string;
}

export interface IrSecurityRequirement {
  scheme: string;
  scopes: string[];
}

export type IrSecurityScheme =
  | { key: string; type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | { key: string; type: 'apiKey'; in: 'header' | 'query' | 'cookie'; parameterName: string; description?: string }
  | { key: string; type: 'oauth2'; flows: IrOAuthFlow[]; description?: string }
  | { key: string; type: 'openIdConnect'; url: string; description?: string };

export interface IrOAuthFlow {
  flow: string;
  authorizationUrl?: string;
  tokenUrl?: string;
  scopes: { name: string; description: string }[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace' | 'query';

export interface IrOperation {
  /** The operationId as written, or undefined when the spec gives none. */
  operationId?: string;
  method: HttpMethod;
  path: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: IrParameter[];
  requestBody?: IrRequestBody;
  responses: IrResponse[];
  /** OR of ANDs; undefined means the document's global requirement applies. */
  security?: IrSecurityRequirement[][];
  origin: string;
}

export interface IrServer {
  url: string;
  description?: string;
  variables: { name: string; default: string; enum?: string[]; description?: string }[];
}

/**
 * A request the API sends instead of receiving: an entry of the 3.1 `webhooks` map (OAS 3.1
 * §4.8.1) or an operation of a Callback Object (§4.8.18). The client's user receives it, so only
 * its types are generated. `operation.path` is the callback's runtime expression, or the webhook's key.
 */
export interface IrWebhook {
  source: 'webhook' | 'callback';
  /** The `webhooks` key, or the callback's key under its operation's `callbacks`. */
  key: string;
  /** Callbacks: the operation that registers it, as an index into ApiModel.operations. */
  operationIndex?: number;
  /** Callbacks: the runtime expression the API resolves to the URL it calls (the Path Item's key, §4.8.18.1). */
  expression?: string;
  operation: IrOperation;
}

export interface ApiModel {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers: IrServer[];
  tags: { name: string; description?: string }[];
  schemas: NamedSchema[];
  operations: IrOperation[];
  securitySchemes: IrSecurityScheme[];
  security: IrSecurityRequirement[][];
  /** Webhooks (sorted by key), then callbacks (by operation, then callback key); absent means none. */
  webhooks?: IrWebhook[];
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
