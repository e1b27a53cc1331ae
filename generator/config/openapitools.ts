import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { glob } from 'tinyglobby';
import { builtinTemplatesDir } from '../options.js';
import { ConfigError } from './load-config.js';

/** One entry of `generator-cli.generators` in openapitools.json, as oasgen uses it. */
export interface OpenApiToolsGenerator {
  key: string;
  /** The key, and for a `glob` generator the matched file (`pets (specs/pets.yaml)`). */
  label: string;
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

/** What openapitools.json asks for: one generator per `inputSpec` entry and per file a `glob` matches. */
export interface OpenApiTools {
  generators: OpenApiToolsGenerator[];
  /** Keys disabled or not selected. */
  skipped: string[];
  /** `glob`s that matched no file, by key. */
  unmatched: { key: string; glob: string }[];
}

/**
 * Reads openapitools.json, validates it against the wrapper's schema, and returns the enabled
 * generators selected by `keys` (all when empty), in the file's order; a `glob` generator becomes
 * one generator per matching file, sorted by path.
 */
export async function readOpenApiTools(file: string, keys: readonly string[]): Promise<OpenApiTools> {
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
  const result: OpenApiTools = { generators: [], skipped: [], unmatched: [] };
  const cwd = dirname(resolve(file));
  for (const [key, entry] of entries) {
    if ((keys.length > 0 && !keys.includes(key)) || entry.disabled === true) {
      result.skipped.push(key);
      continue;
    }
    if (typeof entry.glob !== 'string') {
      result.generators.push(toGenerator(key, entry, cwd, specPlaces(withEnv(String(entry.inputSpec)).split('#{cwd}').join(cwd), cwd)));
      continue;
    }
    const pattern = withEnv(entry.glob);
    const matches = await matchGlob(pattern, cwd);
    if (matches.length === 0) result.unmatched.push({ key, glob: pattern });
    for (const match of matches) result.generators.push(toGenerator(key, entry, cwd, globPlaces(match, cwd)));
  }
  return result;
}

/**
 * The files a `glob` matches, relative to `cwd` as the wrapper's `glob.sync(pattern, { cwd })`
 * returns them (files only: a spec is a file), sorted by code unit so the jobs run in the same
 * order on every machine.
 */
async function matchGlob(pattern: string, cwd: string): Promise<string[]> {
  const matches = await glob(pattern, { cwd, expandDirectories: false, onlyFiles: true });
  return matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The wrapper's placeholders for an `inputSpec` (GeneratorService.buildCommand): the spec as written. */
function specPlaces(inputSpec: string, cwd: string): Record<string, string> {
  const ext = extname(inputSpec);
  const name = basename(inputSpec, ext);
  return { cwd, path: inputSpec, base: basename(inputSpec), name, Name: name.charAt(0).toUpperCase() + name.slice(1), dir: dirname(inputSpec), ext: ext.slice(1) };
}

/** The wrapper's placeholders for a file a `glob` matched: `path`/`dir` absolute, `relPath`/`relDir` as matched. */
function globPlaces(match: string, cwd: string): Record<string, string> {
  const places = specPlaces(resolve(cwd, match), cwd);
  return { ...places, relPath: match, relDir: dirname(match) };
}

function toGenerator(key: string, entry: Record<string, unknown>, cwd: string, places: Record<string, string>): OpenApiToolsGenerator {
  const fill = (value: unknown): string | undefined => (value === undefined ? undefined : Object.entries(places).reduce((text, [k, v]) => text.split(`#{${k}}`).join(v), withEnv(typeof value === 'object' && value !== null ? joinPairs(value) : String(value))));
  return {
    key,
    label: places.relPath === undefined ? key : `${key} (${places.relPath})`,
    generatorName: String(entry.generatorName),
    inputSpec: resolve(cwd, places.path!),
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
