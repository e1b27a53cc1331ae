/**
 * Every diagnostic oasgen reports, keyed by its stable code. Texts take `{name}` placeholders.
 * The README's "Diagnostics" table lists the same codes; keep them in step.
 */
export const MESSAGES = {
  OAS001: 'cannot read file {file}: {reason}',
  OAS002: 'file {file} is empty',
  OAS003: 'syntax error: {reason}',
  OAS004: 'not an OpenAPI document: expected an "openapi" or "swagger" field at the top level',
  OAS005: 'unsupported OpenAPI version "{version}" (supported: Swagger 2.0, OpenAPI 3.0.x, 3.1.x, 3.2.x)',
  OAS006: '$ref "{ref}" in {file} cannot be loaded: {reason}{hint}',
  OAS007: 'Swagger 2.0 {feature} has no OpenAPI 3.0 equivalent: {detail}',
  OAS008: 'YAML aliases expand the document too far: {reason}',
  OAS101: '{what} must be {expected}',
  OAS102: 'missing required field "{field}"',
  OAS103: '$ref "{ref}" does not resolve{hint}',
  OAS104: '$ref "{ref}" points to another file that was not bundled into the document',
  OAS105: '$ref cycle "{ref}" resolves to nothing',
  OAS106: 'the document nests deeper than {limit} levels here; oasgen stops rather than overflow the stack',
  OAS201: 'path parameter "{name}" is not declared',
  OAS202: 'path parameter "{name}" is declared but not used in the path',
  OAS203: 'duplicate operationId "{operationId}" (also at {other})',
  OAS204: 'parameter "{name}" has no "in"',
  OAS205: 'parameter "{name}" has "in": "{in}"; expected path, query, header or cookie',
  OAS206: 'path parameter "{name}" must have "required": true',
  OAS207: 'parameter "{name}" in {in} is listed twice (also at {other})',
  OAS208: 'path "{path}" must begin with "/"',
  OAS209: 'response key "{status}" is not a status code (200), a range (4XX) or "default"',
  OAS301: '{feature} is not supported yet and was left out: {detail}',
  OAS302: 'schema keyword "{keyword}" is not expressed in TypeScript types; the type is wider than the spec',
} as const;

export type DiagnosticCode = keyof typeof MESSAGES;

/** Fills a message template; unknown placeholders stay visible so a missing value is noticed. */
export function messageFor(code: DiagnosticCode, values: Readonly<Record<string, string>> = {}): string {
  return MESSAGES[code].replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
