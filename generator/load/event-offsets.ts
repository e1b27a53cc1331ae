import { EVENT_ID, SCALAR_STYLE, type Event } from 'js-yaml';
import { keyOf } from './yaml-events.js';

/**
 * Finds where a JSON pointer points in YAML (or JSON) text from the parser's events: a mapping
 * member at its key, a sequence item at its start, the deepest existing node when the rest of the
 * pointer does not exist. Offsets are what the full YAML parser gives for the same nodes.
 */
export class EventOffsets {
  /** For each collection's opening event, the index of the event that closes it. */
  private ends?: Int32Array;
  /** Each mapping's members by key (the first of duplicate keys), built on first use. */
  private readonly members = new Map<number, Map<string, { key: number; value: number }>>();

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
  ) {}

  /**
   * The offset of the deepest node on the pointer's path, given as unescaped segments; undefined
   * where that node's start is not in the events in the form the full parser gives it (an empty
   * document or scalar, a block scalar's header).
   */
  offsetOf(segments: readonly string[]): number | undefined {
    let node = this.rootIndex();
    if (node === undefined) return undefined;
    let offset = this.startOf(node);
    for (const segment of segments) {
      const next = this.childOf(node, segment);
      if (!next) break;
      node = next.node;
      offset = next.offset;
    }
    return offset === -1 ? undefined : offset;
  }

  private rootIndex(): number | undefined {
    const first = this.events[0];
    return first?.type === EVENT_ID.DOCUMENT && this.events[1]?.type !== EVENT_ID.POP ? 1 : undefined;
  }

  private childOf(node: number, segment: string): { node: number; offset: number } | undefined {
    const event = this.events[node]!;
    if (event.type === EVENT_ID.MAPPING) {
      const member = this.membersOf(node).get(segment);
      return member && { node: member.value, offset: this.startOf(member.key) };
    }
    if (event.type === EVENT_ID.SEQUENCE && /^(0|[1-9][0-9]*)$/.test(segment)) {
      const wanted = Number(segment);
      const end = this.endOf(node);
      for (let child = node + 1, index = 0; child < end; child = this.after(child), index++) {
        if (index === wanted) return { node: child, offset: this.startOf(child) };
      }
    }
    return undefined;
  }

  private membersOf(node: number): Map<string, { key: number; value: number }> {
    let members = this.members.get(node);
    if (!members) {
      members = new Map();
      const end = this.endOf(node);
      for (let key = node + 1; key < end;) {
        const value = this.after(key);
        const event = this.events[key]!;
        const name = event.type === EVENT_ID.SCALAR ? keyOf(this.text, event) : undefined;
        if (name !== undefined && !members.has(name)) members.set(name, { key, value });
        key = this.after(value);
      }
      this.members.set(node, members);
    }
    return members;
  }

  /** The index of the event after node `index` and everything inside it. */
  private after(index: number): number {
    const type = this.events[index]!.type;
    return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE ? this.endOf(index) + 1 : index + 1;
  }

  private endOf(index: number): number {
    this.ends ??= closingEvents(this.events);
    return this.ends[index]!;
  }

  /** Where a node starts, as the full parser counts it (a quoted scalar at its quote), or -1 where the events do not say. */
  private startOf(index: number): number {
    const event = this.events[index]!;
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        return event.start;
      case EVENT_ID.SCALAR:
        if (event.valueStart === -1) return -1;
        if (event.style === SCALAR_STYLE.PLAIN) return event.valueStart;
        return event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED ? event.valueStart - 1 : -1;
      default:
        return -1;
    }
  }
}

function closingEvents(events: readonly Event[]): Int32Array {
  const ends = new Int32Array(events.length);
  const open: number[] = [];
  events.forEach((event, index) => {
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) open.push(index);
    else if (event.type === EVENT_ID.POP) ends[open.pop()!] = index;
  });
  return ends;
}
