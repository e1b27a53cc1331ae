/**
 * Prints a document built with doc-printer.ts as prettier's printDocToString does: each group flat
 * when it fits in the rest of the line, else its expanded states in turn, else broken.
 */
import { Unprintable, indent, isSequence, type Doc, type Group } from './doc-printer.js';

type Mode = 'flat' | 'break';
interface Command {
  indent: number;
  mode: Mode;
  doc: Doc;
}

/**
 * The commands still to print (prettier's `cmds`), as parallel stacks rather than an object per
 * command (the printer and `fits` were among the largest allocators of a run). A command's indent
 * and mode are one number, `indent * 2 + 1` when broken.
 */
class CommandStack {
  readonly docs: Doc[] = [];
  readonly frames: number[] = [];

  push(indent: number, mode: Mode, doc: Doc): void {
    this.docs.push(doc);
    this.frames.push(indent * 2 + (mode === 'break' ? 1 : 0));
  }
}

/** The text of `doc` at `width` columns, as prettier's printDocToString prints it (spaces, `\n`). */
export function printDoc(doc: Doc, width: number): string {
  propagateBreaks(doc);
  const out: string[] = [];
  const modes = new Map<symbol, Mode>();
  const commands = new CommandStack();
  commands.push(0, 'break', doc);
  let position = 0;
  let remeasure = false;
  while (commands.docs.length > 0) {
    const current = commands.docs.pop()!;
    const frame = commands.frames.pop()!;
    const at = frame >> 1;
    const mode: Mode = frame & 1 ? 'break' : 'flat';
    if (typeof current === 'string') {
      out.push(current);
      position += textWidth(current);
    } else if (isSequence(current)) {
      for (let i = current.length - 1; i >= 0; i--) {
        commands.docs.push(current[i]!);
        commands.frames.push(frame);
      }
    } else {
      switch (current.kind) {
        case 'indent':
          commands.push(at + 2, mode, current.contents);
          break;
        case 'align':
          commands.push(at + current.width, mode, current.contents);
          break;
        case 'group': {
          const chosen = chooseGroup(current, { indent: at, mode, doc: current }, commands, width - position, modes, remeasure);
          remeasure = false;
          if (chosen.mode === 'break' && current.bailOnBreak) throw new Unprintable('a layout that breaks differently');
          commands.push(chosen.indent, chosen.mode, chosen.doc);
          if (current.id) modes.set(current.id, chosen.mode);
          break;
        }
        case 'line':
          if (mode === 'flat' && current.mode !== 'hard') {
            if (current.mode === 'line') {
              out.push(' ');
              position += 1;
            }
            break;
          }
          if (mode === 'flat') remeasure = true;
          trimTrailingBlanks(out);
          out.push(`\n${' '.repeat(at)}`);
          position = at;
          break;
        case 'ifBreak':
        case 'indentIfBreak': {
          const groupMode = current.groupId ? (modes.get(current.groupId) ?? 'flat') : mode;
          const contents = current.kind === 'ifBreak' ? (groupMode === 'break' ? current.breakContents : current.flatContents) : groupMode === 'break' ? indent(current.contents) : current.contents;
          commands.push(at, mode, contents);
          break;
        }
        case 'verbatim':
          out.push(current.text);
          break;
        case 'breakParent':
          break;
      }
    }
  }
  return out.join('');
}

/** How `group` prints (prettier's printDocToString): flat if it fits, else the first expanded state that fits, else broken. */
function chooseGroup(group: Group, at: Command, rest: CommandStack, width: number, modes: ReadonlyMap<symbol, Mode>, remeasure: boolean): Command {
  if (at.mode === 'flat' && !remeasure) return { indent: at.indent, mode: group.break ? 'break' : 'flat', doc: group.contents };
  if (!group.break && fits(group.contents, rest, width, modes)) return { indent: at.indent, mode: 'flat', doc: group.contents };
  const states = group.expandedStates;
  if (!states) return { indent: at.indent, mode: 'break', doc: group.contents };
  if (!group.break) {
    for (const state of states.slice(1)) {
      if (fits(state, rest, width, modes)) return { indent: at.indent, mode: 'flat', doc: state };
    }
  }
  return { indent: at.indent, mode: 'break', doc: states[states.length - 1]! };
}

/**
 * Whether `next` printed flat, then the rest up to its first possible line break, fits in `width`.
 * Its own stack holds docs and their modes apart (true when broken), as `CommandStack` does.
 */
function fits(next: Doc, rest: CommandStack, width: number, modes: ReadonlyMap<symbol, Mode>): boolean {
  let restIndex = rest.docs.length;
  const docs: Doc[] = [next];
  const broken: boolean[] = [false];
  let left = width;
  while (left >= 0) {
    if (docs.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      docs.push(rest.docs[restIndex]!);
      broken.push((rest.frames[restIndex]! & 1) === 1);
      continue;
    }
    const doc = docs.pop()!;
    const isBroken = broken.pop()!;
    if (typeof doc === 'string') left -= textWidth(doc);
    else if (isSequence(doc)) {
      for (let i = doc.length - 1; i >= 0; i--) {
        docs.push(doc[i]!);
        broken.push(isBroken);
      }
    } else {
      switch (doc.kind) {
        case 'indent':
        case 'align':
          docs.push(doc.contents);
          broken.push(isBroken);
          break;
        case 'group': {
          const groupBroken = doc.break || isBroken;
          docs.push(doc.expandedStates && groupBroken ? doc.expandedStates[doc.expandedStates.length - 1]! : doc.contents);
          broken.push(groupBroken);
          break;
        }
        case 'ifBreak':
        case 'indentIfBreak': {
          const groupBroken = doc.groupId ? modes.get(doc.groupId) === 'break' : isBroken;
          docs.push(doc.kind === 'indentIfBreak' ? doc.contents : groupBroken ? doc.breakContents : doc.flatContents);
          broken.push(isBroken);
          break;
        }
        case 'line':
          if (isBroken || doc.mode === 'hard') return true;
          if (doc.mode === 'line') left -= 1;
          break;
        case 'verbatim':
          throw new Unprintable('a comment measured for width');
        case 'breakParent':
          break;
      }
    }
  }
  return false;
}

/** Marks every group that holds a hard line or a broken group as broken, as prettier's propagateBreaks does. */
function propagateBreaks(doc: Doc): boolean {
  if (typeof doc === 'string') return false;
  if (isSequence(doc)) {
    let broken = false;
    for (const part of doc) broken = propagateBreaks(part) || broken;
    return broken;
  }
  switch (doc.kind) {
    case 'breakParent':
      return true;
    case 'group':
      // A conditional group is never broken by what it holds, and does not break its parent either.
      if (doc.expandedStates) doc.expandedStates.forEach(propagateBreaks);
      else if (propagateBreaks(doc.contents)) doc.break = true;
      return doc.break;
    case 'indent':
    case 'align':
    case 'indentIfBreak':
      return propagateBreaks(doc.contents);
    case 'ifBreak':
      return [propagateBreaks(doc.breakContents), propagateBreaks(doc.flatContents)].some(Boolean);
    default:
      return false;
  }
}

/** Columns of `text`; only ASCII is measured here (prettier counts wide and combining characters apart). */
function textWidth(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) throw new Unprintable('text other than printable ASCII');
  }
  return text.length;
}

function trimTrailingBlanks(out: string[]): void {
  for (let i = out.length - 1; i >= 0; i--) {
    const trimmed = out[i]!.replace(/[ \t]+$/, '');
    out[i] = trimmed;
    if (trimmed !== '') return;
  }
}
