/**
 * Server-sent events (`text/event-stream`) parser.
 *
 * This file is copied verbatim into every generated client. It has no
 * dependencies and uses only web-platform globals (`TextDecoder`,
 * `ReadableStream`), so it runs in browsers, Node.js >= 18, Deno, Bun and
 * edge runtimes alike.
 *
 * It implements, to the letter, the parsing rules of the WHATWG HTML standard:
 *
 * - 9.2.5 "Parsing an event stream"
 *   https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream
 * - 9.2.6 "Interpreting an event stream"
 *   https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 *
 * Two layers are exported:
 *
 * - {@link EventStreamParser}: a push-based, incremental, synchronous parser.
 *   Feed it bytes as they arrive; it calls back once per dispatched event.
 * - {@link parseEventStream}: wraps a `ReadableStream<Uint8Array>` (for
 *   example `response.body`) into an `AsyncIterable` of events.
 */

/** One dispatched event, as the WHATWG "Interpreting an event stream" rules produce it. */
export interface ServerSentEvent {
  /** The event type; "message" when the stream gave none. */
  event: string;
  /** The data buffer with its final LF removed (data lines joined by LF). */
  data: string;
  /** The last event ID at dispatch time ("" when none was ever set or it was reset). */
  id: string;
  /** The reconnection time in ms, present only on the event dispatched after a valid `retry:` field was seen since the previous dispatch. */
  retry?: number;
}

export interface EventStreamParserOptions {
  /** Called for every valid `retry:` field as soon as it is parsed (even when no event is dispatched afterwards). */
  onRetry?: (ms: number) => void;
  /**
   * Initial last event ID string (the `Last-Event-ID` a reconnection was made
   * with; default ""). It also seeds the last event ID buffer.
   */
  lastEventId?: string;
}

const LF = 0x0a; // U+000A LINE FEED
const SPACE = 0x20; // U+0020 SPACE
const COLON = 0x3a; // U+003A COLON
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
const BOM = 0xfeff; // U+FEFF BYTE ORDER MARK
const LOWER_A = 0x61;
const LOWER_D = 0x64;
const LOWER_T = 0x74;

/** `decode` options of the streaming decoder (allocated once). */
const STREAM = { stream: true };

/**
 * Incremental, push-based event stream parser.
 *
 * ```ts
 * const parser = new EventStreamParser((ev) => console.log(ev.event, ev.data));
 * parser.feed(chunk1); // may call the callback zero or more times
 * parser.feed(chunk2);
 * parser.end(); // end of stream: flush, discard the incomplete event
 * ```
 *
 * Chunk boundaries may fall anywhere: inside a multi-byte UTF-8 character,
 * inside the leading byte order mark, or between the CR and LF of a CRLF.
 * The callback is invoked synchronously from {@link feed}; the parser is not
 * re-entrant (do not call `feed`/`end` from inside the callback).
 *
 * After {@link end} the parser is ready to parse a new stream (for example
 * after a reconnection): the decoder, the line buffer, the data and event type
 * buffers are reset, while {@link lastEventId} is kept (and the last event ID
 * buffer restarts from it, dropping an `id` of the discarded incomplete event).
 */
export class EventStreamParser {
  private readonly onEvent: (ev: ServerSentEvent) => void;
  private readonly onRetry: ((ms: number) => void) | undefined;

  // -- 9.2.5 Parsing: decoding and line splitting ---------------------------

  /**
   * "Event streams are always decoded as UTF-8" using the "UTF-8 decode"
   * algorithm, which replaces invalid sequences with U+FFFD and strips one
   * leading BOM. `ignoreBOM: true` keeps the BOM in the decoder's output so
   * that we strip it ourselves (see {@link atStreamStart}), consistently
   * across chunk boundaries.
   */
  private decoder: TextDecoder = createDecoder();
  /** True until the first decoded character of the stream has been seen. */
  private atStreamStart = true;
  /**
   * True when the previous decoded text ended with a CR: that CR already ended
   * a line, so an LF at the start of the next text belongs to the same CRLF
   * line ending and must be skipped.
   */
  private skipLeadingLF = false;
  /** Pieces of the current, not yet terminated, line (joined once it ends). */
  private readonly partialLine: string[] = [];

