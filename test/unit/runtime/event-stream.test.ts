/**
 * Tests for the server-sent-events parser of the generated client runtime,
 * written from the WHATWG HTML standard, sections 9.2.5 "Parsing an event
 * stream" and 9.2.6 "Interpreting an event stream":
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
import { describe, expect, it } from "vitest";
import {
  EventStreamParser,
  parseEventStream,
  type EventStreamParserOptions,
  type ServerSentEvent,
} from "../../../templates/runtime/event-stream.js";

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const encoder = new TextEncoder();

/** A chunk given as text (UTF-8 encoded, BOMs included) or as raw bytes. */
type Chunk = string | number[] | Uint8Array;

function toBytes(chunk: Chunk): Uint8Array {
  if (typeof chunk === "string") return encoder.encode(chunk);
  if (chunk instanceof Uint8Array) return chunk;
  return Uint8Array.from(chunk);
}

function concatBytes(chunks: readonly Chunk[]): Uint8Array {
  const parts = chunks.map(toBytes);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Builds an event as the parser must produce it (no `retry` key unless given). */
function ev(data: string, more: { event?: string; id?: string; retry?: number } = {}): ServerSentEvent {
  const out: ServerSentEvent = { event: more.event ?? "message", data, id: more.id ?? "" };
  if (more.retry !== undefined) out.retry = more.retry;
  return out;
}

interface Parsed {
  events: ServerSentEvent[];
  retries: number[];
  lastEventId: string;
}

/** Drives the push parser synchronously. */
function parseSync(chunks: readonly Chunk[], options: EventStreamParserOptions = {}): Parsed {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  const parser = new EventStreamParser((e) => events.push(e), {
    ...options,
    onRetry: (ms) => retries.push(ms),
  });
  for (const chunk of chunks) parser.feed(toBytes(chunk));
  parser.end();
  return { events, retries, lastEventId: parser.lastEventId };
}

function streamOf(chunks: readonly Chunk[]): ReadableStream<Uint8Array> {
  const bytes = chunks.map(toBytes);
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < bytes.length) controller.enqueue(bytes[i++]);
      else controller.close();
    },
  });
}

/** Drives the async iterable over a ReadableStream. */
async function parseAsync(
  chunks: readonly Chunk[],
  options: EventStreamParserOptions = {},
): Promise<{ events: ServerSentEvent[]; retries: number[] }> {
  const events: ServerSentEvent[] = [];
  const retries: number[] = [];
  for await (const e of parseEventStream(streamOf(chunks), {
    ...options,
    onRetry: (ms) => retries.push(ms),
  })) {
    events.push(e);
  }
  return { events, retries };
}

/** Splits bytes into chunks of one byte each. */
function byteByByte(bytes: Uint8Array): Uint8Array[] {
  return Array.from(bytes, (b) => Uint8Array.of(b));
}

/** Rejects if `promise` does not settle within `ms`. */
function within<T>(promise: Promise<T>, ms = 1000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms)),
  ]);
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------
// Rule-by-rule cases
// ---------------------------------------------------------------------------

interface Case {
  name: string;
  /** Chunks, in order. */
  given: Chunk[];
  want: ServerSentEvent[];
  /** Values passed to onRetry, in order (default: none). */
  wantRetries?: number[];
  /** `lastEventId` of the parser after the end of the stream (default: not checked). */
  wantLastEventId?: string;
  options?: EventStreamParserOptions;
}

const BOM = "\uFEFF";
const BOM_BYTES = [0xef, 0xbb, 0xbf];

