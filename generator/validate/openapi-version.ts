/** The versions oasgen reads: OpenAPI 3.0, 3.1 and 3.2, and Swagger 2.0 (upgraded to 3.0 while loading). */
export const OPENAPI_3 = /^3\.[012]\.\d+/;

/**
 * True when the document declares a version oasgen reads. Later steps (bundling, the 2.0
 * upgrade, normalizing) assume one, so anything else stops at OAS004/OAS005 in validate.
 */
export function hasSupportedVersion(document: unknown): boolean {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return false;
  const { openapi, swagger } = document as { openapi?: unknown; swagger?: unknown };
  return typeof openapi === 'string' ? OPENAPI_3.test(openapi) : openapi === undefined && swagger === '2.0';
}
