/**
 * parseEventStream(...).lastEventId is the parser's "last event ID string" (WHATWG HTML §9.2.6): set
 * at every blank line that ends a block (step 1 of "dispatch the event", before the empty-data check),
 * so a block with only `id:` moves it too, while an incomplete block at the end of the stream does not.
 */
import { describe, expect, it } from 'vitest';
import { parseEventStream } from '../../templates/runtime/event-stream.js';

function body(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

describe('parseEventStream lastEventId', () => {
  it.each([
    ['no id at all', 'data: a\n\n', '', ''],
    ['the id of the last event', 'id: 1\ndata: a\n\nid: 2\ndata: b\n\n', '', '2'],
    ['an id-only block after the last event', 'id: 1\ndata: a\n\nid: 2\n\n', '', '2'],
    ['an id-only block with an event type and no data', 'id: 1\ndata: a\n\nevent: x\nid: 2\n\n', '', '2'],
    ['an id-only block before any event', 'id: 9\n\n', '', '9'],
    ['an empty id resets it', 'id: 1\ndata: a\n\nid\n\n', '', ''],
    ['an id with U+0000 is ignored', 'id: 1\ndata: a\n\nid: 2\u00003\n\n', '', '1'],
    ['an incomplete block at the end does not count', 'id: 1\ndata: a\n\nid: 2\ndata: b\n', '', '1'],
    ['the initial value is kept without any id', 'data: a\n\n', 'resume-5', 'resume-5'],
    ['an id-only block replaces the initial value', 'id: 6\n\n', 'resume-5', '6'],
  ])('%s', async (_name, text, initial, want) => {
    const events = parseEventStream(body(text), { lastEventId: initial });
    for await (const _event of events) {
      // read to the end
    }
    expect(events.lastEventId).toBe(want);
  });
});
