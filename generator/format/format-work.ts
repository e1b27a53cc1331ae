/**
 * The work of one format stage, file by file (format-files.ts runs it): what oasgen's printers print
 * themselves, what goes to prettier, and how each file is finished once prettier's outcomes are in.
 */
import type { Options } from 'prettier';
import type { RenderedFile } from '../render/render-files.js';
import type { FormatCache } from './format-files.js';
import type { PrintedParts } from './typescript-source.js';
import type { FormatFeed, FormatJob, FormatOutcome } from './format-pool.js';
import { assembleMarkdown, planMarkdown, printCodePiece, type MarkdownPiece } from './markdown-blocks.js';
import { alignTable, cellsDocument, readCells, type TableLayout } from './markdown-table.js';

/** Prints a TypeScript text as prettier would, or undefined; `parts` keeps printed class members (PrintedParts). */
export type TypeScriptPrinter = (text: string, parts?: PrintedParts) => string | undefined;

/** The format cache as parts of docs use it (code blocks, markdown for prettier): formatted texts by `key(kind, text)`, and the keys this run used. */
export interface RememberedParts {
  cache: FormatCache;
  used: Set<string>;
  key: (kind: string, text: string) => string;
}

/** The path code blocks are keyed under in the format cache: no generated file's path starts with `#`. */
export const CODE_BLOCK = '#code-block.ts';
/** The path a planned doc's markdown for prettier (a table's cells, the rest) is keyed under. */
export const MARKDOWN_BLOCK = '#markdown-block.md';
/** The path a top-level class's printed members are keyed under (typescript-classes.ts). */
export const CLASS_MEMBER = '#class-member.ts';

/** The outcomes of one run's prettier calls: TypeScript texts (batched) and other jobs, by index; and prettier for a text alone. */
export interface FormatDone {
  typescript: (index: number) => FormatOutcome;
  other: (index: number) => FormatOutcome;
  alone: (text: string, parser: string) => Promise<string>;
}

/**
 * The prettier work of a run, gathered file by file: TypeScript texts (files and the code blocks of
 * docs) to be batched, other jobs one per file, and for each file how to finish it from the results.
 * TypeScript that typescript-printer.ts prints, and most doc blocks (markdown-blocks.ts), never
 * reach prettier. With plugins, or options these printers do not follow, every file is one
 * prettier call as it comes.
 */
export class FormatWork {
  readonly typescript: string[] = [];
  /** Other jobs, kept for the workers started after printing; or, with a feed, their outcomes, fed as they came. */
  readonly others: FormatJob[] = [];
  readonly fed: Promise<FormatOutcome>[] = [];
  private readonly batching: boolean;
  private readonly printsMarkdown: boolean;
  /** Printed class members in the format cache, so that a file reprinted after an edit prints only its changed members. */
  private readonly parts: PrintedParts | undefined;

  constructor(
    private readonly options: Options,
    private readonly printer?: TypeScriptPrinter,
    private readonly feed?: FormatFeed,
    private readonly remembered?: RememberedParts,
  ) {
    this.batching = plainOptions(options);
    this.printsMarkdown = this.batching && options.proseWrap === 'preserve' && (options.tabWidth ?? 2) === 2 && !options.useTabs && options.embeddedLanguageFormatting !== 'off';
    const used = (text: string): string => {
      const id = remembered!.key(CLASS_MEMBER, text);
      remembered!.used.add(id);
      return id;
    };
    this.parts = remembered && { get: (text) => remembered.cache.get(used(text)), set: (text, printed) => void remembered.cache.set(used(text), printed) };
  }

  add(file: RenderedFile, parser: string): (done: FormatDone) => string | Promise<string> {
    if (parser === 'typescript' && this.batching) {
      const outcome = this.typeScript(file.content);
      return (done) => textOf(outcome(done));
    }
    const plan = parser === 'markdown' && this.printsMarkdown ? planMarkdown(file.content) : undefined;
    if (!plan) {
      const index = this.other(file.content, parser, file.path);
      return (done) => textOf(done.other(index));
    }
    const code = plan.pieces.map((piece) => (piece.kind === 'code' ? this.codeBlock(piece.code) : undefined));
    const cells = plan.pieces.map((piece) => (piece.kind === 'table' ? this.markdownBlock(cellsDocument(piece.layout.cells), file.path) : undefined));
    const rest = plan.rest === undefined ? undefined : this.markdownBlock(plan.rest, file.path);
    return async (done) => {
      const pieces = await Promise.all(plan.pieces.map((piece, i) => finishPiece(piece, done, code[i], cells[i])));
      return assembleMarkdown(plan, pieces, rest && textOf(rest(done)));
    };
  }

