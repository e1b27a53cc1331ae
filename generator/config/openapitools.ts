import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { builtinTemplatesDir } from '../options.js';
import { ConfigError } from './load-config.js';

/** One entry of `generator-cli.generators` in openapitools.json, as oasgen uses it. */
export interface OpenApiToolsGenerator {
  key: string;
  generatorName: string;
  inputSpec: string;
  output: string;
  templateDir?: string;
  config?: string;
  additionalProperties?: string;
  globalProperty?: string;
  skipValidateSpec?: boolean;
}

/**
 * The wrapper's own JSON schema (`config.schema.json` of @openapitools/openapi-generator-cli):
 * from the installed wrapper when there is one, else the copy `npm run build` puts in the package.
 */
async function readSchema(): Promise<object> {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve('@openapitools/openapi-generator-cli/config.schema.json');
  } catch {
    file = resolve(builtinTemplatesDir(), '..', 'generator', 'dist', 'openapitools-config.schema.json');
  }
  return JSON.parse(await readFile(file, 'utf8')) as object;
}

/** Reads openapitools.json, validates it against the wrapper's schema, and returns the enabled generators selected by `keys` (all when empty). */
export async function readOpenApiTools(file: string, keys: readonly string[]): Promise<{ generators: OpenApiToolsGenerator[]; skipped: string[] }> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, error instanceof Error ? error.message : String(error));
  }
  // strict: false because the schema has a few non-keywords (`repository.queryUrl`) that Ajv's strict mode rejects.
  const validate = new Ajv({ strict: false, allErrors: true }).compile(await readSchema());
  if (!validate(document)) throw new ConfigError(file, `does not match the openapi-generator-cli config schema: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ')}`);
  const entries = Object.entries(((document as { 'generator-cli': { generators?: Record<string, Record<string, unknown>> } })['generator-cli'].generators ?? {}));
  const unknownKeys = keys.filter((k) => !entries.some(([key]) => key === k));
  if (unknownKeys.length > 0) throw new ConfigError(file, `no generator ${unknownKeys.map((k) => `"${k}"`).join(', ')} (have: ${entries.map(([k]) => k).join(', ') || 'none'})`);
  const generators: OpenApiToolsGenerator[] = [];
  const skipped: string[] = [];
  for (const [key, entry] of entries) {
    if ((keys.length > 0 && !keys.includes(key)) || entry.disabled === true) {
      skipped.push(key);
      continue;
    }
    generators.push(toGenerator(key, entry, dirname(resolve(file)), file));
  }
  return { generators, skipped };
}

function toGenerator(key: string, entry: Record<string, unknown>, cwd: string, file: string): OpenApiToolsGenerator {
  if (typeof entry.glob === 'string' || typeof entry.inputSpec !== 'string') throw new ConfigError(file, `generator "${key}": oasgen needs "inputSpec" (a "glob" is not supported yet: list each spec as its own generator)`);
  const inputSpec = withEnv(entry.inputSpec).split('#{cwd}').join(cwd);
  const ext = extname(inputSpec);
  const name = basename(inputSpec, ext);
  // The wrapper's placeholders (GeneratorService.buildCommand), so existing configs keep working.
  const places: Record<string, string> = { cwd, path: inputSpec, base: basename(inputSpec), name, Name: name.charAt(0).toUpperCase() + name.slice(1), dir: dirname(inputSpec), ext: ext.slice(1) };
  const fill = (value: unknown): string | undefined => (value === undefined ? undefined : Object.entries(places).reduce((text, [k, v]) => text.split(`#{${k}}`).join(v), withEnv(typeof value === 'object' && value !== null ? joinPairs(value) : String(value))));
  return {
    key,
    generatorName: String(entry.generatorName),
    inputSpec: resolve(cwd, inputSpec),
    output: resolve(cwd, fill(entry.output)!),
    ...optional('templateDir', fill(entry.templateDir), cwd),
    ...optional('config', fill(entry.config), cwd),
    ...(entry.additionalProperties !== undefined ? { additionalProperties: fill(entry.additionalProperties) } : {}),
    ...(entry.globalProperty !== undefined ? { globalProperty: fill(entry.globalProperty) } : {}),
    ...(entry.skipValidateSpec === true ? { skipValidateSpec: true } : {}),
  };
}

function optional(key: 'templateDir' | 'config', value: string | undefined, cwd: string): Partial<OpenApiToolsGenerator> {
  return value === undefined ? {} : { [key]: resolve(cwd, value) };
}

/** `{ a: 1, b: "x" }` → `a=1,b=x`, as the wrapper passes objects on the command line. */
function joinPairs(value: object): string {
  return Object.entries(value).map(([k, v]) => `${k}=${String(v)}`).join(',');
}

/** `${env.NAME}` and `${NAME}` placeholders are environment variables, as in the wrapper. */
function withEnv(text: string): string {
  return text.replace(/\$\{(.*?)\}/g, (whole, name: string) => process.env[name.startsWith('env.') ? name.slice(4) : name] ?? whole);
}
