// What the HarmonyOS contract costs on the server in isolation (issue 14): `messageReceive` hands
// text over as a string, so every received 64-byte text message is UTF-8-decoded (a raw `ws` echo
// server sends the received Buffer back untouched), and echoing that string encodes it again (ws
// writes an unmasked string frame with Buffer.byteLength + buffer.write, a Buffer with set).
// Nanoseconds per 64-byte message, median of rounds.
//   node --expose-gc bench/node/utf8-cost.mjs [--json]
const N = 1_000_000;
const gc = globalThis.gc ?? (() => {});
const text = 'x'.repeat(64);
const buf = Buffer.from(text);
let sink = 0;

const loops = {
  none: () => { for (let i = 0; i < N; i++) sink += buf.length; },
  decode: () => { for (let i = 0; i < N; i++) sink += buf.toString().length; },
  // What ws's sender does with a string payload of a server frame, against the same with the Buffer.
  encode: () => { for (let i = 0; i < N; i++) { const b = Buffer.allocUnsafe(2 + Buffer.byteLength(text)); sink += b.write(text, 2); } },
  encodeBase: () => { for (let i = 0; i < N; i++) { const b = Buffer.allocUnsafe(2 + buf.length); b.set(buf, 2); sink += b.length; } },
};

const time = (fn) => {
  gc();
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / N;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const result = {};
const rounds = { decode: [], encode: [] };
for (let r = 0; r < 9; r++) {
  rounds.decode.push(time(loops.decode) - time(loops.none));
  rounds.encode.push(time(loops.encode) - time(loops.encodeBase));
}
result.decodeNs = median(rounds.decode.slice(2));
result.encodeNs = median(rounds.encode.slice(2));
if (sink === -1) console.log(sink);
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else console.log(`64-byte text: UTF-8 decode ${result.decodeNs.toFixed(0)} ns (Buffer → string), encode ${result.encodeNs.toFixed(0)} ns (string → Buffer, as ws.send(string) does)`);
