import { parseArgs } from 'node:util';

/** A command line oasgen cannot run: printed with a hint to `--help`, exit code 2. */
export class UsageError extends Error {}

export const HELP = `oasgen: OpenAPI to TypeScript client generator

Usage:
  oasgen generate -i <spec> -o <dir> [options]
  oasgen generate                      jobs from oasgen.config.{ts,mjs,js,json}, else openapitools.json
  oasgen templates eject <dir>         copy the built-in templates, partials and runtime to <dir>

Options:
  -i, --input <file>                   the OpenAPI document (YAML or JSON)
  -o, --output <dir>                   the folder to write the client and docs to
  -t, --templates <dir>                templates/partials replacing the built-in ones of the same name
                                       (also --template-dir)
      --check                          write nothing; exit 1 with a diff of every stale file
      --watch                          regenerate when the spec or templates change
      --strict                         treat warnings as errors
      --dump-context <operationId|schema>  print the view model a template receives, as JSON
      --silent                         print only errors
      --verbose                        per-stage time and memory, and stack traces of internal errors
  -h, --help                           show this help
  -v, --version                        print the version

OpenAPI Generator compatibility (openapi-generator-cli generate):
  -g, --generator-name typescript-fetch   accepted (the only generator oasgen is)
  -c, --config <file.yaml|json>           generator options (additional properties)
  -p, --additional-properties k=v,...     npmName, npmVersion, npmRepository; others ignored with a warning
      --global-property apis,models,supportingFiles,apiDocs=false,modelDocs=false
      --skip-validate-spec                accepted; spec errors still stop generation
      --generator-key <key,...>           run these generators of openapitools.json (default: all)
      --openapitools <file>               the openapitools.json to read (default: ./openapitools.json)
`;

export interface CliFlags {
  positionals: string[];
  input?: string;
  output?: string;
  templates?: string;
  generatorName?: string;
  config?: string;
  additionalProperties: string[];
  globalProperty: string[];
  skipValidateSpec: boolean;
  generatorKey: string[];
  openapitools?: string;
  check: boolean;
  watch: boolean;
  strict: boolean;
  dumpContext?: string;
  silent: boolean;
  verbose: boolean;
  help: boolean;
  version: boolean;
}

/** Parses argv strictly: an unknown flag throws (node:util's ERR_PARSE_ARGS_UNKNOWN_OPTION). */
export function parseCliArgs(argv: string[]): CliFlags {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      input: { type: 'string', short: 'i' },
      'input-spec': { type: 'string' },
      output: { type: 'string', short: 'o' },
      templates: { type: 'string', short: 't' },
      'template-dir': { type: 'string' },
      'generator-name': { type: 'string', short: 'g' },
      config: { type: 'string', short: 'c' },
      'additional-properties': { type: 'string', short: 'p', multiple: true },
      'global-property': { type: 'string', multiple: true },
      'skip-validate-spec': { type: 'boolean' },
      'generator-key': { type: 'string', multiple: true },
      openapitools: { type: 'string' },
      check: { type: 'boolean' },
      watch: { type: 'boolean' },
      strict: { type: 'boolean' },
      'dump-context': { type: 'string' },
      silent: { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const input = values.input ?? values['input-spec'];
  const templates = values.templates ?? values['template-dir'];
  return {
    positionals,
    ...(input !== undefined ? { input } : {}),
    ...(values.output !== undefined ? { output: values.output } : {}),
    ...(templates !== undefined ? { templates } : {}),
    ...(values['generator-name'] !== undefined ? { generatorName: values['generator-name'] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.openapitools !== undefined ? { openapitools: values.openapitools } : {}),
    ...(values['dump-context'] !== undefined ? { dumpContext: values['dump-context'] } : {}),
    additionalProperties: values['additional-properties'] ?? [],
    globalProperty: values['global-property'] ?? [],
    generatorKey: (values['generator-key'] ?? []).flatMap((k) => k.split(',')).filter(Boolean),
    skipValidateSpec: values['skip-validate-spec'] === true,
    check: values.check === true,
    watch: values.watch === true,
    strict: values.strict === true,
    silent: values.silent === true,
    verbose: values.verbose === true,
    help: values.help === true,
    version: values.version === true,
  };
}
