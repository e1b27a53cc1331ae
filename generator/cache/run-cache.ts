import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { FormatCache } from '../format/format-files.js';
import type { TypeCheckState } from '../postprocess/postprocess.js';
import type { RenderedFile } from '../render/render-files.js';
import {
  CONTENTS,
  FORMAT,
  hashIn,
  OUTPUT,
  readJson,
  readJsonSync,
  RUN,
  sizeOf,
  statIn,
  TYPE_CHECK,
  untouchedFiles,
  writeAtomically,
  writeAtomicallySync,
  type InputFile,
  type OutputStats,
  type RunEntry,
  type StoredText,
} from './cache-files.js';
import { fileHash, textHash } from './cache-key.js';
import { RenderMemo } from '../render/render-memo.js'; // no Handlebars: a run served from the cache never loads it
import { readFormatLog, storeFormatLog, unchangedSince, type FormatLog } from './format-log.js';

export type { InputFile } from './cache-files.js';

/**
 * What the runs of one process (`oasgen generate --watch`) keep between them:
 * - the format cache as the last run stored it, taken as it is while its file is as that run left
 *   it, instead of read again (Stripe's 17 MB: ~90 ms a rerun);
 * - the last run's rendering, for a run under the same key (RenderMemo).
 */
export class CacheSession {
  formatLog: FormatLog | undefined;
  readonly rendering = new RenderMemo();
}

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
    /** What the runs of one process (`--watch`) keep between them. */
    private readonly session?: CacheSession,
  ) {}

  /** The entry of the last run stored here, as `lookup` read it (whatever its key). */
  private last: RunEntry | undefined;

  /** The session's memo of rendering under this run's key (RenderMemo): only under `--watch`, and only for a run whose key captures all it depends on. */
  renderMemo(): RenderMemo | undefined {
    return this.reusable && this.session ? this.session.rendering.under(this.key) : undefined;
  }

  /** The previous run when its key matches and no spec file it read changed. */
  async lookup(): Promise<CachedRun | undefined> {
    if (!this.reusable) return undefined;
    const entry = (this.last = await readJson<RunEntry>(join(this.dir, RUN)));
    if (!entry || entry.version !== 4 || entry.key !== this.key) return undefined;
    if (sizeOf(join(this.dir, CONTENTS)) !== entry.contentsSize || sizeOf(join(this.dir, FORMAT)) !== entry.formatSize) return undefined;
    const hashes = await Promise.all(entry.inputs.map((input) => fileHash(input.path)));
    if (entry.inputs.some((input, i) => hashes[i] !== input.hash)) return undefined;
    return new CachedRun(this.dir, entry);
  }

  /**
   * The hash of each text `folder` holds as the last stored run wrote it (its size and time
   * unchanged since, see recordOutput), by path: what a rerun after a spec edit need not read to
   * compare. Asked after `lookup`, before this run stores its own entry.
   */
  heldTexts(folder: string): Map<string, string> {
    const entry = this.last;
    if (!this.reusable || entry?.version !== 4) return new Map();
    const untouched = untouchedFiles(this.dir, entry, folder);
    return new Map(entry.files.filter((file) => untouched.has(file.path)).map((file) => [file.path, file.hash]));
  }

  /**
   * Records how the output folder's files look now, right after this run wrote them (or found them
   * as they should be): the next unchanged run compares sizes and times instead of reading them.
   */
  recordOutput(folder: string, files: readonly RenderedFile[]): void {
    if (!this.reusable) return;
    const stats: OutputStats['stats'] = {};
    for (const file of files) {
      const stat = statIn(folder, file.path);
      if (stat) stats[file.path] = stat;
    }
    writeAtomicallySync(join(this.dir, OUTPUT), JSON.stringify({ key: this.key, folder, stats } satisfies OutputStats));
  }

  /** The format cache as `formatCache` read it, for `store` to append to. */
  private formatLog: FormatLog | undefined;

  async formatCache(): Promise<FormatCache> {
    const path = join(this.dir, FORMAT);
    const kept = this.session?.formatLog;
    this.formatLog = kept && unchangedSince(path, kept) ? kept : readFormatLog(path);
    return this.formatLog.entries;
  }

  /** The type check's state after the last clean run (it holds content hashes, so any key may reuse it). */
  async typeCheckState(): Promise<TypeCheckState> {
    const stored = await readJson<TypeCheckState>(join(this.dir, TYPE_CHECK));
    return { buildInfo: stored?.buildInfo, checked: stored?.checked, checker: stored?.checker };
  }

  /**
   * Stores a successful run (`hashes`: the files' text hashes, `textHash`, in their order); the
   * format cache keeps the entries this run used, and of the others at most as many (format-log.ts),
   * so it never grows without bound.
   */
  async store(run: {
    inputs: InputFile[];
    files: RenderedFile[];
    hashes: readonly string[];
    diagnostics: Diagnostic[];
    format: FormatCache;
    used: ReadonlySet<string>;
    typeCheck: TypeCheckState;
  }): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // A cache beside the output folder (no node_modules above it) must not end up in the user's commits.
    if (basename(dirname(this.dir)) === '.oasgen-cache') await writeFile(join(dirname(this.dir), '.gitignore'), '*\n');
    const format = [...run.format].filter(([key]) => run.used.has(key));
    // A file's text that is also a formatted text (most are) is stored once, in the format cache,
    // and named by its key among the contents (the 10,000-operation spec: 44 MB written, not 88).
    const formatted = new Map(format.map(([key, text]) => [text, key]));
    const stored: StoredText[] = run.files.map((f) => {
      const key = formatted.get(f.content);
      return key === undefined ? f.content : { format: key };
    });
    const contents = JSON.stringify(stored);
    const files = run.files.map((f, i) => ({ path: f.path, hash: run.hashes[i]! }));
    // The texts first and the entry last, so that it never names texts not yet written.
    const read = this.formatLog?.entries === run.format ? this.formatLog : undefined;
    const log = storeFormatLog(join(this.dir, FORMAT), read, run.format, run.used);
    if (this.session) this.session.formatLog = log;
    await writeAtomically(join(this.dir, CONTENTS), contents);
    const entry: RunEntry = { version: 4, key: this.key, inputs: run.inputs, files, diagnostics: run.diagnostics, contentsSize: Buffer.byteLength(contents), formatSize: log.size };
    await Promise.all([
      writeAtomically(join(this.dir, RUN), JSON.stringify(entry)),
      writeAtomically(join(this.dir, TYPE_CHECK), JSON.stringify(run.typeCheck)),
    ]);
  }
}

