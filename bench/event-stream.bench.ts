/**
 * Throughput benchmark of the generated client's server-sent-events parser
 * (templates/runtime/event-stream.ts) against the `eventsource-parser` package.
 *
 *   npm run bench:sse        (= npx tsx bench/event-stream.bench.ts)
 *
 * Builds a deterministic ~20 MB stream of typical LLM token events, slices it
 * into 16 KiB chunks, and times, interleaved round by round:
 *
 *   (a) oasgen `EventStreamParser`, push: `feed(bytes)` per chunk, then `end()`
 *   (b) eventsource-parser `createParser`, push: a streaming `TextDecoder`
 *       decodes each chunk, then `feed(text)` (the library takes strings, so
 *       its users must decode; the decode cost is included)
 *   (c) oasgen `parseEventStream` over a `ReadableStream` of the chunks
 *   (d) eventsource-parser `EventSourceParserStream`, piped from a
 *       `TextDecoderStream` over the same `ReadableStream`
 *
 * Both sides must produce the same number of events and the same total data
 * length (checked before anything is reported). The markdown table is printed
 * and written to bench/EVENT-STREAM.md. No test asserts a time: numbers vary by
 * machine, the oasgen / eventsource-parser ratios are what matter.
 */
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import { EventSourceParserStream } from "eventsource-parser/stream";
import { EventStreamParser, parseEventStream, type ServerSentEvent } from "../templates/runtime/event-stream.js";

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

const TARGET_BYTES = 20_000_000;
const CHUNK_BYTES = 16 * 1024;
const WARMUP_ROUNDS = 3;
const MEASURED_ROUNDS = 15;
const SEED = 0x5eed;

// ---------------------------------------------------------------------------
// The input: a deterministic stream of LLM token events
// ---------------------------------------------------------------------------

/** mulberry32: a tiny deterministic PRNG, so every run parses the same bytes. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  " the", " model", " streams", " tokens", " to", " a", " client", " and", " it", " parses",
  " each", " event", " as", " soon", " as", " it", " arrives", ".", ",", " of", " in", " is",
  " 事件", " 流", " café", " données", " naïve", " über", " résumé", " señor", " 😀", " \"quoted\"",
  "\n", " 1", " 42", " ok", " JSON", " server-sent",
];

interface Input {
  bytes: Uint8Array;
  chunks: Uint8Array[];
  /** What both parsers must report. */
  events: number;
  dataLength: number;
  typedEvents: number;
}

function buildInput(): Input {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const parts: string[] = [];
  let size = 0; // in bytes of UTF-8
  let events = 0;
  let dataLength = 0;
  let typedEvents = 0;
  const completionId = "chatcmpl-9a8b7c6d5e4f3a2b1c0d";

  for (let n = 0; size < TARGET_BYTES; n++) {
    let text = "";
    if (n % 97 === 0) text += ": keep-alive\n";
    if (n % 8 === 0) {
      text += "event: content.delta\n";
      typedEvents++;
    }
    if (n % 16 === 0) text += `id: ${completionId}-${n}\n`;
    const words = 1 + Math.floor(random() * 4);
    let content = "";
    for (let w = 0; w < words; w++) content += pick(WORDS);
    const data = JSON.stringify({
      id: completionId,
      object: "chat.completion.chunk",
      created: 1_700_000_000 + Math.floor(n / 50),
      model: "gpt-4o-mini-2024-07-18",
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    text += `data: ${data}\n\n`;
    parts.push(text);
    size += Buffer.byteLength(text, "utf8");
    events++;
    dataLength += data.length;
  }
  parts.push("data: [DONE]\n\n");
  events++;
  dataLength += "[DONE]".length;

  const bytes = new TextEncoder().encode(parts.join(""));
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) chunks.push(bytes.slice(at, at + CHUNK_BYTES));
  return { bytes, chunks, events, dataLength, typedEvents };
}

// ---------------------------------------------------------------------------
// The four contenders; each returns what it counted
// ---------------------------------------------------------------------------

interface Count {
  events: number;
  dataLength: number;
  typedEvents: number;
}

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
}

