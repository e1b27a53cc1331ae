#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostic, SpecError } from './diagnostics/diagnostic.js';
import { OutputConflictError } from './emit/emit-files.js';
import { generate, type GenerateResult } from './generate.js';
import { builtinTemplatesDir } from './options.js';
import { GeneratedCodeError } from './postprocess/postprocess.js';
import { TemplateError } from './render/render-files.js';

/** Exit codes: 0 success, 1 spec errors (or a stale client under --check), 2 usage errors, 3 internal errors. */
const EXIT = { ok: 0, spec: 1, usage: 2, internal: 3 } as const;

const HELP = `oasgen: OpenAPI to TypeScript client generator

Usage:
  oasgen generate -i <spec> -o <dir> [options]

Options:
  -i, --input <file>       the OpenAPI document (YAML or JSON)
  -o, --output <dir>       the folder to write the client and docs to
  -t, --templates <dir>    templates and partials that replace the built-in ones of the same name
      --check              write nothing; exit 1 listing every differing, missing or stale file
      --strict             treat warnings as errors
      --verbose            print per-stage time and memory, and stack traces of internal errors
  -h, --help               show this help
  -v, --version            print the version
`;

class UsageError extends Error {}

interface CliOutput {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the CLI and returns its exit code; the only place that prints for the user. */
export async function main(argv: string[], io: CliOutput = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }): Promise<number> {
  let verbose = argv.includes('--verbose');
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        input: { type: 'string', short: 'i' },
        output: { type: 'string', short: 'o' },
        templates: { type: 'string', short: 't' },
        check: { type: 'boolean' },
        strict: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    verbose = values.verbose === true;
    if (values.version) {
      io.out(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (values.help || positionals.length === 0) {
      io.out(HELP);
      return values.help ? EXIT.ok : EXIT.usage;
    }
    if (positionals[0] !== 'generate' || positionals.length > 1) throw new UsageError(`unknown command "${positionals.join(' ')}"`);
    if (!values.input) throw new UsageError('missing --input <spec>');
    if (!values.output) throw new UsageError('missing --output <dir>');
    const result = await generate({
      input: resolve(values.input),
      displayName: relative(process.cwd(), resolve(values.input)) || values.input,
      output: resolve(values.output),
      check: values.check === true,
      write: values.check !== true,
      strict: values.strict === true,
      ...(values.templates ? { templates: resolve(values.templates) } : {}),
    });
    return report(result, values.output, { verbose }, io);
  } catch (error) {
    return reportError(error, verbose, io);
  }
}

function report(result: GenerateResult, output: string, flags: { verbose: boolean }, io: CliOutput): number {
  for (const d of result.diagnostics) io.err(formatDiagnostic(d) + '\n');
  if (flags.verbose) for (const t of result.timings) io.err(`${t.stage.padEnd(12)} ${t.ms.toFixed(1).padStart(8)} ms ${t.heapMb.toFixed(0).padStart(6)} MB heap\n`);
  if (result.drift) {
    const { differing, missing, stale } = result.drift;
    if (differing.length + missing.length + stale.length === 0) {
      io.out(`${output} is up to date (${result.files.length} files)\n`);
      return EXIT.ok;
    }
    for (const f of differing) io.err(`differs: ${f}\n`);
    for (const f of missing) io.err(`missing: ${f}\n`);
    for (const f of stale) io.err(`stale:   ${f}\n`);
    io.err(`${output} is out of date: run oasgen generate to update it\n`);
    return EXIT.spec;
  }
  const changes = result.changes!;
  io.out(`wrote ${changes.written.length} file(s), ${changes.unchanged.length} unchanged, ${changes.removed.length} removed, in ${output}\n`);
  return EXIT.ok;
}

function reportError(error: unknown, verbose: boolean, io: CliOutput): number {
  if (error instanceof SpecError) {
    for (const d of error.diagnostics) io.err(formatDiagnostic(d) + '\n');
    const errors = error.diagnostics.filter((d) => d.severity === 'error').length;
    io.err(`${errors} error(s), ${error.diagnostics.length - errors} warning(s); nothing was written\n`);
    return EXIT.spec;
  }
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    io.err(`oasgen: ${error.message}\nRun "oasgen --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputConflictError || error instanceof TemplateError || error instanceof GeneratedCodeError) {
    io.err(`oasgen: ${error.message}\nnothing was written\n`);
    return error instanceof OutputConflictError ? EXIT.usage : EXIT.spec;
  }
  io.err(`oasgen: internal error: ${error instanceof Error ? error.message : String(error)}\nThis is a bug in oasgen; please report it with the spec that triggers it.${verbose ? '' : ' Run with --verbose for the stack trace.'}\n`);
  if (verbose && error instanceof Error && error.stack) io.err(error.stack + '\n');
  return EXIT.internal;
}

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(resolve(builtinTemplatesDir(), '..', 'package.json'), 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : 'unknown';
}

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]).replace(/\.(ts|js)$/, '') === resolve(new URL(import.meta.url).pathname).replace(/\.(ts|js)$/, '');
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