  // -- 9.2.6 Interpreting: the buffers ---------------------------------------

  /** The data buffer, without its trailing LF (see {@link hasData}). */
  private data = '';
  /**
   * Whether the spec's data buffer is non-empty. The spec appends "value + LF"
   * for each `data` field and removes the final LF at dispatch; we store the
   * lines joined by LF directly, so `data: ` (empty value) must be tracked
   * separately: it makes the spec's buffer "\n", which does dispatch.
   */
  private hasData = false;
  /** The event type buffer. */
  private eventType = '';
  /** The last event ID buffer (set by `id` fields). */
  private lastEventIdBuffer: string;
  /**
   * The event source's last event ID string: the buffer as it was at the last
   * blank line ("dispatch the event", step 1), whether or not an event was
   * actually dispatched.
   */
  private lastEventIdString: string;
  /** Reconnection time from a valid `retry` field since the previous dispatch. */
  private pendingRetry: number | undefined = undefined;

  /**
   * @param onEvent Called synchronously, once per dispatched event, in order.
   * @param options `onRetry` callback and initial `lastEventId`.
   */
  constructor(onEvent: (ev: ServerSentEvent) => void, options: EventStreamParserOptions = {}) {
    this.onEvent = onEvent;
    this.onRetry = options.onRetry;
    this.lastEventIdString = options.lastEventId ?? '';
    this.lastEventIdBuffer = this.lastEventIdString;
  }

  /**
   * The last event ID string: the value to send as `Last-Event-ID` when
   * reconnecting. It is the initial `lastEventId` option until the first blank
   * line; at every blank line it becomes the value of the last `id` field seen
   * so far ("" after an empty `id` field), even when that blank line dispatches
   * no event (for example `id: 7` followed by a blank line, without data).
   * An `id` field of an event that never gets its blank line (the stream ends
   * first) does not change it.
   */
  get lastEventId(): string {
    return this.lastEventIdString;
  }

  /** Feeds the next chunk of bytes of the stream. Empty chunks are allowed. */
  feed(chunk: Uint8Array): void {
    this.processText(this.decoder.decode(chunk, STREAM));
  }

  /**
   * Signals the end of the stream.
   *
   * Flushes the decoder (an incomplete trailing UTF-8 sequence becomes
   * U+FFFD), processes a final unterminated line as a field line, then
   * discards the pending event: "Once the end of the file is reached, any
   * pending data must be discarded. (If the file ends in the middle of an
   * event, before the final empty line, the incomplete event is not
   * dispatched.)" (9.2.6). Never dispatches.
   */
  end(): void {
    this.processText(this.decoder.decode());
    if (this.partialLine.length > 0) {
      const line = this.partialLine.join('');
      this.partialLine.length = 0;
      // Non-empty (only non-empty pieces are stored), so never a dispatch.
      this.processLine(line, 0, line.length);
    }
    // Reset for a possible next stream; the last event ID is kept.
    this.decoder = createDecoder();
    this.atStreamStart = true;
    this.skipLeadingLF = false;
    this.data = '';
    this.hasData = false;
    this.eventType = '';
    this.pendingRetry = undefined;
    // The buffer may hold the `id` of the discarded incomplete event: the next
    // stream starts from the last event ID string, as a new connection would.
    this.lastEventIdBuffer = this.lastEventIdString;
  }

  /**
   * Splits decoded text into lines (9.2.5): "a U+000D CARRIAGE RETURN U+000A
   * LINE FEED (CRLF) character pair, a single U+000A LINE FEED (LF) character
   * not preceded by a U+000D CARRIAGE RETURN (CR) character, and a single
   * U+000D CARRIAGE RETURN (CR) character not preceded or followed by a U+000A
   * LINE FEED (LF) character being the ways in which a line can end."
   */
  private processText(text: string): void {
    const length = text.length;
    if (length === 0) return;
    let pos = 0;

    // "The UTF-8 decode algorithm strips one leading UTF-8 Byte Order Mark
    // (BOM), if any." Only the very first character of the stream counts.
    if (this.atStreamStart) {
      this.atStreamStart = false;
      if (text.charCodeAt(0) === BOM) pos = 1;
    }
    // The CR of a CRLF pair ended the previous text: skip its LF.
    if (this.skipLeadingLF) {
      this.skipLeadingLF = false;
      if (pos < length && text.charCodeAt(pos) === LF) pos++;
    }

    // Nearly every stream ends its lines with LF only: such a text takes the
    // fast path. The CR scan is done once per text, not once per line.
    pos =
      text.indexOf('\r', pos) === -1
        ? this.processLFLines(text, pos)
        : this.processAnyLines(text, pos);

    if (pos < length) this.partialLine.push(pos === 0 ? text : text.slice(pos));
  }

