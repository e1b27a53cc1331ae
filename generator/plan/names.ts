import { literal } from './comments.js';

/**
 * Identifier rules for generated TypeScript: valid, not reserved, not shadowing the globals a
 * client uses, and unique (also ignoring case, since model names become file names).
 */

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with implements interface let package private ' +
    'protected public static yield await any boolean number string symbol never unknown object undefined bigint type of as async from ' +
    'get set declare namespace module require constructor arguments eval infer is keyof readonly unique asserts satisfies accessor')
    .split(' '),
);

/** Globals generated code or its users rely on; a model named like one would shadow it. */
const GLOBALS = new Set(
  ('Array Blob Boolean Date Error EvalError File FormData Function Headers JSON Map Math Number Object Promise Proxy RangeError ' +
    'ReadableStream Record Partial Required Readonly Pick Omit Exclude Extract NonNullable ReferenceError RegExp Request RequestInit Response ' +
    'Set String Symbol SyntaxError TextDecoder TextEncoder TypeError URIError URL URLSearchParams WeakMap WeakSet AbortController AbortSignal ' +
    'ArrayBuffer DataView Uint8Array Int8Array Iterable AsyncIterable Iterator AsyncIterator Generator AsyncGenerator PromiseLike Awaited ' +
    'ReturnType Parameters InstanceType Uppercase Lowercase Capitalize Uncapitalize globalThis console fetch window document Event EventTarget')
    .split(' '),
);

/** Names the runtime exports from the generated index; models must not take them. */
export const RUNTIME_EXPORTS = [
  'Configuration', 'ConfigurationParameters', 'BaseAPI', 'ResponseError', 'RequestOptions', 'RequestSpec', 'RequestContext', 'Middleware',
  'ParameterSpec', 'ParameterStyle', 'SecuritySchemeSpec', 'SecurityRequirementSpec', 'RequestBodySpec', 'StreamOptions', 'EventStream',
  'TypedEvent', 'DataFormat', 'EventDataError', 'ContentTypeError', 'ServerSentEvent', 'EventStreamParser', 'EventStreamParserOptions',
  'parseEventStream', 'BASE_PATH', 'servers', 'securitySchemes',
] as const;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A name generated code can declare and write as an object literal key (`__proto__` there sets the prototype instead). */
export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !RESERVED.has(text) && text !== '__proto__';
}

/** Words of a name: split on anything that is not a letter or digit, and on lower→upper case changes. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** `agent:stream` → `AgentStream`; `APIErrors` stays `APIErrors`; inner capitals are kept. */
export function pascalCase(text: string): string {
  const joined = words(text)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** `agent:stream` → `agentStream`; `ListPets` → `listPets`; `APIToken` → `apiToken`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  if (pascal.startsWith('_')) return pascal;
  const leadingCaps = /^[A-Z]+(?=[A-Z][a-z]|[0-9]|$)/.exec(pascal)?.[0] ?? pascal[0] ?? '';
  return leadingCaps.toLowerCase() + pascal.slice(leadingCaps.length);
}

/** A type or value name for a spec name: PascalCase, never empty, reserved or a shadowed global. */
export function typeName(text: string, fallback: string): string {
  const candidate = pascalCase(text) || fallback;
  if (RESERVED.has(candidate.toLowerCase()) || GLOBALS.has(candidate)) return `${candidate}Model`;
  return candidate;
}

/** Hands out unique names; two names that differ only in case count as the same (they become file names). */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: readonly string[] = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${wanted}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}

/**
 * Names every object inherits from Object.prototype: reading `params.constructor` when the user
 * left it out gives `Object`, not undefined, and `{ __proto__: x }` sets the prototype instead of
 * a property. Fixed here (not read from Object.prototype) so output is the same on every Node.
 */
const INHERITED = new Set([
  '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf',
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** The names of INHERITED, e.g. for names a class's methods must not take (`toString` would run on string conversion). */
export const INHERITED_NAMES: readonly string[] = [...INHERITED];

/** True for a property name every plain object already has (see INHERITED). */
export function isInheritedName(name: string): boolean {
  return INHERITED.has(name);
}

/**
 * A property key as TypeScript writes it: bare when it is an identifier, else a quoted string;
 * `__proto__` is computed (`["__proto__"]`), the only form that makes an own property in an object literal.
 */
export function propertyKey(name: string): string {
  if (name === '__proto__') return '["__proto__"]';
  return IDENTIFIER.test(name) ? name : literal(name);
}

/** Property access on an object: `params.tenant` or `params["step-run"]`. */
export function propertyAccess(object: string, name: string): string {
  return IDENTIFIER.test(name) ? `${object}.${name}` : `${object}[${literal(name)}]`;
}

/**
 * Reads a property the caller may have left out: like propertyAccess, but an inherited name
 * (`constructor`, `toString`, `__proto__`...) is read only when it is the object's own.
 */
export function ownPropertyAccess(object: string, name: string): string {
  const access = propertyAccess(object, name);
  return INHERITED.has(name) ? `(Object.hasOwn(${object}, ${literal(name)}) ? ${access} : undefined)` : access;
}

/** Orders by UTF-16 code units: the same on every machine, unlike localeCompare. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
