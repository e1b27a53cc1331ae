import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FormatCache } from '../format/format-files.js';
import type { TypeCheckState } from '../postprocess/postprocess.js';
import type { RenderedFile } from '../render/render-files.js';
import { fileHash } from './cache-key.js';

/** A spec file a run read, with the hash of the bytes it read. */
export interface InputFile {
  path: string;
  hash: string;
}

/** What a run stores for the next one: its whole result, and the state that speeds up a partial rerun. */
interface RunEntry {
  version: 1;
  key: string;
  inputs: InputFile[];
  files: RenderedFile[];
  diagnostics: Diagnostic[];
}

const RUN = 'run.json';
const FORMAT = 'format.json';
const TYPE_CHECK = 'type-check.json';

/**
 * The cache of one output folder (see cache-dir.ts): the last run's result by key, prettier's
 * results by content, and TypeScript's build info. Every read tolerates a missing or corrupt file:
 * the cache only ever saves work, it never decides output.
 */
export class RunCache {
  constructor(
    readonly dir: string,
    readonly key: string,
    /** False when the run has code (plugins, helpers) no key captures: only partial results are reused. */
    readonly reusable: boolean,
  ) {}

  /** The previous run's files and diagnostics when its key matches and no spec file it read changed. */
  async lookup(): Promise<{ files: RenderedFile[]; diagnostics: Diagnostic[] } | undefined> {
    if (!this.reusable) return undefined;
    const entry = await readJson<RunEntry>(join(this.dir, RUN));
    if (!entry || entry.version !== 1 || entry.key !== this.key) return undefined;
    const hashes = await Promise.all(entry.inputs.map((input) => fileHash(input.path)));
    if (entry.inputs.some((input, i) => hashes[i] !== input.hash)) return undefined;
    return { files: entry.files, diagnostics: entry.diagnostics };
  }

  async formatCache(): Promise<FormatCache> {
    return new Map(Object.entries((await readJson<Record<string, string>>(join(this.dir, FORMAT))) ?? {}));
  }

  /** The type check's state after the last clean run (it holds content hashes, so any key may reuse it). */
  async typeCheckState(): Promise<TypeCheckState> {
    const stored = await readJson<TypeCheckState>(join(this.dir, TYPE_CHECK));
    return { buildInfo: stored?.buildInfo, checked: stored?.checked, checker: stored?.checker };
  }

  /** Stores a successful run; the format cache keeps only the entries this run used, so it never grows without bound. */
  async store(run: { inputs: InputFile[]; files: RenderedFile[]; diagnostics: Diagnostic[]; format: FormatCache; used: ReadonlySet<string>; typeCheck: TypeCheckState }): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // A cache beside the output folder (no node_modules above it) must not end up in the user's commits.
    if (basename(dirname(this.dir)) === '.oasgen-cache') await writeFile(join(dirname(this.dir), '.gitignore'), '*\n');
    const entry: RunEntry = { version: 1, key: this.key, inputs: run.inputs, files: run.files, diagnostics: run.diagnostics };
    const format = Object.fromEntries([...run.format].filter(([key]) => run.used.has(key)));
    await Promise.all([
      writeAtomically(join(this.dir, RUN), JSON.stringify(entry)),
      writeAtomically(join(this.dir, FORMAT), JSON.stringify(format)),
      writeAtomically(join(this.dir, TYPE_CHECK), JSON.stringify(run.typeCheck)),
    ]);
  }
}

async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
