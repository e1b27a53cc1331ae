import { setFlagsFromString } from 'node:v8';

/**
 * Budget of V8's tiering counter before a function is optimized, for a process that runs the CLI.
 * Node's default (66 KB on Node 20) has TurboFan optimize hundreds of functions that run for a
 * second or two and are done: on two cores that compilation took ~2.3 s of CPU in a first OpenAI
 * run and starved the main thread. With 500 KB the hot loops (YAML, printing, hashing) are still
 * optimized and the rest is not. Measured on 2 cores, fresh output folders, medians of 4-5: OpenAI
 * cold 2.76 -> 2.36 s, Stripe 3.78 -> 3.22 s, petstore3 0.59 -> 0.52 s, 10,000 operations
 * 9.2 -> 8.6 s; peak memory the same or lower (issue 7, bench/RESULTS.md).
 */
const INTERRUPT_BUDGET = 500_000;

/**
 * Tunes V8 for one CLI run. Called only by the command's entry points: process-wide flags are not
 * a library's to set, so `generate()` imported by a program leaves its V8 as it is.
 */
export function tuneForShortRun(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
