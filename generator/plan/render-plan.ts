/**
 * The RenderPlan: every file to write, with the view model its template receives. All names,
 * imports and type texts are decided here; templates only lay them out. templates/README.md
 * documents these shapes for people who write their own templates.
 */

export interface ImportView {
  /** Module specifier, relative, ending in `.js`. */
  from: string;
  names: string[];
  typeOnly: boolean;
}

export interface ModelMemberView {
  doc: string[];
  signature: string;
}

export interface EnumMemberView {
  key: string;
  value: string;
}

/** One exported model (components.schemas entry) and its file `models/<Name>.ts`. */
export interface ModelView {
  name: string;
  /** The components.schemas key as written in the spec. */
  specName: string;
  /** `request`: the `<Name>Request` variant without readOnly properties; `response`: the model as the server sends it. */
  direction: 'request' | 'response';
  doc: string[];
  imports: ImportView[];
  /** `interface`: `members` is set; `alias`: `typeText` is set; `enum`: `typeText` and `enumMembers`. */
  declaration: 'interface' | 'alias' | 'enum';
  members: ModelMemberView[];
  typeText: string;
  enumMembers: EnumMemberView[];
}

export interface ParamsMemberView {
  doc: string[];
  signature: string;
}

/** One generated method of an API class. */
export interface MethodView {
  name: string;
  doc: string[];
  paramsType: string;
  /** True when no parameter is required, so `params` defaults to `{}`. */
  paramsOptional: boolean;
  optionsType: 'RequestOptions' | 'StreamOptions';
  returnType: string;
  /** The protected BaseAPI method it calls, with its type argument: `requestJson<Pet>`. */
  call: string;
  /** The RequestSpec object literal, as TypeScript. */
  requestSpec: string;
  /** The DataFormat argument of stream methods, as TypeScript; empty otherwise. */
  dataFormat: string;
  /** How the method reads the answer. */
  kind: 'json' | 'stream' | 'text' | 'blob' | 'void';
  /** Index of its operation in the ApiModel (for the docs plan). */
  operationIndex: number;
}

/** Types that belong to one operation: its params object and its error type. */
export interface OperationTypesView {
  paramsName: string;
  paramsDoc: string[];
  paramsMembers: ParamsMemberView[];
  /**
   * With several request media types: one type literal per media type (`{ contentType?: "application/json"; body: Pet }`);
   * the params type is then the members intersected with their union. Empty otherwise.
   */
  paramsAlternatives: string[];
  errorName: string;
  errorType: string;
}

/** One API class (a tag) and its file `apis/<ClassName>.ts`. */
export interface ApiView {
  className: string;
  doc: string[];
  imports: ImportView[];
  operationTypes: OperationTypesView[];
  methods: MethodView[];
}

export interface IndexView {
  apis: { className: string; file: string }[];
  models: { name: string; file: string; hasValue: boolean }[];
  /** The interfaces of webhooks.ts (empty when the spec has no webhooks or callbacks). */
  webhooks: string[];
}

export interface ServersView {
  basePath: string;
  servers: { url: string; description: string }[];
  /** The first server's variables, as members of `serverUrl`'s parameter and their defaults. */
  variables: { doc: string[]; signature: string; key: string; defaultValue: string }[];
  /** The body of `serverUrl`: the URL template as an expression over `values`. */
  urlExpression: string;
}

export interface SecurityView {
  schemes: { key: string; literal: string }[];
}

/**
 * One webhook or callback operation (OAS 3.1 §4.8.1 `webhooks`, §4.8.18 Callback Object): an
 * interface of the request the API sends (`method`, `requestBody`) and the answers it expects (`responses`).
 */
export interface WebhookView {
  /** `NewPetWebhook`, `SubscribeOnEventCallback`. */
  name: string;
  doc: string[];
  members: ModelMemberView[];
}

/** `webhooks.ts`, written when the spec has webhooks or callbacks. */
export interface WebhooksView {
  imports: ImportView[];
  webhooks: WebhookView[];
}

export type PlannedFile =
  | { path: string; template: 'model'; view: ModelView }
  | { path: string; template: 'api'; view: ApiView }
  | { path: string; template: 'index'; view: IndexView }
  | { path: string; template: 'servers'; view: ServersView }
  | { path: string; template: 'security'; view: SecurityView }
  | { path: string; template: 'webhooks'; view: WebhooksView }
  | { path: string; template: 'runtime'; source: string }
  | { path: string; template: 'doc-readme' | 'doc-api' | 'doc-model'; view: unknown };

export interface RenderPlan {
  files: PlannedFile[];
}
