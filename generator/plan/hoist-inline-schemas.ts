import type { ApiModel, IrMediaType, IrOperation, IrSchema, NamedSchema, ObjectSchema, RefSchema, SchemaMeta } from '../normalize/api-model.js';
import { baseMediaType, EVENT_STREAM } from '../normalize/media-type-object.js';
import { pointerSegments } from '../load/source-map.js';
import { operationBaseName } from './name-table.js';
import { NameRegistry, pascalCase, typeName } from './names.js';
import { webhookBaseNames } from './webhook-names.js';

/**
 * Gives inline object schemas stable, readable names by moving them into the model list:
 * request bodies become `<OperationId>Request`, responses `<OperationId><Status>Response`
 * (`<Key>Request`/`<Key>Response` when they come from components.requestBodies/responses),
 * and object properties `<Parent><Property>` (array items `<Parent><Property>Item`), so each
 * gets its own file, docs page and a name users can import. The same inline schema (one JSON
 * pointer) reached from several places is hoisted once. Webhook and callback operations are
 * named after their base name (webhook-names.ts): `<Key>WebhookRequest`. Event-stream bodies
 * keep their inline data types. Returns a new model; the input is not changed.
 */
export function hoistInlineSchemas(model: ApiModel): ApiModel {
  const hoister = new Hoister(model.schemas);
  const schemas = model.schemas.map((named) => ({ ...named, schema: hoister.nested(named.schema, typeName(named.name, 'Model')) }));
  const operations = model.operations.map((operation) => hoistOperation(hoister, operation));
  // Webhook and callback bodies after the operations' (their names never push an operation's aside).
  const bases = webhookBaseNames(model);
  const webhooks = model.webhooks?.map((webhook, i) => ({ ...webhook, operation: hoistOperation(hoister, webhook.operation, bases[i]!) }));
  return { ...model, schemas: [...schemas, ...hoister.hoisted], operations, ...(webhooks ? { webhooks } : {}) };
}

function hoistOperation(hoister: Hoister, operation: IrOperation, base = typeName(operationBaseName(operation), 'Operation')): IrOperation {
  const result: IrOperation = { ...operation };
  if (operation.requestBody) {
    const body = operation.requestBody;
    result.requestBody = { ...body, contents: body.contents.map((c) => hoister.content(c, componentName(c.origin, 'requestBodies', 'Request') ?? `${base}Request`)) };
  }
  result.responses = operation.responses.map((response) => {
    const status = response.status === 'default' ? 'Default' : response.status.toUpperCase();
    const wanted = componentName(response.origin, 'responses', 'Response') ?? `${base}${status}Response`;
    return { ...response, contents: response.contents.map((c) => hoister.content(c, wanted)) };
  });
  return result;
}

/** `#/components/responses/NotFound/...` → `NotFoundResponse`: a shared response is named after its key. */
function componentName(origin: string, section: string, suffix: string): string | undefined {
  const [first, second, key] = pointerSegments(origin);
  return first === 'components' && second === section && key !== undefined ? `${pascalCase(key) || 'Inline'}${suffix}` : undefined;
}

class Hoister {
  readonly hoisted: NamedSchema[] = [];
  private readonly names: NameRegistry;
  private readonly byOrigin = new Map<string, string>();

  constructor(existing: readonly NamedSchema[]) {
    // Claimed case-insensitively against every component key and the model name it becomes.
    this.names = new NameRegistry(existing.flatMap((s) => [s.name, typeName(s.name, 'Model')]));
  }

  content(content: IrMediaType, wanted: string): IrMediaType {
    if (!content.schema || baseMediaType(content.mediaType) === EVENT_STREAM) return content;
    return { ...content, schema: this.top(content.schema, wanted) };
  }

  /** A body schema: an inline object is hoisted; an array of them hoists its items. */
  private top(schema: IrSchema, wanted: string): IrSchema {
    if (isHoistable(schema)) return this.hoist(schema, wanted);
    if (schema.kind === 'array' && !schema.prefixItems && isHoistable(schema.items)) return { ...schema, items: this.hoist(schema.items, `${wanted}Item`) };
    return this.nested(schema, wanted);
  }

  /** Hoists the object properties inside a schema that stays where it is. */
  nested(schema: IrSchema, parent: string): IrSchema {
    switch (schema.kind) {
      case 'object':
        return {
          ...schema,
          properties: schema.properties.map((p) => ({ ...p, schema: this.top(p.schema, `${parent}${pascalCase(p.name) || 'Property'}`) })),
        };
      case 'intersection':
        return { ...schema, parts: schema.parts.map((part) => this.nested(part, parent)) };
      case 'union':
        return { ...schema, variants: schema.variants.map((variant) => this.nested(variant, parent)) };
      case 'array':
        return schema.prefixItems || !isHoistable(schema.items) ? schema : { ...schema, items: this.hoist(schema.items, `${parent}Item`) };
      default:
        return schema;
    }
  }

  private hoist(schema: ObjectSchema, wanted: string): RefSchema {
    let name = this.byOrigin.get(schema.origin);
    if (name === undefined) {
      name = this.names.claim(wanted);
      this.byOrigin.set(schema.origin, name);
      // The model is the object itself; nullability and read/write-only belong to where it is used.
      const { nullable: _nullable, readOnly: _readOnly, writeOnly: _writeOnly, ...object } = schema;
      this.hoisted.push({ name, schema: this.nested(object, name) });
    }
    return { ...useSiteMeta(schema), kind: 'ref', name };
  }
}

/** Inline objects with declared properties get a name; maps and empty objects stay inline. */
function isHoistable(schema: IrSchema): schema is ObjectSchema {
  return schema.kind === 'object' && schema.properties.length > 0;
}

function useSiteMeta(schema: SchemaMeta): SchemaMeta {
  const meta: SchemaMeta = { origin: schema.origin };
  if (schema.nullable) meta.nullable = true;
  if (schema.readOnly) meta.readOnly = true;
  if (schema.writeOnly) meta.writeOnly = true;
  if (schema.deprecated) meta.deprecated = true;
  if (schema.description !== undefined) meta.description = schema.description;
  return meta;
}