const cases: Case[] = [
  // -- BOM (9.2.5: "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark (BOM), if any.")
  { name: "BOM: one leading BOM is stripped", given: [`${BOM}data: a\n\n`], want: [ev("a")] },
  {
    name: "BOM: a second leading BOM is kept (becomes part of the field name)",
    given: [`${BOM}${BOM}data: a\n\ndata: b\n\n`],
    want: [ev("b")],
  },
  { name: "BOM: a BOM inside a value is kept", given: [`${BOM}data: ${BOM}x\n\n`], want: [ev(`${BOM}x`)] },
  {
    name: "BOM: only at the start of the stream, not at the start of a later chunk",
    given: ["data: a\n\n", `${BOM}data: b\n\ndata: c\n\n`],
    want: [ev("a"), ev("c")],
  },
  {
    name: "BOM: split 1+2 bytes across chunks",
    given: [[0xef], [0xbb, 0xbf], "data: a\n\n"],
    want: [ev("a")],
  },
  {
    name: "BOM: split byte by byte, the last byte with data",
    given: [[0xef], [0xbb], concatBytes([[0xbf], "data: a\n\n"])],
    want: [ev("a")],
  },
  {
    name: "BOM: split, followed by a second BOM which is kept",
    given: [[0xef, 0xbb], concatBytes([[0xbf], BOM_BYTES, "data: a\n\ndata: b\n\n"])],
    want: [ev("b")],
  },
  {
    name: "BOM: empty chunks before the BOM",
    given: [[], [], `${BOM}data: a\n\n`],
    want: [ev("a")],
  },

  // -- Line endings (9.2.5)
  { name: "LF line endings", given: ["data: a\n\n"], want: [ev("a")] },
  { name: "CRLF line endings", given: ["data: a\r\n\r\n"], want: [ev("a")] },
  { name: "CR line endings", given: ["data: a\r\r"], want: [ev("a")] },
  {
    name: "mixed line endings",
    given: ["data: a\r\ndata: b\rdata: c\n\r\ndata: d\n\r"],
    want: [ev("a\nb\nc"), ev("d")],
  },
  { name: "LF followed by CR is two line endings", given: ["data: a\n\rdata: b\n\n"], want: [ev("a"), ev("b")] },
  { name: "CR CR LF is two line endings (CR, then CRLF)", given: ["data: a\r\r\ndata: b\n\n"], want: [ev("a"), ev("b")] },
  {
    name: "CR | LF split across chunks is one line ending",
    given: ["data: a\r", "\ndata: b\r\n\r\n"],
    want: [ev("a\nb")],
  },
  {
    name: "CR | LF split across chunks with empty chunks between",
    given: ["data: a\r", "", [], "\ndata: b\r\n", "\r", "\n"],
    want: [ev("a\nb")],
  },
  {
    name: "CR | non-LF split across chunks",
    given: ["data: a\r", "\rdata: b\r", "data: c\r\r"],
    want: [ev("a"), ev("b\nc")],
  },
  { name: "CR at the very end of the stream ends a line", given: ["data: a\r", "\r"], want: [ev("a")] },
  { name: "LF at the very end of the stream ends a line", given: ["data: a\n", "\n"], want: [ev("a")] },

  // -- Comments (9.2.6: "If the line starts with a U+003A COLON character (:) Ignore the line.")
  {
    name: "comment lines are ignored",
    given: [": hello\n:\ndata: a\n:data: b\n\n"],
    want: [ev("a")],
  },
  { name: "a block of comments only dispatches nothing", given: [":keep-alive\n\n:ping\r\n\r\n"], want: [] },

  // -- Field parsing (9.2.6)
  {
    name: "no colon: the whole line is the field name, value is empty",
    given: ["data\n\n"],
    want: [ev("")],
  },
  { name: "no colon: `data` lines append empty lines", given: ["data\ndata\ndata: x\n\n"], want: [ev("\n\nx")] },
  { name: "no colon: `event` resets the type to default", given: ["event\ndata: x\n\n"], want: [ev("x")] },
  { name: "no space after the colon", given: ["data:a\n\n"], want: [ev("a")] },
  { name: "exactly one leading space is stripped", given: ["data:  a\n\n"], want: [ev(" a")] },
  { name: "trailing spaces are kept", given: ["data: a  \n\n"], want: [ev("a  ")] },
  { name: "only U+0020 is stripped, not a tab", given: ["data:\ta\n\n"], want: [ev("\ta")] },
  { name: "a value of one space is empty", given: ["data: \n\n"], want: [ev("")] },
  { name: "the field name ends at the first colon", given: ["data: a: b:c\n\n"], want: [ev("a: b:c")] },
  { name: "space before the colon is part of the field name", given: ["data : x\ndata: y\n\n"], want: [ev("y")] },

  // -- data (9.2.6: "Append the field value to the data buffer, then append a single U+000A LINE FEED")
  { name: "data lines are joined by LF", given: ["data: a\ndata: b\ndata: c\n\n"], want: [ev("a\nb\nc")] },
  { name: "empty data lines in the middle are kept", given: ["data: a\ndata:\ndata: b\n\n"], want: [ev("a\n\nb")] },
  { name: "two empty data lines give one LF", given: ["data:\ndata:\n\n"], want: [ev("\n")] },
  { name: "`data` alone dispatches an empty string", given: ["data\n\n"], want: [ev("")] },
  { name: "`data:` alone dispatches an empty string", given: ["data:\n\n"], want: [ev("")] },
  { name: "data with CR inside is impossible: CR ends the line", given: ["data: a\rb\n\n"], want: [ev("a")] },

  // -- Dispatch with an empty data buffer (9.2.6 dispatch step 2)
  { name: "blank lines alone dispatch nothing", given: ["\n\n\r\n\r"], want: [] },
  { name: "event type without data dispatches nothing", given: ["event: x\n\n"], want: [] },
  { name: "id without data dispatches nothing", given: ["id: 1\n\n"], want: [], wantLastEventId: "1" },
  {
    name: "id then a blank line without data: the last event ID string changes, no event",
    given: ["id: 7\n\n"],
    options: { lastEventId: "3" },
    want: [],
    wantLastEventId: "7",
  },

  // -- event (9.2.6: "Set the event type buffer to the field value.")
  { name: "event type is used", given: ["event: add\ndata: 1\n\n"], want: [ev("1", { event: "add" })] },
  {
    name: "event type is reset after dispatch",
    given: ["event: add\ndata: 1\n\ndata: 2\n\n"],
    want: [ev("1", { event: "add" }), ev("2")],
  },
  {
    name: "event type is reset by a blank line even without dispatch",
    given: ["event: add\n\ndata: 2\n\n"],
    want: [ev("2")],
  },
  { name: "the last event field wins", given: ["event: a\nevent: b\ndata: x\n\n"], want: [ev("x", { event: "b" })] },
  { name: "empty event type means message", given: ["event:\ndata: x\n\n"], want: [ev("x")] },
  { name: "event field after data still applies", given: ["data: x\nevent: late\n\n"], want: [ev("x", { event: "late" })] },

  // -- id (9.2.6: "If the field value does not contain U+0000 NULL, then set the last event ID buffer")
  { name: "id is attached to the event", given: ["id: 1\ndata: a\n\n"], want: [ev("a", { id: "1" })] },
  {
    name: "id persists across events",
    given: ["id: 1\ndata: a\n\ndata: b\n\n"],
    want: [ev("a", { id: "1" }), ev("b", { id: "1" })],
    wantLastEventId: "1",
  },
  {
    name: "id set by an event without data applies to the next events",
    given: ["id: 5\n\ndata: b\n\n"],
    want: [ev("b", { id: "5" })],
  },
  {
    name: "empty id (no colon) resets the last event ID",
    given: ["id: 1\ndata: a\n\nid\ndata: b\n\n"],
    want: [ev("a", { id: "1" }), ev("b")],
    wantLastEventId: "",
  },
  {
    name: "empty id (with colon) resets the last event ID",
    given: ["id: 1\ndata: a\n\nid:\ndata: b\n\n"],
    want: [ev("a", { id: "1" }), ev("b")],
  },
  {
    name: "id containing U+0000 is ignored",
    given: ["id: 1\ndata: a\n\nid: 2\u0000x\ndata: b\n\n"],
    want: [ev("a", { id: "1" }), ev("b", { id: "1" })],
    wantLastEventId: "1",
  },
  { name: "id keeps spaces after the first one", given: ["id:  7 \ndata: a\n\n"], want: [ev("a", { id: " 7 " })] },
  {
    name: "initial lastEventId option is used until an id field",
    given: ["data: a\n\nid: 9\ndata: b\n\n"],
    options: { lastEventId: "41" },
    want: [ev("a", { id: "41" }), ev("b", { id: "9" })],
  },

  // -- retry (9.2.6: "If the field value consists of only ASCII digits [...]")
  {
    name: "retry with digits is reported and attached to the next event only",
    given: ["retry: 1000\ndata: a\n\ndata: b\n\n"],
    want: [ev("a", { retry: 1000 }), ev("b")],
    wantRetries: [1000],
  },
  { name: "retry 0 is valid", given: ["retry:0\ndata: a\n\n"], want: [ev("a", { retry: 0 })], wantRetries: [0] },
  { name: "retry with leading zeros", given: ["retry: 0042\ndata: a\n\n"], want: [ev("a", { retry: 42 })], wantRetries: [42] },
  { name: "retry `12a` is ignored", given: ["retry: 12a\ndata: a\n\n"], want: [ev("a")], wantRetries: [] },
  { name: "empty retry is ignored", given: ["retry:\nretry\ndata: a\n\n"], want: [ev("a")], wantRetries: [] },
  {
    name: "retry with sign, decimal point, exponent or extra space is ignored",
    given: ["retry: -1\nretry: +1\nretry: 1.5\nretry: 1e3\nretry:  10\nretry: 10 \ndata: a\n\n"],
    want: [ev("a")],
    wantRetries: [],
  },
  { name: "retry with non-ASCII digits is ignored", given: ["retry: \u0661\u0662\ndata: a\n\n"], want: [ev("a")], wantRetries: [] },
  {
    name: "the last valid retry wins, each one is reported",
    given: ["retry: 1\nretry: x\nretry: 2\ndata: a\n\n"],
    want: [ev("a", { retry: 2 })],
    wantRetries: [1, 2],
  },
  {
    name: "retry without a dispatch is reported, and kept for the next dispatched event",
    given: ["retry: 3000\n\ndata: a\n\n"],
    want: [ev("a", { retry: 3000 })],
    wantRetries: [3000],
  },
  { name: "retry on an unterminated last line is reported", given: ["data: a\n\nretry: 7"], want: [ev("a")], wantRetries: [7] },

  // -- Unknown fields and case sensitivity (9.2.6: "Otherwise: The field is ignored.")
  { name: "unknown fields are ignored", given: ["foo: bar\ndata: a\nbaz\n\n"], want: [ev("a")] },
  { name: "an unknown field alone dispatches nothing", given: ["foo: bar\n\n"], want: [] },
  { name: "`Data` is not `data`", given: ["Data: x\nDATA: y\n\n"], want: [] },
  { name: "`Event` is not `event`", given: ["Event: x\ndata: a\n\n"], want: [ev("a")] },
  { name: "`ID` is not `id`", given: ["ID: 5\ndata: a\n\n"], want: [ev("a")], wantLastEventId: "" },
  { name: "`Retry` is not `retry`", given: ["Retry: 5\ndata: a\n\n"], want: [ev("a")], wantRetries: [] },

  // -- End of stream (9.2.6: "If the file ends in the middle of an event, before the final empty line, the incomplete event is not dispatched.")
  { name: "end of stream without any line end: not dispatched", given: ["data: a"], want: [] },
  { name: "end of stream without blank line: not dispatched", given: ["data: a\n"], want: [] },
  { name: "end of stream after CRLF without blank line: not dispatched", given: ["data: a\r\n"], want: [] },
  {
    name: "only the incomplete last event is discarded",
    given: ["data: a\n\ndata: b\n"],
    want: [ev("a")],
  },
  {
    name: "an id on the unterminated last line does not change the last event ID",
    given: ["data: a\n\nid: 9"],
    options: { lastEventId: "4" },
    want: [ev("a", { id: "4" })],
    wantLastEventId: "4",
  },
  {
    name: "an id of an event cut by the end of stream does not change the last event ID",
    given: ["id: 5\ndata: x\n"],
    options: { lastEventId: "4" },
    want: [],
    wantLastEventId: "4",
  },
  {
    name: "an id of an event cut by the end of stream, after a dispatched event",
    given: ["id: 1\ndata: a\n\nid: 5\ndata: x\n"],
    want: [ev("a", { id: "1" })],
    wantLastEventId: "1",
  },
  {
    name: "an empty id of an event cut by the end of stream does not reset the last event ID",
    given: ["id: 1\n\nid\ndata: x\n"],
    want: [],
    wantLastEventId: "1",
  },
  { name: "empty stream", given: [], want: [] },
  { name: "stream of empty chunks", given: [[], []], want: [] },

  // -- UTF-8 decoding (9.2.5: "Event streams are always decoded as UTF-8.")
  {
    name: "invalid bytes become U+FFFD",
    given: [concatBytes(["data: ", [0xff], "a", [0xc3], "\ndata: ", [0x80], "\n", [0x80], "\n\n"])],
    want: [ev("\uFFFDa\uFFFD\n\uFFFD")],
  },
  {
    name: "an encoded surrogate becomes U+FFFD per byte",
    given: [concatBytes(["data: ", [0xed, 0xa0, 0x80], "\n\n"])],
    want: [ev("\uFFFD\uFFFD\uFFFD")],
  },
  {
    // Without the flush the last line would be `retry: 7`, a valid retry.
    name: "an incomplete sequence at the end of the stream becomes U+FFFD (decoder flushed)",
    given: ["data: a\n\nretry: 7", [0xe4, 0xba]],
    want: [ev("a")],
    wantRetries: [],
  },
  {
    name: "an incomplete sequence followed by a line end",
    given: ["data: ", [0xe4, 0xba], "\n\n"],
    want: [ev("\uFFFD")],
  },
  {
    name: "multi-byte characters split across chunks",
    // 事 = E4 BA 8B, 件 = E4 BB B6, 🎉 = F0 9F 8E 89, é = C3 A9
    given: ["data: ", [0xe4], [0xba, 0x8b, 0xe4, 0xbb], [0xb6, 0x20, 0xf0, 0x9f], [0x8e], [0x89, 0xc3], [0xa9], "\n\n"],
    want: [ev("事件 🎉é")],
  },
  {
    name: "multi-byte characters in field values and event types",
    given: ["event: 事件\nid: ключ\ndata: 😀\n\n"],
    want: [ev("😀", { event: "事件", id: "ключ" })],
  },
];

