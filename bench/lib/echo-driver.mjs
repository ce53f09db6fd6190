// The echo loop shared by every client scenario (Node, Deno and the Chromium page load this same
// file), so raw and package sides run identical driver code and differ only in the socket they use.
//
// A "side" is `{ send(payload), onmessage }`: the adapter for each socket calls `side.onmessage()`
// once per received message. The driver keeps `inflight` messages outstanding until `count` echoes
// have come back.

/**
 * Sends `count` messages, at most `inflight` unanswered at a time; resolves when all `count` echoes
 * arrived. `payload` is one value, or a list sent in turn (`[text, binary]`: a mixed workload).
 */
export function echoSlice(side, count, inflight, payload) {
  const list = Array.isArray(payload) ? payload : [payload];
  const n = list.length;
  return new Promise((resolve) => {
    let sent = 0;
    let received = 0;
    side.onmessage = () => {
      received++;
      if (sent < count) {
        side.send(list[sent++ % n]);
      } else if (received === count) {
        side.onmessage = null;
        resolve();
      }
    };
    const first = Math.min(inflight, count);
    while (sent < first) side.send(list[sent++ % n]);
  });
}

/**
 * The alternation plan of one process: warm-up slices (discarded), then `pairs` pairs whose order
 * flips every pair (A B, B A, A B, …) so a slow drift of the machine hits both sides equally.
 */
export function plan(pairs) {
  const order = [];
  for (let i = 0; i < pairs; i++) order.push(i % 2 === 0 ? ['a', 'b'] : ['b', 'a']);
  return order;
}
