import { join } from 'node:path';
import { generateInMemory, writeToTemp } from '../helpers/generate-client.js';

/** A method of a generated API class, called with its params object. */
export type ClientMethod = (params?: Record<string, unknown>) => Promise<unknown>;
export type ClientApi = Record<string, ClientMethod>;
export type ClientModule = Record<string, unknown> & {
  Configuration: new (parameters: Record<string, unknown>) => unknown;
};

/**
 * Generates a spec's client into a temporary folder and imports it, so a test calls the real
 * generated code (not the runtime alone) against a local server.
 */
export async function loadGeneratedClient(spec: string): Promise<{ dir: string; client: ClientModule }> {
  const result = await generateInMemory(spec);
  const dir = await writeToTemp(result.files, 'oasgen-serialization-');
  const client = (await import(join(dir, 'index.ts'))) as ClientModule;
  return { dir, client };
}

/** An instance of one API class of a loaded client, pointed at `basePath`. */
export function apiOf(client: ClientModule, className: string, basePath: string, credentials: Record<string, unknown> = {}): ClientApi {
  const Api = client[className] as new (configuration: unknown) => ClientApi;
  const api = new Api(new client.Configuration({ basePath, ...credentials }));
  // Methods are looked up on the instance and called on it.
  return new Proxy(api, { get: (target, name: string) => (target[name] as ClientMethod).bind(target) });
}
