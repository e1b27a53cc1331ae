/** The view models of the markdown docs (templates/docs/*.hbs). Every text is already markdown-safe. */

export interface DocRow {
  [column: string]: string;
}

export interface DocMethodView {
  name: string;
  signature: string;
  description: string;
  streams: boolean;
  example: string;
  parameters: DocRow[];
  returnType: string;
  events: DocRow[];
  authorization: string;
  contentType: string;
  accept: string;
  responses: DocRow[];
  errorType: string;
}

export interface DocApiView {
  className: string;
  description: string;
  basePath: string;
  rows: DocRow[];
  methods: DocMethodView[];
}

export interface DocModelView {
  name: string;
  description: string;
  declaration: string;
  typeText: string;
  properties: DocRow[];
  values: DocRow[];
  variants: DocRow[];
  discriminator: string;
  example: string;
}

export interface DocReadmeView {
  title: string;
  description: string;
  version: string;
  basePath: string;
  example: string;
  apis: DocRow[];
  models: DocRow[];
  schemes: { key: string; lines: string[] }[];
  /** Webhooks and callbacks: `name`, `declaredBy`, `request`, `body`, `responses`, `parameters` (empty when the spec has none). */
  webhooks: DocRow[];
}