function oasgenPush(chunks: readonly Uint8Array[]): Count {
  const count: Count = { events: 0, dataLength: 0, typedEvents: 0 };
  const parser = new EventStreamParser((ev: ServerSentEvent) => {
    count.events++;
    count.dataLength += ev.data.length;
    if (ev.event !== "message") count.typedEvents++;
  });
  for (let i = 0; i < chunks.length; i++) parser.feed(chunks[i]);
  parser.end();
  return count;
}

function peerPush(chunks: readonly Uint8Array[]): Count {
  const count: Count = { events: 0, dataLength: 0, typedEvents: 0 };
  const parser = createParser({
    onEvent: (ev: EventSourceMessage) => {
      count.events++;
      count.dataLength += ev.data.length;
      if (ev.event !== undefined) count.typedEvents++;
    },
  });
  const decoder = new TextDecoder();
  for (let i = 0; i < chunks.length; i++) parser.feed(decoder.decode(chunks[i], { stream: true }));
  const rest = decoder.decode();
  if (rest !== "") parser.feed(rest);
  parser.reset();
  return count;
}

async function oasgenStream(chunks: readonly Uint8Array[]): Promise<Count> {
  const count: Count = { events: 0, dataLength: 0, typedEvents: 0 };
  for await (const ev of parseEventStream(streamOf(chunks))) {
    count.events++;
    count.dataLength += ev.data.length;
    if (ev.event !== "message") count.typedEvents++;
  }
  return count;
}

async function peerStream(chunks: readonly Uint8Array[]): Promise<Count> {
  const count: Count = { events: 0, dataLength: 0, typedEvents: 0 };
  const reader = streamOf(chunks)
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    count.events++;
    count.dataLength += value.data.length;
    if (value.event !== undefined) count.typedEvents++;
  }
  return count;
}

interface Contender {
  key: "a" | "b" | "c" | "d";
  name: string;
  timed: string;
  run: (chunks: readonly Uint8Array[]) => Count | Promise<Count>;
  times: number[];
}

const contenders: Contender[] = [
  {
    key: "a",
    name: "oasgen `EventStreamParser` (push)",
    timed: "`feed(Uint8Array)` per chunk + `end()` (decodes UTF-8 itself)",
    run: oasgenPush,
    times: [],
  },
  {
    key: "b",
    name: "eventsource-parser `createParser` (push)",
    timed: "streaming `TextDecoder.decode` + `feed(string)` per chunk (decode cost included)",
    run: peerPush,
    times: [],
  },
  {
    key: "c",
    name: "oasgen `parseEventStream` (stream)",
    timed: "`for await` over `parseEventStream(ReadableStream<Uint8Array>)`",
    run: oasgenStream,
    times: [],
  },
  {
    key: "d",
    name: "eventsource-parser `EventSourceParserStream` (stream)",
    timed: "`ReadableStream` → `TextDecoderStream` → `EventSourceParserStream`, read to the end",
    run: peerStream,
    times: [],
  },
];

// ---------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------


function sameCount(a: Count, b: Count): boolean {
  return a.events === b.events && a.dataLength === b.dataLength && a.typedEvents === b.typedEvents;
}