  /**
   * The lines of a text without any CR, from `pos`: every line ends with an
   * LF. Returns the position after the last line end (the start of an
   * unterminated last line, or `text.length`).
   *
   * Same rules as {@link processLine}, with the two most common line shapes
   * inlined: the blank line, and the `data` field with a colon; a `data` line
   * that starts the data buffer and is directly followed by a blank line (a
   * one-line event, the usual shape) is dispatched without going through the
   * data buffer.
   */
  private processLFLines(text: string, pos: number): number {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) return pos;

    if (this.partialLine.length > 0) {
      // The line started in an earlier text: join all its pieces once.
      this.partialLine.push(text.slice(pos, lineEnd));
      const line = this.partialLine.join('');
      this.partialLine.length = 0;
      // Non-empty (only non-empty pieces are stored), so never a dispatch.
      this.processLine(line, 0, line.length);
      pos = lineEnd + 1;
      lineEnd = text.indexOf('\n', pos);
    }

    while (lineEnd !== -1) {
      if (lineEnd === pos) {
        // A blank line.
        this.dispatch();
      } else if (
        text.charCodeAt(pos + 4) === COLON &&
        text.charCodeAt(pos) === LOWER_D &&
        text.charCodeAt(pos + 1) === LOWER_A &&
        text.charCodeAt(pos + 2) === LOWER_T &&
        text.charCodeAt(pos + 3) === LOWER_A
      ) {
        // A `data` field (the colon is before `lineEnd`, which is an LF).
        const valueStart = text.charCodeAt(pos + 5) === SPACE ? pos + 6 : pos + 5;
        const value = text.slice(valueStart, lineEnd);
        if (!this.hasData && text.charCodeAt(lineEnd + 1) === LF) {
          // The data buffer would be exactly `value` + LF at the blank line
          // that follows: dispatch it right away.
          pos = lineEnd + 2;
          lineEnd = text.indexOf('\n', pos);
          this.fire(value);
          continue;
        }
        this.processData(value);
      } else {
        this.processLine(text, pos, lineEnd);
      }
      pos = lineEnd + 1;
      lineEnd = text.indexOf('\n', pos);
    }
    return pos;
  }

  /**
   * The lines of a text with any line endings, from `pos`. Returns the
   * position after the last line end (see {@link processLFLines}).
   */
  private processAnyLines(text: string, pos: number): number {
    const length = text.length;

    // Positions of the next LF / CR at or after `pos` (-1: none left in this
    // text). Each is searched again only once `pos` has moved past it, so a
    // text with few CRs is scanned for CR once, not once per line.
    let nextLF = text.indexOf('\n', pos);
    let nextCR = text.indexOf('\r', pos);

    for (;;) {
      if (nextLF !== -1 && nextLF < pos) nextLF = text.indexOf('\n', pos);
      if (nextCR !== -1 && nextCR < pos) nextCR = text.indexOf('\r', pos);

      let lineEnd: number;
      if (nextLF === -1) {
        if (nextCR === -1) break; // No more line ends in this text.
        lineEnd = nextCR;
      } else {
        lineEnd = nextCR === -1 || nextLF < nextCR ? nextLF : nextCR;
      }

      const lineStart = pos;
      if (lineEnd === nextCR) {
        if (lineEnd + 1 < length) {
          pos = text.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;
        } else {
          // CR at the end of this text: an LF starting the next one is part
          // of the same line ending.
          pos = length;
          this.skipLeadingLF = true;
        }
      } else {
        pos = lineEnd + 1;
      }

      if (this.partialLine.length > 0) {
        // The line started in an earlier text: join all its pieces once.
        this.partialLine.push(text.slice(lineStart, lineEnd));
        const line = this.partialLine.join('');
        this.partialLine.length = 0;
        this.processLine(line, 0, line.length);
      } else {
        this.processLine(text, lineStart, lineEnd);
      }
    }
    return pos;
  }

  /**
   * Interprets one line (9.2.6 "Interpreting an event stream"): the line is
   * `text.slice(start, end)`, passed as a range to avoid copying it.
   */
  private processLine(text: string, start: number, end: number): void {
    // "If the line is empty (a blank line): Dispatch the event."
    if (start === end) {
      this.dispatch();
      return;
    }

    // "If the line starts with a U+003A COLON character (:): Ignore the line."
    if (text.charCodeAt(start) === COLON) return;

    // "If the line contains a U+003A COLON character (:): Collect the
    // characters on the line before the first U+003A COLON character (:), and
    // let field be that string. Collect the characters on the line after the
    // first U+003A COLON character (:), and let value be that string. If value
    // starts with a U+0020 SPACE character, remove it from value."
    //
    // "Otherwise, the string is not empty but does not contain a U+003A COLON
    // character (:): Process the field using the whole line as the field
    // name, and the empty string as the field value."
    //
    // The field name ends at `fieldEnd`; the value starts at `valueStart`
    // (`end` when there is no colon, giving the empty string).
    let fieldEnd = end;
    let valueStart = end;
    for (let i = start + 1; i < end; i++) {
      if (text.charCodeAt(i) === COLON) {
        fieldEnd = i;
        valueStart = i + 1;
        if (valueStart < end && text.charCodeAt(valueStart) === SPACE) valueStart++;
        break;
      }
    }

    // "Process the field": compare the field name in place (case-sensitive).
    switch (fieldEnd - start) {
      case 4:
        if (text.startsWith('data', start)) this.processData(text.slice(valueStart, end));
        return;
      case 5:
        if (text.startsWith('event', start)) this.processEvent(text.slice(valueStart, end));
        else if (text.startsWith('retry', start)) this.processRetry(text.slice(valueStart, end));
        return;
      case 2:
        if (text.startsWith('id', start)) this.processId(text.slice(valueStart, end));
        return;
      default:
        // "Otherwise: The field is ignored."
        return;
    }
  }

  /** The "data" field. */
  private processData(value: string): void {
    // "Append the field value to the data buffer, then append a single U+000A
    // LINE FEED (LF) character to the data buffer." (Stored here without the
    // final LF, which dispatch would remove anyway.)
    if (this.hasData) {
      this.data = this.data + '\n' + value;
    } else {
      this.data = value;
      this.hasData = true;
    }
  }

  /** The "event" field. */
  private processEvent(value: string): void {
    // "Set the event type buffer to the field value."
    this.eventType = value;
  }

  /** The "id" field. */
  private processId(value: string): void {
    // "If the field value does not contain U+0000 NULL, then set the last
    // event ID buffer to the field value. Otherwise, ignore the field."
    if (value.indexOf('\u0000') === -1) this.lastEventIdBuffer = value;
  }

  /** The "retry" field. */
  private processRetry(value: string): void {
    // "If the field value consists of only ASCII digits, then interpret the
    // field value as an integer in base ten, and set the event stream's
    // reconnection time to that integer. Otherwise, ignore the field." (An
    // empty value is ignored too.)
    if (isAsciiDigits(value)) {
      const ms = parseInt(value, 10);
      this.pendingRetry = ms;
      if (this.onRetry !== undefined) this.onRetry(ms);
    }
  }

  /** "Dispatch the event" (9.2.6), at a blank line. */
  private dispatch(): void {
    // 2. "If the data buffer is an empty string, set the data buffer and the
    //    event type buffer to the empty string and return."
    if (!this.hasData) {
      // 1. (done by fire() otherwise) "Set the last event ID string of the
      //    event source to the value of the last event ID buffer."
      this.lastEventIdString = this.lastEventIdBuffer;
      this.eventType = '';
      return;
    }

    // 3. "If the data buffer's last character is a U+000A LINE FEED (LF)
    //    character, then remove the last character from the data buffer."
    //    (Never stored, see processData.)
    const data = this.data;
    // 6. (data part) "Set the data buffer [...] to the empty string."
    this.data = '';
    this.hasData = false;
    this.fire(data);
  }

  /**
   * The rest of "dispatch the event" when the data buffer is not empty:
   * `data` is that buffer without its final LF, and the data buffer has
   * already been emptied.
   */
  private fire(data: string): void {
    // 1. "Set the last event ID string of the event source to the value of
    //    the last event ID buffer. The buffer does not get reset, so the last
    //    event ID string of the event source remains set to this value until
    //    the next time it is set by the server."
    const id = this.lastEventIdBuffer;
    this.lastEventIdString = id;

    // 4.-5. Create the event; its type is "message" unless the event type
    //    buffer is non-empty; its lastEventId is the last event ID string.
    const event: ServerSentEvent = {
      event: this.eventType === '' ? 'message' : this.eventType,
      data,
      id,
    };
    if (this.pendingRetry !== undefined) {
      event.retry = this.pendingRetry;
      this.pendingRetry = undefined;
    }

    // 6. "Set the data buffer and the event type buffer to the empty string."
    this.eventType = '';

    // 7. Queue a task to fire the event.
    this.onEvent(event);
  }
}

