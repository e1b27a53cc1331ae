#!/usr/bin/env node
// The installed command: runs the compiled CLI (built by `npm run build`, which `prepare` runs on install).
import { tuneForShortRun } from '../dist/short-run.js';

tuneForShortRun();
const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
