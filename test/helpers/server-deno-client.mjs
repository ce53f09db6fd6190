// Deno's native WebSocket client, driven by test/node/server-deno.test.mjs against our Node server:
//   deno run --allow-net=127.0.0.1 server-deno-client.mjs <url> echo [protocol]
//     → sends a text and a binary message, waits for both echoes, closes with 4000 "deno bye"
//   deno run --allow-net=127.0.0.1 server-deno-client.mjs <url> wait
//     → sends "ready" and waits for the server to close the connection
// Prints one JSON line: what Deno saw.
const [url, mode, protocol] = Deno.args;
const ws = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
ws.binaryType = 'arraybuffer';
const echoes = [];
const closed = new Promise((resolve) => ws.onclose = (e) => resolve({ code: e.code, reason: e.reason, wasClean: e.wasClean }));
ws.onerror = () => {};
await new Promise((resolve, reject) => { ws.onopen = resolve; ws.addEventListener('error', reject, { once: true }); })
  .catch(async () => { console.log(JSON.stringify({ failed: true, close: await closed })); Deno.exit(0); });
if (mode === 'echo') {
  const both = new Promise((resolve) => ws.onmessage = (e) => {
    echoes.push(typeof e.data === 'string' ? e.data : [...new Uint8Array(e.data)]);
    if (echoes.length === 2) resolve();
  });
  ws.send('from deno 😀');
  ws.send(new Uint8Array([1, 2, 3, 255]));
  await both;
  ws.close(4000, 'deno bye');
} else {
  ws.send('ready');
}
console.log(JSON.stringify({ protocol: ws.protocol, echoes, close: await closed }));