/**
 * Parses a `text/event-stream` body into events, yielding each one as soon as
 * the blank line that terminates it has been received.
 *
 * ```ts
 * const response = await fetch(url, { headers: { Accept: "text/event-stream" } });
 * for await (const ev of parseEventStream(response.body!)) {
 *   if (ev.event === "done") break; // cancels the body
 * }
 * ```
 *
 * The reader is acquired when iteration starts. If the consumer stops early
 * (`break`, `return`, a thrown exception in the loop body), the stream is
 * cancelled and its lock released. If reading fails (network error, abort),
 * iteration rejects with that error. An incomplete last event (missing its
 * terminating blank line) is discarded, as the standard requires.
 *
 * `lastEventId` is the parser's last event ID string (9.2.6): it also moves
 * at a blank line that dispatches nothing (a block with an `id:` field and no
 * `data:`), so it is what a reconnection sends as `Last-Event-ID` (9.2.3),
 * which the `id` of the last yielded event may not be.
 */
export function parseEventStream(
  body: ReadableStream<Uint8Array>,
  options?: EventStreamParserOptions,
): AsyncIterable<ServerSentEvent> & { readonly lastEventId: string } {
  const queue: ServerSentEvent[] = [];
  const parser = new EventStreamParser((event) => {
    queue.push(event);
  }, options);
  return {
    get lastEventId(): string {
      return parser.lastEventId;
    },
    [Symbol.asyncIterator]: () => iterateEventStream(body, parser, queue),
  };
}

async function* iterateEventStream(
  body: ReadableStream<Uint8Array>,
  parser: EventStreamParser,
  queue: ServerSentEvent[],
): AsyncGenerator<ServerSentEvent, void, undefined> {
  queue.length = 0; // left over when an earlier iteration stopped early
  const reader = body.getReader();
  // True once the stream has closed or errored: nothing left to cancel.
  let settled = false;

  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (error) {
        settled = true;
        throw error;
      }
      if (result.done) {
        settled = true;
        parser.end();
      } else {
        parser.feed(result.value);
      }
      for (let i = 0; i < queue.length; i++) {
        yield queue[i];
      }
      queue.length = 0;
      if (settled) return;
    }
  } finally {
    if (!settled) {
      // The consumer stopped early: tell the producer we are not interested
      // any more (for a fetch body this aborts the download). A failure to
      // cancel must not turn a `break` into an exception.
      try {
        await reader.cancel();
      } catch {
        // Ignored.
      }
    }
    reader.releaseLock();
  }
}

function createDecoder(): TextDecoder {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
}

/** True when `value` is non-empty and only contains U+0030 (0) to U+0039 (9). */
function isAsciiDigits(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < DIGIT_ZERO || c > DIGIT_NINE) return false;
  }
  return true;
}
