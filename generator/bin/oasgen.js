#!/usr/bin/env node
// The installed command: runs the compiled CLI (built by `npm run build`, which `prepare` runs on install).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
