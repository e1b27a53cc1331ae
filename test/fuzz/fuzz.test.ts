import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { removeDir, writeToTemp } from '../helpers/generate-client.js';
import { typecheckClient } from '../helpers/tsc.js';
import type { FuzzCase, FuzzOutcome } from './fuzz-worker.js';
import { brokenSpec, deepText } from './mutate.js';
import { prng } from './prng.js';

// Derives broken specs from real ones with a seeded PRNG and checks that every run ends in
// files or diagnostics: never an uncaught exception, a stack overflow or a hang. Cases run in a
// child process, killed when one takes longer than CASE_TIMEOUT_MS. A few hundred cases by
// default; OASGEN_FUZZ_CASES=5000 for a long run, OASGEN_FUZZ_SEED to vary them.
const CASES = Number(process.env['OASGEN_FUZZ_CASES'] ?? 200);
const SEED = Number(process.env['OASGEN_FUZZ_SEED'] ?? 1);
// Bounds a case: the largest mutations make 30 MB specs with 40,000 diagnostics (about 22 s here).
const CASE_TIMEOUT_MS = 60_000;
/** Every FULL_EVERY-th case runs all stages (type-check, format); the rest stop after render. */
const FULL_EVERY = 50;
/** How many clients of full cases are also compiled with the real `tsc --strict` (slow). */
const TSC_SAMPLES = 2;
const SPECS = [
  'spec/agent-api.yaml',
  '../shared/specs/gomtm.yaml',
  '../shared/specs/petstore3/openapi.yaml',
  '../shared/specs/readme-examples/discriminators.yaml',
  '../shared/specs/readme-examples/parameters-style.yaml',
  '../shared/specs/readme-examples/file-uploads.yaml',
  '../shared/specs/oai-examples/v2.0/uber.yaml',
];

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await removeDir(dir);
});

/** The worker process; replaced when a case hangs. */
class Worker {
  private child: ChildProcess | undefined;

  run(c: FuzzCase): Promise<FuzzOutcome> {
    // Its stderr is the test's: a worker that dies (a V8 abort) shows why.
    const child = (this.child ??= fork(join(import.meta.dirname, 'fuzz-worker.ts'), { execArgv: ['--import', 'tsx', '--stack-size=984'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
    return new Promise((resolve) => {
      const done = (outcome: FuzzOutcome): void => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (outcome: FuzzOutcome): void => done(outcome);
      const onExit = (code: number | null): void => {
        this.child = undefined;
        done({ id: c.id, ended: 'crash', detail: `worker exited with ${code}` });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        child.kill('SIGKILL');
        this.child = undefined;
        done({ id: c.id, ended: 'crash', detail: `hang: no answer in ${CASE_TIMEOUT_MS} ms` });
      }, CASE_TIMEOUT_MS);
      child.on('message', onMessage);
      child.on('exit', onExit);
      child.send(c);
    });
  }

  stop(): void {
    this.child?.kill();
  }
}

function textOf(document: unknown, random: () => number): Pick<FuzzCase, 'text' | 'extension'> {
  const json = JSON.stringify(document);
  if (json.includes('\\u0000deep')) return { text: deepText(json), extension: 'json' };
  if (random() < 0.2) {
    try {
      return { text: stringify(document, { aliasDuplicateObjects: false }), extension: 'yaml' };
    } catch {
      // Too deep for the YAML printer: send JSON.
    }
  }
  return { text: json, extension: 'json' };
}

describe('fuzz: broken variants of real specs', () => {
  it(`${CASES} cases end in files or diagnostics (seed ${SEED})`, async () => {
    const originals = await Promise.all(SPECS.map(async (spec) => parse(await readFile(spec, 'utf8')) as Record<string, never>));
    const worker = new Worker();
    const folder = await mkdtemp(join(tmpdir(), 'oasgen-fuzz-cases-'));
    dirs.push(folder);
    const tally: Record<FuzzOutcome['ended'], number> = { files: 0, diagnostics: 0, rendered: 0, crash: 0 };
    const crashes: string[] = [];
    const samples: FuzzOutcome[] = [];
    const started = performance.now();
    try {
      for (let id = 0; id < CASES; id++) {
        const random = prng(SEED * 1_000_003 + id);
        const spec = SPECS[id % SPECS.length]!;
        const { document, steps } = brokenSpec(originals[id % SPECS.length]!, random);
        const outcome = await worker.run({ id, full: id % FULL_EVERY === 0, folder, ...textOf(document, random) });
        tally[outcome.ended]++;
        if (outcome.ended === 'crash') {
          crashes.push(`case ${id} (${spec}; ${steps.join('; ')}): ${outcome.detail}`);
          console.error(crashes.at(-1)); // at once: a long run shows what it found as it goes
        }
        if ((id + 1) % 500 === 0) console.log(`fuzz: ${id + 1} cases, ${JSON.stringify(tally)}`);
        if (outcome.files && samples.length < TSC_SAMPLES) samples.push(outcome);
      }
    } finally {
      worker.stop();
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`fuzz: ${CASES} cases in ${seconds} s: ${JSON.stringify(tally)}`);
    expect(crashes).toEqual([]);
    for (const sample of samples) {
      const dir = await writeToTemp(sample.files!, 'oasgen-fuzz-');
      dirs.push(dir);
      expect(await typecheckClient(dir, sample.files!.filter((f) => f.path.endsWith('.md')).map((f) => f.path)), `case ${sample.id}`).toBe('');
    }
  }, 3_600_000);
});
