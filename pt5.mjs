import * as prettier from 'prettier';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
const files = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = join(d, f); if (statSync(p).isDirectory()) walk(p); else if (/\.(ts|md)$/.test(p)) files.push(p); } };
walk('/tmp/o');
const [k, n] = process.argv.slice(2).map(Number);
const t = performance.now();
for (let i = k; i < files.length; i += n) { const p = files[i]; await prettier.format(readFileSync(p, 'utf8'), { parser: p.endsWith('.md') ? 'markdown' : 'typescript', singleQuote: true, printWidth: 100, trailingComma: 'all', proseWrap: 'preserve', filepath: p }); }
console.log(k, n, (performance.now() - t).toFixed(0));
