/**
 * Security for the generated client's runtime: picks the security requirement to satisfy and turns
 * the configured credentials into headers, query pairs and cookies (OAS 3.1 §4.8.27 "Security
 * Scheme Object", §4.8.30 "Security Requirement Object").
 * This file is copied verbatim into every generated client; it has no dependencies.
 */
import type { Configuration, SecurityRequirementSpec, SecuritySchemeSpec } from './runtime.js';
import { encodeUnreserved } from './serialize.js';

/** What the chosen security requirement adds to a request. */
export interface AppliedSecurity {
  /** Headers to set, e.g. Authorization or an apiKey header. */
  headers: [string, string][];
  /** Encoded `name=value` query pairs (apiKey in query). */
  query: string[];
  /** `name=value` cookie pairs (apiKey in cookie). */
  cookies: string[];
}

/**
 * OAS 3.1 §4.8.30: security is a list of alternatives, each satisfied when all its schemes are.
 * The first alternative whose credentials are all configured is applied; an empty alternative
 * (`{}`, "auth optional") is only used when no other one is satisfiable. None → nothing is sent
 * and the server answers 401.
 */
export async function applySecurity(
  configuration: Configuration,
  security: readonly (readonly SecurityRequirementSpec[])[] | undefined,
): Promise<AppliedSecurity> {
  const applied: AppliedSecurity = { headers: [], query: [], cookies: [] };
  const chosen = (security ?? []).find(
    (alternative) =>
      alternative.length > 0 && alternative.every((r) => isConfigured(configuration, r.scheme)),
  );
  for (const requirement of chosen ?? [])
    await applyRequirement(configuration, requirement, applied);
  return applied;
}

/** Whether the configuration holds the credential the scheme needs. */
function isConfigured(configuration: Configuration, scheme: SecuritySchemeSpec): boolean {
  switch (scheme.type) {
    case 'http':
      return scheme.scheme.toLowerCase() === 'basic'
        ? configuration.username !== undefined || configuration.password !== undefined
        : configuration.accessToken !== undefined;
    case 'apiKey':
      return configuration.apiKey !== undefined;
    default:
      return configuration.accessToken !== undefined;
  }
}

/** Adds one scheme's credential to `applied`. */
async function applyRequirement(
  configuration: Configuration,
  requirement: SecurityRequirementSpec,
  applied: AppliedSecurity,
): Promise<void> {
  const { scheme, scopes } = requirement;
  switch (scheme.type) {
    case 'http': {
      const name = scheme.scheme.toLowerCase();
      if (name === 'basic') {
        // RFC 7617 §2: base64 of user-id ':' password, UTF-8 encoded (the charset="UTF-8" form).
        applied.headers.push([
          'Authorization',
          `Basic ${base64(`${configuration.username ?? ''}:${configuration.password ?? ''}`)}`,
        ]);
      } else {
        // RFC 6750 §2.1 for bearer; other schemes (RFC 9110 §11.6.2) take the token as credentials.
        const token = await accessToken(configuration, scheme.key, scopes);
        applied.headers.push([
          'Authorization',
          `${name === 'bearer' ? 'Bearer' : scheme.scheme} ${token}`,
        ]);
      }
      return;
    }
    case 'apiKey': {
      const key = configuration.apiKey;
      const value = typeof key === 'function' ? await key(scheme.parameterName) : (key ?? '');
      if (scheme.in === 'header') applied.headers.push([scheme.parameterName, value]);
      else if (scheme.in === 'query')
        applied.query.push(`${encodeUnreserved(scheme.parameterName)}=${encodeUnreserved(value)}`);
      // The server issued the cookie value: it is sent as it is (RFC 6265 §4.2.1).
      else applied.cookies.push(`${scheme.parameterName}=${value}`);
      return;
    }
    default:
      // OAuth 2.0 and OpenID Connect access tokens are bearer tokens (RFC 6750 §2.1).
      applied.headers.push([
        'Authorization',
        `Bearer ${await accessToken(configuration, scheme.key, scopes)}`,
      ]);
  }
}

/** The configured access token, calling the token function with the scheme key and required scopes. */
async function accessToken(
  configuration: Configuration,
  key: string,
  scopes: readonly string[],
): Promise<string> {
  const token = configuration.accessToken;
  return typeof token === 'function' ? token(key, scopes) : (token ?? '');
}

/** Base64 (RFC 4648 §4) of the UTF-8 bytes of a string, with btoa: no Buffer outside Node.js. */
export function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
