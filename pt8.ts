import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
const { codeFingerprint } = await import('./generator/postprocess/code-fingerprint.ts');
const files: string[] = [];
const walk = (d: string): void => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.ts')) files.push(readFileSync(p, 'utf8')); } };
walk(process.argv[2]!);
const t = performance.now(); let undef = 0; for (const f of files) if (codeFingerprint(f) === undefined) undef++;
console.log(files.length, (performance.now() - t).toFixed(0), 'ms', undef, 'undefined');
