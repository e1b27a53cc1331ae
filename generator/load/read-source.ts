import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

/** True for `http:` and `https:` addresses: those are fetched, everything else is a file path. */
export function isUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/** Reads a spec file or fetches a spec URL (global fetch), throwing an Error whose message is the reason. */
export async function readSource(location: string): Promise<string> {
  if (!isUrl(location)) return readFile(location, 'utf8');
  const response = await fetch(location, { signal: AbortSignal.timeout(60_000), headers: { accept: 'application/yaml, application/json, */*' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`);
  return response.text();
}

/** Why a read failed, as short as a compiler would say it (`ENOENT`, `HTTP 404`, `ECONNREFUSED`). */
export function readFailureReason(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  if (error instanceof Error && error.cause instanceof Error) return readFailureReason(error.cause);
  return error instanceof Error ? error.message : String(error);
}

/** The name a referenced file gets in diagnostics: relative to the working directory, or the URL. */
export function displayNameOf(location: string): string {
  return isUrl(location) ? location : relative(process.cwd(), location) || location;
}