async function timeOnce(contender: Contender, input: Input): Promise<number> {
  const start = performance.now();
  const count = await contender.run(input.chunks);
  const ms = performance.now() - start;
  const want: Count = { events: input.events, dataLength: input.dataLength, typedEvents: input.typedEvents };
  if (!sameCount(count, want)) {
    throw new Error(
      `(${contender.key}) ${contender.name} counted ${JSON.stringify(count)}, expected ${JSON.stringify(want)}`,
    );
  }
  return ms;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function main(): Promise<void> {
  const input = buildInput();
  const mb = input.bytes.length / 1e6;
  const [a, b, c, d] = contenders;
  const pairs: [Contender, Contender][] = [
    [a, b],
    [c, d],
  ];

  process.stderr.write(
    `input: ${input.bytes.length} bytes, ${input.chunks.length} chunks, ${input.events} events; ` +
      `${WARMUP_ROUNDS} warm-up + ${MEASURED_ROUNDS} measured rounds\n`,
  );

  // Each round runs every contender once, A/B interleaved within each pair,
  // the order inside a pair swapped every other round.
  for (let round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
    const measured = round >= WARMUP_ROUNDS;
    for (const [x, y] of pairs) {
      for (const contender of round % 2 === 0 ? [x, y] : [y, x]) {
        const ms = await timeOnce(contender, input);
        if (measured) contender.times.push(ms);
      }
    }
    process.stderr.write(`${measured ? "round" : "warm-up"} ${round + 1 - (measured ? WARMUP_ROUNDS : 0)} done\n`);
  }

  const med = new Map(contenders.map((x) => [x.key, median(x.times)]));
  const fmt = (n: number, digits: number): string => n.toFixed(digits);
  const rows = contenders.map((x) => {
    const ms = med.get(x.key)!;
    const pair = pairs.find((p) => p[0] === x);
    const ratio = pair ? `**${fmt(med.get(pair[1].key)! / ms, 2)}×**` : "";
    return `| (${x.key}) ${x.name} | ${fmt(ms, 1)} | ${fmt(mb / (ms / 1000), 1)} | ${ratio} |`;
  });

  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const markdown = [
    "# Event-stream parser throughput",
    "",
    "Generated by `npm run bench:sse` (`tsx bench/event-stream.bench.ts`); do not edit by hand.",
    "",
    `Machine: Node.js ${process.version}, ${cpu} (${cpus().length} logical CPUs).`,
    "Absolute numbers vary by machine and load; the ratios are what matters.",
    "",
    `Input: ${input.bytes.length.toLocaleString("en-US")} bytes of UTF-8 (MB below = 10^6 bytes), ` +
      `${input.events.toLocaleString("en-US")} events (typical LLM \`chat.completion.chunk\` token events, ` +
      "every 8th with an `event:` line, every 16th with an `id:` line, a comment line every 97th, " +
      "non-ASCII content, ending with `data: [DONE]`), " +
      `fed as ${input.chunks.length.toLocaleString("en-US")} chunks of ${CHUNK_BYTES / 1024} KiB. ` +
      `Median of ${MEASURED_ROUNDS} measured rounds after ${WARMUP_ROUNDS} warm-up rounds, ` +
      "contenders interleaved A/B within each round (order swapped every other round), no forced GC: the garbage collector runs as it would in an application, and interleaving spreads it over both sides. " +
      "Both sides counted the same events, data length and typed events before anything was reported.",
    "",
    "| contender | median ms | MB/s | oasgen ÷ peer (throughput) |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
    "",
    "The ratio is the peer's median time divided by oasgen's (above 1: oasgen is faster); " +
      "push is compared with push ((a) vs (b)), stream with stream ((c) vs (d)).",
    "",
    "What each one times:",
    "",
    ...contenders.map((x) => `- (${x.key}) ${x.timed}`),
    "",
    "`eventsource-parser` takes strings, so its users must decode the bytes first: " +
      "(b) and (d) include that UTF-8 decoding cost, as (a) and (c) do (they decode internally).",
    "",
    "Notes:",
    "",
    "- UTF-8 decoding (`TextDecoder` with `stream: true`, the same cost on both sides) is a large " +
      "share of the push numbers, so the push ratio understates the difference between the parsers " +
      "themselves.",
    "",
  ].join("\n");

  process.stdout.write(markdown);
  writeFileSync(new URL("./EVENT-STREAM.md", import.meta.url), markdown);
}

await main();