describe("EventStreamParser / parseEventStream: rules of the WHATWG standard", () => {
  it.each(cases)("$name", async ({ given, want, wantRetries, wantLastEventId, options }) => {
    const whole = parseSync(given, options);
    expect(whole.events).toStrictEqual(want);
    expect(whole.retries).toStrictEqual(wantRetries ?? []);
    if (wantLastEventId !== undefined) expect(whole.lastEventId).toBe(wantLastEventId);

    // The same bytes one byte per chunk must give the same result.
    const bytes = byteByByte(concatBytes(given));
    const split = parseSync(bytes, options);
    expect(split.events).toStrictEqual(want);
    expect(split.retries).toStrictEqual(wantRetries ?? []);
    if (wantLastEventId !== undefined) expect(split.lastEventId).toBe(wantLastEventId);

    // And through the ReadableStream / async iterable front end.
    const viaStream = await parseAsync(given, options);
    expect(viaStream.events).toStrictEqual(want);
    expect(viaStream.retries).toStrictEqual(wantRetries ?? []);
  });
});

// ---------------------------------------------------------------------------
// A rich stream, split every possible way
// ---------------------------------------------------------------------------

describe("rich stream: chunking never changes the result", () => {
  const rich = concatBytes([
    BOM_BYTES,
    ": a comment 事件\r\n",
    "retry: 2500\n",
    "event: 事件\r",
    "id: 🎉-1\r\n",
    "data: first line 😀\n",
    "data:second\tline\r",
    "data\r\n",
    "\r\n",
    "data: 2\r",
    "\r",
    "unknown: field\n",
    "Data: ignored\n",
    "id: bad\u0000id\n",
    "retry: 12a\n",
    "event:\n",
    "data:  two spaces, 事件 \n",
    "\n",
    "id\n",
    "data: é\u00e9\u0301 \u{1F600}\u{1F469}\u200D\u{1F4BB}\r\n",
    "\n",
    BOM,
    "data: not a BOM at start\n\n",
    "data: ",
    BOM,
    "kept\n\n",
    "id: final\r\n\r",
    "event: end\ndata: unterminated\r\nid: never",
  ]);

  const want: ServerSentEvent[] = [
    ev("first line 😀\nsecond\tline\n", { event: "事件", id: "🎉-1", retry: 2500 }),
    ev("2", { id: "🎉-1" }),
    ev(" two spaces, 事件 ", { id: "🎉-1" }),
    ev("é\u00e9\u0301 \u{1F600}\u{1F469}\u200D\u{1F4BB}"),
    ev(`${BOM}kept`),
  ];
  const wantRetries = [2500];
  const wantLastEventId = "final";

  it("fed whole", async () => {
    const r = parseSync([rich]);
    expect(r.events).toStrictEqual(want);
    expect(r.retries).toStrictEqual(wantRetries);
    expect(r.lastEventId).toBe(wantLastEventId);
    expect((await parseAsync([rich])).events).toStrictEqual(want);
  });

  it("fed one byte per chunk", async () => {
    const r = parseSync(byteByByte(rich));
    expect(r.events).toStrictEqual(want);
    expect(r.retries).toStrictEqual(wantRetries);
    expect(r.lastEventId).toBe(wantLastEventId);
    expect((await parseAsync(byteByByte(rich))).events).toStrictEqual(want);
  });

  it("split into two chunks at every byte boundary", () => {
    for (let at = 0; at <= rich.length; at++) {
      const r = parseSync([rich.subarray(0, at), rich.subarray(at)]);
      expect(r.events, `split at byte ${at}`).toStrictEqual(want);
      expect(r.retries, `split at byte ${at}`).toStrictEqual(wantRetries);
      expect(r.lastEventId, `split at byte ${at}`).toBe(wantLastEventId);
    }
  });

  it("split into three chunks at every pair of byte boundaries near the start", () => {
    // Covers BOM and CRLF splits into three pieces.
    for (let a = 0; a <= 24; a++) {
      for (let b = a; b <= 24; b++) {
        const r = parseSync([rich.subarray(0, a), rich.subarray(a, b), rich.subarray(b)]);
        expect(r.events, `split at ${a}, ${b}`).toStrictEqual(want);
      }
    }
  });
});

