/**
 * TypeScript formatted many files to one prettier call: each call costs about half a millisecond
 * before any work (options, parser lookup), which on a client of thousands of small model files is
 * a third of prettier's time. Prettier formats the top-level statements of a file one by one, so a
 * batch joined with a boundary comment formats each member as formatting it alone would; members
 * for which that might not hold (a directive, `#!` or an empty statement first, `prettier-ignore`,
 * carriage returns, a byte-order mark) are formatted alone, and a batch that fails or does not split back into its
 * members is formatted again member by member.
 */

const BOUNDARY = '// @oasgen-batch-boundary';
/** The `;` ends a member's last statement, so that it never runs on into the next member's first (no automatic semicolon insertion across members). */
const JOINER = `\n;\n${BOUNDARY}\n`;
/** Prettier's per-call cost is spread thin by then; larger batches (200 KB measured) are no faster and need more of the worker's memory. */
const BATCH_CHARACTERS = 50_000;

/** Members (indexes into the texts) formatted in one prettier call. */
export interface TypeScriptBatch {
  members: number[];
  text: string;
}

/** Groups `texts` into batches in order; a member that must be formatted alone gets a batch of its own. */
export function planBatches(texts: readonly string[], limit = BATCH_CHARACTERS): TypeScriptBatch[] {
  const batches: TypeScriptBatch[] = [];
  let open: number[] = [];
  let size = 0;
  const close = (): void => {
    if (open.length > 0) batches.push(joinBatch(texts, open));
    open = [];
    size = 0;
  };
  texts.forEach((text, index) => {
    if (mustStandAlone(text)) {
      batches.push({ members: [index], text });
      return;
    }
    open.push(index);
    size += text.length;
    if (size >= limit) close();
  });
  close();
  return batches;
}

function joinBatch(texts: readonly string[], members: number[]): TypeScriptBatch {
  return members.length === 1 ? { members, text: texts[members[0]!]! } : { members, text: members.map((index) => texts[index]!).join(JOINER) };
}

/**
 * True for a text prettier might format differently inside a batch, or that might swallow the
 * boundary after it (an odd backtick count, an unclosed block comment: a broken template). A first
 * statement that is a directive, or empty (`;`, which prettier drops, handing the comments around it
 * to the previous member's last statement), reads differently after another member.
 */
export function mustStandAlone(text: string): boolean {
  if (/\r|prettier-ignore|@oasgen-batch-boundary|^\uFEFF|^#!/.test(text) || /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*['";]/.test(text)) return true;
  return count(text, '`') % 2 === 1 || count(text, '/*') !== count(text, '*/');
}

function count(text: string, part: string): number {
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length)) n++;
  return n;
}

/** The formatted members of a batch, each as prettier formats it alone; undefined when the boundaries did not survive. */
export function splitBatch(batch: TypeScriptBatch, formatted: string): string[] | undefined {
  const parts = formatted.split(`\n${BOUNDARY}\n`);
  const first = parts[0];
  if (parts.length !== batch.members.length || first === undefined) return undefined;
  // The first member starts the file, so prettier already trimmed its start.
  parts[0] = `${first}\n`;
  return parts.map((part) => {
    const body = part.replace(/^\n+/, '').replace(/\n+$/, '');
    return body === '' ? '' : `${body}\n`;
  });
}
