// A recorder for a reconnecting WebSocket's events (the reconnect tests drive it against
// startScriptedServer in test/helpers/raw-peers.mjs).

const PAYLOAD = {
  open: (err, v) => v,
  openInfo: (err, v) => v,
  message: (err, v) => v,
  close: (err, v) => v,
  error: (e) => e,
  dataEnd: () => undefined,
  headerReceive: (h) => h,
  reconnecting: (info) => info,
  giveUp: (info) => info,
};

/** Records every event of `ws` as [type, payload]; `log.types()` lists the types in order. */
export function recordAll(ws, types = Object.keys(PAYLOAD)) {
  const log = [];
  for (const type of types) ws.on(type, (...args) => log.push([type, PAYLOAD[type](...args)]));
  log.types = () => log.map(([t]) => t);
  log.of = (type) => log.filter(([t]) => t === type).map(([, p]) => p);
  return log;
}
