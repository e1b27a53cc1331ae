// The page side of the browser test: plain JavaScript served as a module next to the generated
// client (compiled to .js, imported as it is, no bundler). Each scenario returns plain data the
// test inspects; the server checks the connection side.
import { Configuration, EventsApi } from '/client/index.js';

const api = new EventsApi(new Configuration({ basePath: location.origin }));

/** Reads a stream whose server writes the next event only after the page acknowledged the previous one. */
async function incremental() {
  const started = performance.now();
  const events = [];
  for await (const ev of api.watchTicker({ symbol: 'ACK' })) {
    events.push({ id: ev.id, price: ev.data.price, atMs: performance.now() - started });
    await fetch(`/ack/${ev.id}`, { method: 'POST' });
  }
  return { events, userAgent: navigator.userAgent };
}

/** Aborts options.signal while a read is pending (after the first event); reports how the loop ended. */
async function abortPendingRead() {
  const controller = new AbortController();
  const ids = [];
  let abortedAt = 0;
  try {
    for await (const ev of api.watchTicker({ symbol: 'HOLD' }, { signal: controller.signal })) {
      ids.push(ev.id);
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 50);
    }
    return { ids, outcome: 'ended' };
  } catch (error) {
    return { ids, outcome: error instanceof Error ? error.name : String(error), rejectedAfterMs: performance.now() - abortedAt };
  }
}

/** Breaks out of for await after the first event. */
async function breakAfterFirst() {
  const ids = [];
  for await (const ev of api.watchTicker({ symbol: 'HOLD' })) {
    ids.push(ev.id);
    break;
  }
  return { ids };
}

window.oasgenTests = { incremental, abortPendingRead, breakAfterFirst };
window.oasgenReady = true;