// ---------------------------------------------------------------------------
// The push parser on its own
// ---------------------------------------------------------------------------

describe("EventStreamParser", () => {
  it("calls back synchronously, as soon as the blank line is fed", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    parser.feed(encoder.encode("data: a\n"));
    expect(events).toStrictEqual([]);
    parser.feed(encoder.encode("\n"));
    expect(events).toStrictEqual([ev("a")]);
    parser.feed(encoder.encode("data: b\r"));
    expect(events).toStrictEqual([ev("a")]);
    // The blank line is complete as soon as its CR arrives.
    parser.feed(encoder.encode("\r"));
    expect(events).toStrictEqual([ev("a"), ev("b")]);
  });

  it("exposes the last event ID string, which changes only at blank lines", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e), { lastEventId: "start" });
    expect(parser.lastEventId).toBe("start");
    parser.feed(encoder.encode("id: 1\n"));
    expect(parser.lastEventId).toBe("start");
    parser.feed(encoder.encode("\n"));
    expect(parser.lastEventId).toBe("1");
    parser.feed(encoder.encode("id\ndata: a\n"));
    expect(parser.lastEventId).toBe("1");
    parser.feed(encoder.encode("\n"));
    expect(parser.lastEventId).toBe("");
    parser.feed(encoder.encode("id: 2\r"));
    expect(parser.lastEventId).toBe("");
    // A blank line ending with CR is complete as soon as the CR arrives.
    parser.feed(encoder.encode("\r"));
    expect(parser.lastEventId).toBe("2");
    expect(events).toStrictEqual([ev("a")]);
  });

  it("after end(), the id of a discarded incomplete event is not used by the next stream", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e), { lastEventId: "3" });
    parser.feed(encoder.encode("id: 5\ndata: x\n"));
    parser.end();
    expect(parser.lastEventId).toBe("3");
    parser.feed(encoder.encode("data: y\n\n"));
    parser.end();
    expect(events).toStrictEqual([ev("y", { id: "3" })]);
    expect(parser.lastEventId).toBe("3");
  });

  it("can parse a new stream after end(), keeping the last event ID", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    parser.feed(encoder.encode(`${BOM}id: 1\ndata: a\n\nevent: x\ndata: lost\r`));
    parser.end();
    // New stream: its own leading BOM is stripped, no leftover CR/data/event.
    parser.feed(encoder.encode(`${BOM}\ndata: b\n\n`));
    parser.end();
    expect(events).toStrictEqual([ev("a", { id: "1" }), ev("b", { id: "1" })]);
  });

  it("handles a very long line split over many chunks", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    const piece = "0123456789事件";
    const count = 50_000;
    parser.feed(encoder.encode("data: "));
    const bytes = encoder.encode(piece);
    for (let i = 0; i < count; i++) parser.feed(bytes);
    parser.feed(encoder.encode("\n\n"));
    parser.end();
    expect(events).toHaveLength(1);
    expect(events[0].data).toBe(piece.repeat(count));
  });

  it("handles many events in one chunk", () => {
    const events: ServerSentEvent[] = [];
    const parser = new EventStreamParser((e) => events.push(e));
    const count = 10_000;
    let text = "";
    for (let i = 0; i < count; i++) text += `id: ${i}\r\ndata: {"token":"t${i}"}\r\n\r\n`;
    parser.feed(encoder.encode(text));
    parser.end();
    expect(events).toHaveLength(count);
    expect(events[count - 1]).toStrictEqual(ev(`{"token":"t${count - 1}"}`, { id: `${count - 1}` }));
  });
});

