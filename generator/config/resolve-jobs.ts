import { fullYaml } from '../load/full-yaml.js';
import { isUrl } from '../load/read-source.js';
import { access, readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import type { GenerateOptionsInput } from '../options.js';
import { applyAdditionalProperties, parseAdditionalProperties, type AdditionalProperties } from './additional-properties.js';
import { UsageError, type CliFlags } from './cli-args.js';
import type { JobConfig, OasgenConfig } from './define-config.js';
import { parseGlobalProperty } from './global-property.js';
import { ConfigError, findConfigFile, loadConfigFile } from './load-config.js';

/** One generation the CLI runs: its options, what it warns about, and the files `--watch` follows. */
export interface Job {
  label: string;
  options: GenerateOptionsInput;
  warnings: string[];
  watch: string[];
}

/** Where the jobs came from, for the CLI's messages. */
export interface Jobs {
  source: string;
  jobs: Job[];
  notes: string[];
}

const exists = (file: string): Promise<boolean> => access(file).then(() => true, () => false);

/**
 * The jobs of one `oasgen generate`: openapitools.json when `--generator-key`/`--openapitools`
 * asks for it (or when it is the only config), else oasgen.config.*, else the flags alone.
 * Flags override whatever the files say.
 */
export async function resolveJobs(flags: CliFlags, cwd: string): Promise<Jobs> {
  if (flags.generatorName !== undefined && flags.generatorName !== 'typescript-fetch') {
    throw new UsageError(`-g ${flags.generatorName} is not supported: oasgen generates a typescript-fetch-style client (use -g typescript-fetch or leave -g out)`);
  }
  const openapitools = resolve(cwd, flags.openapitools ?? 'openapitools.json');
  const configFile = await findConfigFile(cwd);
  const wantsTools = flags.generatorKey.length > 0 || flags.openapitools !== undefined || (flags.input === undefined && !configFile && (await exists(openapitools)));
  if (wantsTools) return openApiToolsJobs(flags, openapitools, cwd);
  // With -i, the config file still gives the job's defaults (templates, helpers, plugins, ...).
  const config: OasgenConfig = configFile ? await loadConfigFile(configFile) : {};
  const base = configFile ? dirname(configFile) : cwd;
  const entries: Partial<JobConfig>[] = flags.input !== undefined ? [withoutJobs(config)] : (config.jobs ?? [{}]).map((job) => ({ ...withoutJobs(config), ...job }));
  if (entries.length > 1 && flags.output !== undefined) throw new UsageError(`-o cannot override the ${entries.length} jobs of ${relative(cwd, configFile!)}; pass -i too, or set output per job`);
  const jobs = await Promise.all(entries.map((entry) => configJob(entry, base, flags, cwd)));
  return { source: configFile ? relative(cwd, configFile) : 'the command line', jobs, notes: [] };
}

function withoutJobs(config: OasgenConfig): Partial<JobConfig> {
  const { jobs: _jobs, ...rest } = config;
  return rest;
}

async function configJob(entry: Partial<JobConfig>, base: string, flags: CliFlags, cwd: string): Promise<Job> {
  const spec = flags.input !== undefined ? specLocation(cwd, flags.input) : entry.spec !== undefined ? resolve(base, entry.spec) : undefined;
  const output = flags.output !== undefined ? resolve(cwd, flags.output) : entry.output !== undefined ? resolve(base, entry.output) : undefined;
  if (spec === undefined) throw new UsageError('missing --input <spec> (or a config file with "spec")');
  if (output === undefined) throw new UsageError('missing --output <dir> (or a config file with "output")');
  const templates = flags.templates !== undefined ? resolve(cwd, flags.templates) : entry.templates !== undefined ? resolve(base, entry.templates) : undefined;
  const props = { ...(entry.additionalProperties ?? {}), ...(await generatorConfigFile(flags.config, cwd)), ...cliProperties(flags) };
  const extraFiles = (entry.extraFiles ?? []).map((f) => ({ path: f.path, template: resolve(base, f.template) }));
  const job = buildJob({
    label: entry.name ?? (relative(cwd, output) || output),
    spec,
    output,
    cwd,
    props,
    globalProperty: [entry.globalProperty, ...flags.globalProperty].filter((g): g is string => g !== undefined).join(','),
    flags,
    extra: { ...(templates ? { templates } : {}), strict: flags.strict || entry.strict === true, helpers: entry.helpers ?? {}, extraFiles, plugins: entry.plugins ?? [] },
  });
  job.watch.push(...(templates ? [templates] : []), ...extraFiles.map((f) => f.template));
  return job;
}

async function openApiToolsJobs(flags: CliFlags, file: string, cwd: string): Promise<Jobs> {
  if (!(await exists(file))) throw new UsageError(`${relative(cwd, file)} not found (needed by --generator-key / --openapitools)`);
  // Loaded only here, with the JSON schema validator it brings: a run given -i and -o never reads openapitools.json.
  const { readOpenApiTools } = await import('./openapitools.js');
  const { generators, skipped, unmatched } = await readOpenApiTools(file, flags.generatorKey);
  // As the wrapper: a glob that matches nothing is a warning, unless nothing is left to generate.
  const notes = [...skipped.map((k) => `skipped generator "${k}" (disabled or not selected)`), ...unmatched.map((u) => `warning: generator "${u.key}": no file matches glob "${u.glob}"`)];
  if (generators.length === 0 && unmatched.length > 0) throw new ConfigError(file, `nothing to generate: ${unmatched.map((u) => `glob "${u.glob}" of generator "${u.key}"`).join(', ')} matches no file`);
  if (generators.length > 1 && flags.output !== undefined) throw new UsageError(`-o cannot override the ${generators.length} generators of ${relative(cwd, file)} (${generators.map((g) => g.label).join(', ')}); pass --generator-key, or use #{name} in their output`);
  const jobs: Job[] = [];
  for (const g of generators) {
    if (g.generatorName !== 'typescript-fetch') throw new ConfigError(file, `generator "${g.key}" uses generatorName "${g.generatorName}": oasgen only generates typescript-fetch clients (run it with --generator-key for the typescript-fetch ones)`);
    const templates = flags.templates !== undefined ? resolve(cwd, flags.templates) : g.templateDir;
    const props = { ...(await generatorConfigFile(flags.config ?? g.config, cwd)), ...(g.additionalProperties ? parseAdditionalProperties(g.additionalProperties) : {}), ...cliProperties(flags) };
    const output = flags.output !== undefined ? resolve(cwd, flags.output) : g.output;
    const job = buildJob({ label: g.label, spec: flags.input !== undefined ? specLocation(cwd, flags.input) : g.inputSpec, output, cwd, props, globalProperty: [g.globalProperty, ...flags.globalProperty].filter((x): x is string => x !== undefined).join(','), flags, extra: { ...(templates ? { templates } : {}), strict: flags.strict } });
    if (templates) job.watch.push(templates);
    jobs.push(job);
  }
  assertDistinctOutputs(jobs, file);
  return { source: relative(cwd, file), jobs, notes };
}

/** Two jobs writing one folder would remove each other's files (each keeps its own manifest): a glob generator needs `#{name}` (or another placeholder) in its output. */
function assertDistinctOutputs(jobs: readonly Job[], file: string): void {
  const byOutput = new Map<string, string>();
  for (const job of jobs) {
    const other = byOutput.get(job.options.output);
    if (other !== undefined) throw new ConfigError(file, `${other} and ${job.label} both write to ${job.options.output}: give each its own output (for a glob, e.g. "output": "clients/#{name}")`);
    byOutput.set(job.options.output, job.label);
  }
}

function cliProperties(flags: CliFlags): AdditionalProperties {
  return Object.assign({}, ...flags.additionalProperties.map(parseAdditionalProperties)) as AdditionalProperties;
}

/** `-c <file>`: OpenAPI Generator's generator config, YAML or JSON: its keys are additional properties. */
async function generatorConfigFile(file: string | undefined, cwd: string): Promise<AdditionalProperties> {
  if (file === undefined) return {};
  const path = resolve(cwd, file);
  let value: unknown;
  try {
    value = fullYaml().parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, error instanceof Error ? error.message : String(error));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(path, 'expected an object of generator options');
  const { additionalProperties, ...rest } = value as Record<string, unknown>;
  const nested = typeof additionalProperties === 'object' && additionalProperties !== null ? additionalProperties : {};
  return Object.fromEntries(Object.entries({ ...rest, ...nested }).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) as AdditionalProperties;
}

interface JobParts {
  label: string;
  spec: string;
  output: string;
  cwd: string;
  props: AdditionalProperties;
  globalProperty: string;
  flags: CliFlags;
  extra: Partial<GenerateOptionsInput>;
}

function buildJob(parts: JobParts): Job {
  const { plugins, warnings } = applyAdditionalProperties(parts.props);
  const { selection, unknown } = parseGlobalProperty(parts.globalProperty);
  for (const key of unknown) warnings.push(`global property ${key} is ignored: it does not apply to oasgen`);
  return {
    label: parts.label,
    warnings,
    watch: [parts.spec],
    options: {
      ...parts.extra,
      input: parts.spec,
      displayName: isUrl(parts.spec) ? parts.spec : relative(parts.cwd, parts.spec) || parts.spec,
      output: parts.output,
      plugins: [...(parts.extra.plugins ?? []), ...plugins],
      ...(parts.globalProperty.trim() !== '' ? { selection } : {}),
    },
  };
}

/** A spec URL is fetched as given; a path is resolved from the working directory. */
function specLocation(cwd: string, input: string): string {
  return isUrl(input) ? input : resolve(cwd, input);
}