/**
 * A run served from the cache: its diagnostics and files. The files' texts are in a cache file of
 * their own, read only when a file must be written, compared or handed out: an unchanged rerun
 * into a folder that still holds them reads neither the texts nor the folder's files (the synthetic
 * spec of 10,000 operations: 44 MB of JSON and 11,013 files, issue 7).
 */
export class CachedRun {
  private texts: string[] | undefined;

  constructor(
    private readonly dir: string,
    private readonly entry: RunEntry,
  ) {}

  get diagnostics(): Diagnostic[] {
    return this.entry.diagnostics;
  }

  /** The spec files the run read. */
  get specFiles(): string[] {
    return this.entry.inputs.map((input) => input.path);
  }

  get paths(): string[] {
    return this.entry.files.map((f) => f.path);
  }

  /**
   * The files; the texts are read from the cache when one is first asked for, and must hash as the
   * entry says (another run storing into the same cache meanwhile is an error, never another run's text).
   */
  files(): RenderedFile[] {
    const text = (index: number): string => (this.texts ??= this.readTexts())[index]!;
    return this.entry.files.map((file, index) => ({
      path: file.path,
      get content(): string {
        return text(index);
      },
    }));
  }

  /** The files with their texts read now; undefined when the texts do not hash as the entry says (then the cache cannot serve the run). */
  loadedFiles(): RenderedFile[] | undefined {
    this.texts ??= this.verifiedTexts();
    const texts = this.texts;
    return texts && this.entry.files.map((file, index) => ({ path: file.path, content: texts[index]! }));
  }

  private readTexts(): string[] {
    const texts = (this.texts ??= this.verifiedTexts());
    if (!texts) throw new Error(`the cache in ${this.dir} changed while this run read it (another run storing into it?): run again`);
    return texts;
  }

  private verifiedTexts(): string[] | undefined {
    const stored = readJsonSync<StoredText[]>(join(this.dir, CONTENTS));
    if (!Array.isArray(stored) || stored.length !== this.entry.files.length) return undefined;
    const format = stored.some((text) => typeof text !== 'string') ? readFormatLog(join(this.dir, FORMAT)).entries : new Map<string, string>();
    const texts = stored.map((text) => (typeof text === 'string' ? text : format.get(text.format)));
    const intact = texts.every((text, i) => typeof text === 'string' && textHash(text) === this.entry.files[i]!.hash);
    return intact ? (texts as string[]) : undefined;
  }

  /**
   * True when `folder` holds exactly this run's files: each one as big and as old as right after
   * the run that wrote it (recordOutput), or else with the same text. (Files of the folder's
   * manifest that the run no longer has cannot be there: the manifest is one of the files.)
   */
  holdsItsFiles(folder: string): boolean {
    const untouched = untouchedFiles(this.dir, this.entry, folder);
    return this.entry.files.every((file) => untouched.has(file.path) || hashIn(folder, file.path) === file.hash);
  }
}
