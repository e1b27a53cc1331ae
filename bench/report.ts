import { median, type Sample } from './measure.js';

/** Every sample of one tool (or oasgen scenario) on one spec. */
export interface Row {
  spec: string;
  operations: number;
  bytes: number;
  results: Map<string, Sample[]>;
}

const fmtSeconds = (s: number | undefined): string => (s === undefined ? '—' : s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtMb = (mb: number | undefined): string => (mb === undefined ? '—' : mb.toFixed(0));

function stats(samples: readonly Sample[] | undefined): { seconds?: number; peakMb?: number; failed?: string } {
  if (!samples || samples.length === 0) return {};
  const ok = samples.filter((s) => s.ok);
  if (ok.length === 0) return { failed: samples[0]!.error ?? 'failed' };
  const peaks = ok.flatMap((s) => (s.peakMb === undefined ? [] : [s.peakMb]));
  return { seconds: median(ok.map((s) => s.seconds)), ...(peaks.length > 0 ? { peakMb: Math.max(...peaks) } : {}) };
}

function cell(samples: readonly Sample[] | undefined): string {
  const s = stats(samples);
  return s.failed ? `failed` : `${fmtSeconds(s.seconds)} s / ${fmtMb(s.peakMb)} MB`;
}

/** oasgen's cold time divided by the peer's (below 1: oasgen is faster). */
function ratio(row: Row, peer: string): string {
  const [ours, theirs] = [stats(row.results.get('oasgen')).seconds, stats(row.results.get(peer)).seconds];
  return ours === undefined || theirs === undefined ? '—' : `${(ours / theirs).toFixed(2)}×`;
}

/** The markdown of bench/RESULTS.md. */
export function renderResults(rows: readonly Row[], peers: readonly string[], context: { runs: number; quick: boolean; machine: string; failures: string[] }): string {
  const head = ['spec', 'ops', 'size', 'oasgen cold', 'unchanged', 'one-op edit', 'watch edit', ...peers, ...peers.map((p) => `÷ ${p}`)];
  const lines = [
    '# Benchmark: whole-process generation time and peak memory',
    '',
    `Written by \`npm run bench${context.quick ? ' -- --quick' : ''}\` (bench/run-bench.ts); do not edit by hand. ${context.machine}.`,
    `Median of ${context.runs} run(s) per cell (one for the GitHub-shaped and the 5,000- and 10,000-operation specs), tools alternating, each run writing into a folder of its own (oasgen's cold runs also without the compiled TypeScript it keeps in the temporary folder: a first run on a fresh machine); each cell is "median wall time / highest peak resident memory", the memory of a tool and of any process it starts counted together.`,
    'Numbers vary by machine and load; the ratios (oasgen cold ÷ peer, below 1 means oasgen is faster) are what to compare.',
    '"unchanged" regenerates into the same folder with nothing changed; "one-op edit" changes one operation\'s summary first.',
    '"watch edit" makes such an edit while `oasgen generate --watch` runs, three per run, and times each from writing the spec to the written files (the watch\'s 100 ms debounce included; the median over every edit, wall time only).',
    '',
    `| ${head.join(' | ')} |`,
    `| ${head.map((_, i) => (i < 1 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((row) => `| ${[row.spec, String(row.operations), `${(row.bytes / 1e6).toFixed(1)} MB`, cell(row.results.get('oasgen')), cell(row.results.get('oasgen unchanged')), editCell(row, 'oasgen one-op edit'), editCell(row, 'oasgen watch edit'), ...peers.map((p) => cell(row.results.get(p))), ...peers.map((p) => ratio(row, p))].join(' | ')} |`),
    '',
    ...scaling(rows),
    ...(context.failures.length > 0 ? ['## Failures', '', ...context.failures.map((f) => `- ${f}`), ''] : []),
  ];
  return lines.join('\n') + '\n';
}

/** An edit scenario's cell, with its time as a share of the cold run's. */
function editCell(row: Row, scenario: string): string {
  const [edit, cold] = [stats(row.results.get(scenario)), stats(row.results.get('oasgen')).seconds];
  const base = edit.peakMb === undefined && !edit.failed ? `${fmtSeconds(edit.seconds)} s` : cell(row.results.get(scenario));
  return edit.seconds === undefined || cold === undefined ? base : `${base} (${((edit.seconds / cold) * 100).toFixed(0)}% of cold)`;
}

/** oasgen's cold time and memory per 1,000 operations over the synthetic specs: flat means linear. */
function scaling(rows: readonly Row[]): string[] {
  const synthetic = rows.filter((r) => r.spec.startsWith('synthetic'));
  if (synthetic.length < 2) return [];
  return [
    '## Scaling (synthetic specs, oasgen cold)',
    '',
    '| spec | ops | seconds per 1,000 ops | peak MB per 1,000 ops |',
    '| --- | --- | ---: | ---: |',
    ...synthetic.map((r) => {
      const s = stats(r.results.get('oasgen'));
      const per = (v: number | undefined): string => (v === undefined ? '—' : ((v * 1000) / r.operations).toFixed(2));
      return `| ${r.spec} | ${r.operations} | ${per(s.seconds)} | ${per(s.peakMb)} |`;
    }),
    '',
  ];
}