// ---------------------------------------------------------------------------
// parseEventStream: streaming and cancellation
// ---------------------------------------------------------------------------

describe("parseEventStream", () => {
  it("yields each event as soon as its blank line arrives", async () => {
    const chunks = ["data: 1\n\n", "data: 2\n", "\n", "event: last\ndata: 3\n\n"];
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    let sent = 0;
    const send = (): void => {
      controller.enqueue(encoder.encode(chunks[sent++]));
      if (sent === chunks.length) controller.close();
    };

    const iterator = parseEventStream(body)[Symbol.asyncIterator]();
    send();
    expect(await within(iterator.next())).toStrictEqual({ done: false, value: ev("1") });

    // Half an event: the iterator must wait for the blank line.
    send();
    let settled = false;
    const second = iterator.next().then((r) => {
      settled = true;
      return r;
    });
    await tick();
    await tick();
    expect(settled).toBe(false);
    send();
    expect(await within(second)).toStrictEqual({ done: false, value: ev("2") });

    send();
    expect(await within(iterator.next())).toStrictEqual({ done: false, value: ev("3", { event: "last" }) });
    expect(await within(iterator.next())).toStrictEqual({ done: true, value: undefined });
    expect(body.locked).toBe(false);
  });

  it("works with for await when the next chunk is only sent after the previous event was received", async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    controller.enqueue(encoder.encode("data: 0\n\n"));
    const received: string[] = [];
    const run = (async () => {
      for await (const e of parseEventStream(body)) {
        received.push(e.data);
        const n = received.length;
        if (n < 5) controller.enqueue(encoder.encode(`data: ${n}\n\n`));
        else controller.close();
      }
    })();
    await within(run);
    expect(received).toStrictEqual(["0", "1", "2", "3", "4"]);
  });

  it("cancels the stream and releases the lock when the consumer breaks", async () => {
    let cancelCalls = 0;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode(`data: ${pulls++}\n\n`));
      },
      cancel() {
        cancelCalls++;
      },
    });
    const received: string[] = [];
    for await (const e of parseEventStream(body)) {
      received.push(e.data);
      if (received.length === 2) break;
    }
    expect(received).toStrictEqual(["0", "1"]);
    expect(cancelCalls).toBe(1);
    expect(body.locked).toBe(false);
  });

  it("cancels the stream when return() is called while events of a chunk are still queued", async () => {
    let cancelCalls = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("data: a\n\ndata: b\n\ndata: c\n\n"));
      },
      cancel() {
        cancelCalls++;
      },
    });
    const iterator = parseEventStream(body)[Symbol.asyncIterator]();
    expect(await iterator.next()).toStrictEqual({ done: false, value: ev("a") });
    expect(iterator.return).toBeDefined();
    expect(await iterator.return!()).toStrictEqual({ done: true, value: undefined });
    expect(cancelCalls).toBe(1);
    expect(body.locked).toBe(false);
    expect(await iterator.next()).toStrictEqual({ done: true, value: undefined });
  });

  it("does not cancel a stream that ended normally", async () => {
    let cancelCalls = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("data: a\n\n"));
        controller.close();
      },
      cancel() {
        cancelCalls++;
      },
    });
    const received: ServerSentEvent[] = [];
    for await (const e of parseEventStream(body)) received.push(e);
    expect(received).toStrictEqual([ev("a")]);
    expect(cancelCalls).toBe(0);
    expect(body.locked).toBe(false);
  });

  it("rejects with the error of a failed read, after the events before it", async () => {
    const failure = new Error("connection reset");
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    controller.enqueue(encoder.encode("data: a\n\ndata: incomplete\n"));
    const received: string[] = [];
    const run = (async () => {
      for await (const e of parseEventStream(body)) {
        received.push(e.data);
        controller.error(failure);
      }
    })();
    await expect(within(run)).rejects.toBe(failure);
    expect(received).toStrictEqual(["a"]);
    expect(body.locked).toBe(false);
  });

  it("rejects with the abort reason when a fetch-like body is aborted", async () => {
    const abort = new AbortController();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("data: a\n\n"));
        abort.signal.addEventListener("abort", () => controller.error(abort.signal.reason));
      },
    });
    const iterator = parseEventStream(body)[Symbol.asyncIterator]();
    expect(await iterator.next()).toStrictEqual({ done: false, value: ev("a") });
    const pending = iterator.next();
    abort.abort();
    const error = await within(pending).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBe(abort.signal.reason);
    expect((error as Error).name).toBe("AbortError");
  });

  it("passes options through (onRetry, lastEventId)", async () => {
    const retries: number[] = [];
    const events: ServerSentEvent[] = [];
    for await (const e of parseEventStream(streamOf(["retry: 10\ndata: a\n\n"]), {
      lastEventId: "42",
      onRetry: (ms) => retries.push(ms),
    })) {
      events.push(e);
    }
    expect(events).toStrictEqual([ev("a", { id: "42", retry: 10 })]);
    expect(retries).toStrictEqual([10]);
  });
});
