import type { IrMediaType, IrResponse, IrSchema } from '../normalize/api-model.js';
import { baseMediaType, EVENT_STREAM } from '../normalize/media-type-object.js';
import { printType, type TypeScope } from './type-printer.js';

/** How a method reads the response body. */
export type BodyKind = 'json' | 'stream' | 'text' | 'blob' | 'void';

export function isJsonMediaType(mediaType: string): boolean {
  const base = baseMediaType(mediaType);
  return base === 'application/json' || base.endsWith('+json') || base === '*/*';
}

export function bodyKindOf(mediaType: string): BodyKind {
  const base = baseMediaType(mediaType);
  if (base === EVENT_STREAM) return 'stream';
  if (isJsonMediaType(base)) return 'json';
  if (base.startsWith('text/') || base === 'application/xml') return 'text';
  return 'blob';
}

/** 2xx responses (and `2XX`); when there are none, `default` is the success answer. */
export function successResponses(responses: IrResponse[]): IrResponse[] {
  const success = responses.filter((r) => r.status.startsWith('2'));
  if (success.length > 0) return success;
  return responses.filter((r) => r.status === 'default');
}

export function errorResponses(responses: IrResponse[]): IrResponse[] {
  const success = new Set(successResponses(responses));
  return responses.filter((r) => !success.has(r) && !r.status.startsWith('1') && !r.status.startsWith('3'));
}

/**
 * The method variants an operation gets: one per kind of success body, in the order the
 * spec lists the media types (the first is the primary method). `text/event-stream` next to
 * `application/json` gives the streaming and the JSON method both.
 */
export function bodyKinds(responses: IrResponse[]): BodyKind[] {
  const kinds: BodyKind[] = [];
  for (const response of successResponses(responses)) {
    for (const content of response.contents) {
      const kind = bodyKindOf(content.mediaType);
      if (!kinds.includes(kind)) kinds.push(kind);
    }
  }
  if (kinds.length === 0) return ['void'];
  // Text, JSON and binary answers of one operation are read by the primary method; only streams split.
  const primary = kinds[0]!;
  if (primary === 'stream') return kinds.includes('json') ? ['stream', 'json'] : ['stream'];
  return kinds.includes('stream') ? [primary, 'stream'] : [primary];
}

/** The media types a variant accepts, for its Accept header. */
export function acceptFor(responses: IrResponse[], kind: BodyKind): string {
  const types = new Set<string>();
  for (const response of successResponses(responses)) {
    for (const content of response.contents) if (bodyKindOf(content.mediaType) === kind) types.add(content.mediaType);
  }
  return [...types].join(', ');
}

/** The contents of success responses read by a variant. */
export function contentsFor(responses: IrResponse[], kind: BodyKind): IrMediaType[] {
  return successResponses(responses).flatMap((r) => r.contents.filter((c) => bodyKindOf(c.mediaType) === kind));
}

/** The resolved value type of a JSON variant: the union of its success bodies; bodiless successes add `undefined`. */
export function jsonReturnType(responses: IrResponse[], scope: TypeScope): string {
  const success = successResponses(responses);
  const types = new Set<string>();
  for (const content of contentsFor(responses, 'json')) types.add(content.schema ? printType(content.schema, scope) : 'unknown');
  if (success.some((r) => r.contents.length === 0)) types.add('undefined');
  if (types.has('unknown')) return 'unknown';
  return [...types].join(' | ') || 'unknown';
}

/** The per-operation error type: `ResponseError<status, body>` per declared non-2xx status. */
export function errorType(responses: IrResponse[], scope: TypeScope): string {
  const members = errorResponses(responses).map((response) => {
    const status = /^\d{3}$/.test(response.status) ? response.status : 'number';
    return `ResponseError<${status}, ${errorBodyType(response, scope)}>`;
  });
  return [...new Set(members)].join(' | ') || 'ResponseError<number, unknown>';
}

function errorBodyType(response: IrResponse, scope: TypeScope): string {
  const json = response.contents.find((c) => isJsonMediaType(c.mediaType));
  if (json?.schema) return printType(json.schema, scope);
  if (response.contents.some((c) => bodyKindOf(c.mediaType) === 'text')) return 'string';
  return 'unknown';
}

/** The event union of a streaming variant: `TypedEvent<Data, "name">` per declared event. */
export function streamEventType(responses: IrResponse[], scope: TypeScope): { type: string; dataFormat: string } {
  const stream = contentsFor(responses, 'stream').find((c) => c.stream)?.stream;
  if (!stream) return { type: 'TypedEvent<string>', dataFormat: "'text'" };
  const events = stream.events.map((event) => {
    const data = event.dataFormat === 'text' ? textDataType(event.data, scope) : printType(event.data, scope);
    return event.name !== undefined ? `TypedEvent<${data}, ${JSON.stringify(event.name)}>` : `TypedEvent<${data}>`;
  });
  const formats = new Set(stream.events.map((e) => e.dataFormat));
  const named = stream.events.every((e) => e.name !== undefined);
  // When every event is named, the map lists exactly those names: the runtime skips any other
  // event (as EventSource delivers only the events listened for), so the union type stays true.
  let dataFormat: string;
  if (formats.size === 1 && !named) dataFormat = `'${[...formats][0]}'`;
  else dataFormat = `{ ${stream.events.map((e) => `${JSON.stringify(e.name ?? '*')}: '${e.dataFormat}'`).join(', ')} }`;
  return { type: [...new Set(events)].join(' | '), dataFormat };
}

/** Text data is the raw string; a string enum or const narrows it. */
function textDataType(schema: IrSchema, scope: TypeScope): string {
  if (schema.kind === 'enum' || schema.kind === 'literal' || schema.kind === 'ref') return printType(schema, scope);
  return 'string';
}