  /**
   * A doc's code block, from the format cache when an earlier run formatted the same code: after an
   * edit to one operation, its API's doc prints that operation's example again, not every example
   * (Stripe's one API doc holds 533). Code prettier could not parse is not kept.
   */
  private codeBlock(code: string): (done: FormatDone) => FormatOutcome {
    return this.remember(CODE_BLOCK, code, () => this.typeScript(code));
  }

  /**
   * A markdown text of a planned doc for prettier (a table's cells, the blocks left to prettier),
   * from the format cache likewise: after an edit elsewhere in a doc, its tables need no prettier
   * (a one-operation edit of Stripe's spec loaded prettier's markdown on this thread for ~110 ms).
   */
  private markdownBlock(text: string, filepath: string): (done: FormatDone) => FormatOutcome {
    return this.remember(MARKDOWN_BLOCK, text, () => {
      const index = this.other(text, 'markdown', filepath);
      return (done) => done.other(index);
    });
  }

  /** `outcome()` of a text, or the text it gave an earlier run (kept under `kind`, the texts it failed on not). */
  private remember(kind: string, text: string, outcome: () => (done: FormatDone) => FormatOutcome): (done: FormatDone) => FormatOutcome {
    if (!this.remembered) return outcome();
    const { cache, used, key } = this.remembered;
    const id = key(kind, text);
    used.add(id);
    const cached = cache.get(id);
    if (cached !== undefined) return () => ({ text: cached });
    const formatting = outcome();
    return (done) => {
      const result = formatting(done);
      if ('text' in result) cache.set(id, result.text);
      return result;
    };
  }

  /** A TypeScript text's outcome: printed here when typescript-printer.ts can, else from its batch. */
  private typeScript(text: string): (done: FormatDone) => FormatOutcome {
    const printed = this.printer?.(text, this.parts);
    if (printed !== undefined) return () => ({ text: printed });
    // What the printer leaves goes to a warm worker at once, which formats it while this thread
    // prints the rest; batched at the end, it kept a first OpenAI run waiting 0.15-0.3 s for prettier.
    if (this.printer && this.feed) {
      const index = this.fed.push(this.feed.add({ content: text, options: { ...this.options, parser: 'typescript' } })) - 1;
      return (done) => done.other(index);
    }
    const index = this.typescript.push(text) - 1;
    return (done) => done.typescript(index);
  }

  private other(content: string, parser: string, filepath: string): number {
    const job = { content, options: { ...this.options, parser, filepath } };
    return this.feed ? this.fed.push(this.feed.add(job)) - 1 : this.others.push(job) - 1;
  }
}

/** A doc piece's text once prettier's outcomes are in: `code` finishes a code piece, `cells` a table's cells. */
function finishPiece(piece: MarkdownPiece, done: FormatDone, code: ((done: FormatDone) => FormatOutcome) | undefined, cells: ((done: FormatDone) => FormatOutcome) | undefined): string | Promise<string> {
  if (piece.kind === 'text') return piece.text;
  if (piece.kind === 'table') return finishTable(piece.layout, cells!(done), (text) => done.alone(text, 'markdown'));
  const outcome = code!(done);
  // Prettier leaves a code block it cannot parse as it is.
  return printCodePiece(piece, 'text' in outcome ? outcome.text : undefined);
}

/**
 * A table from prettier's print of its cells (`outcome`); should that print fail or not read back as
 * those cells, the whole table as `markdown` (prettier on this thread) prints it.
 */
export async function finishTable(layout: TableLayout, outcome: FormatOutcome, markdown: (text: string) => Promise<string>): Promise<string> {
  const printed = 'text' in outcome ? readCells(outcome.text, layout.cells.length) : undefined;
  if (printed) return alignTable(layout, printed);
  return (await markdown(layout.source + '\n')).replace(/\n$/, '');
}

/** No plugins, pragmas or line ends other than `lf`: what batching and oasgen's own printers assume. */
export function plainOptions(options: Options): boolean {
  return (options.plugins ?? []).length === 0 && !options.requirePragma && !options.insertPragma && (options.endOfLine ?? 'lf') === 'lf';
}

function textOf(outcome: FormatOutcome): string {
  if ('error' in outcome) throw new Error(outcome.error);
  return outcome.text;
}
