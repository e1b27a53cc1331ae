/**
 * Documents with prettier's semantics (groups that print flat when they fit in the line width, else
 * broken; `line`, `softline`, `hardline`, `indent`, `ifBreak`, `indentIfBreak`), so that
 * typescript-printer.ts can build for a statement the same document prettier builds and get the
 * same text from print-doc.ts. It adds one thing: a group marked `bailOnBreak` stands for a layout
 * oasgen does not reproduce when it breaks; breaking it throws `Unprintable`, and the caller leaves
 * the file to prettier.
 */

/** A printed document: text, a sequence, or a command. */
export type Doc = string | readonly Doc[] | Group | Indent | Align | Line | IfBreak | IndentIfBreak | Verbatim | BreakParent;

export interface Group {
  kind: 'group';
  contents: Doc;
  /** Set to break it whatever fits (and, by `printDoc`, when it holds a hard line). */
  break: boolean;
  id?: symbol;
  bailOnBreak?: boolean;
  /** A conditional group: the layouts tried in turn (the first is `contents`), the last taken broken. */
  expandedStates?: readonly Doc[];
}
interface Indent {
  kind: 'indent';
  contents: Doc;
}
interface Align {
  kind: 'align';
  width: number;
  contents: Doc;
}
interface Line {
  kind: 'line';
  mode: 'line' | 'soft' | 'hard';
}
interface IfBreak {
  kind: 'ifBreak';
  breakContents: Doc;
  flatContents: Doc;
  groupId?: symbol;
}
interface IndentIfBreak {
  kind: 'indentIfBreak';
  contents: Doc;
  groupId: symbol;
}
/** Text whose width is never measured: a comment line, always followed by a hard line. */
interface Verbatim {
  kind: 'verbatim';
  text: string;
}
interface BreakParent {
  kind: 'breakParent';
}

/** Thrown when the text prettier would print is not one this printer reproduces. */
export class Unprintable extends Error {}

export const line: Line = { kind: 'line', mode: 'line' };
export const softline: Line = { kind: 'line', mode: 'soft' };
export const breakParent: BreakParent = { kind: 'breakParent' };
export const hardline: Doc = [{ kind: 'line', mode: 'hard' }, breakParent];

export function group(contents: Doc, options: { break?: boolean; id?: symbol; bailOnBreak?: boolean } = {}): Group {
  return { kind: 'group', contents, break: options.break ?? false, id: options.id, bailOnBreak: options.bailOnBreak };
}
/** prettier's conditionalGroup: the first of `states` that fits flat (up to its first forced break), else the last, broken. */
export function conditionalGroup(states: readonly Doc[]): Group {
  return { kind: 'group', contents: states[0]!, break: false, expandedStates: states };
}

/** Whether `doc` holds a forced break before any line is printed (prettier's willBreak). */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (isSequence(doc)) return doc.some(willBreak);
  switch (doc.kind) {
    case 'group':
      return doc.break || willBreak(doc.contents);
    case 'line':
      return doc.mode === 'hard';
    case 'breakParent':
      return true;
    case 'indent':
    case 'align':
    case 'indentIfBreak':
      return willBreak(doc.contents);
    case 'ifBreak':
      return willBreak(doc.breakContents) || willBreak(doc.flatContents);
    default:
      return false;
  }
}

export const indent = (contents: Doc): Indent => ({ kind: 'indent', contents });
export const align = (width: number, contents: Doc): Align => ({ kind: 'align', width, contents });
export const ifBreak = (breakContents: Doc, flatContents: Doc = '', groupId?: symbol): IfBreak => ({ kind: 'ifBreak', breakContents, flatContents, groupId });
export const indentIfBreak = (contents: Doc, groupId: symbol): IndentIfBreak => ({ kind: 'indentIfBreak', contents, groupId });
export const verbatim = (text: string): Verbatim => ({ kind: 'verbatim', text });

export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  return docs.flatMap((doc, i) => (i === 0 ? [doc] : [separator, doc]));
}

export function isSequence(doc: Doc): doc is readonly Doc[] {
  return Array.isArray(doc);
}
