// A complete transport, client and server, over an in-process channel (no sockets): proof that
// the contract of src/transport.ts is small. It only moves messages and reports facts; the core
// decides everything else (subprotocols, admission, refusal while stopping, close codes, events).
import { CAN_DO_NOTHING, ListenError, NO_CLOSE_FRAME, serverCore } from 'ohos-websocket';

const listening = new Map(); // port → ServerHandlers
let lastPort = 40000;
let lastClientPort = 50000;

/** Copies a binary message, as a wire would: the receiver never shares the sender's buffer. */
const copy = (data) => (typeof data === 'string' ? data : data.slice(0));
/** Runs `fn` later, as a wire delivers: never inside the caller's call. */
const later = (fn) => setTimeout(fn, 0);

/** Two connected ends; each side's `events` learn what the other does, once it is set. */
function pair() {
  let ended = false;
  const ends = { client: undefined, server: undefined }; // the events of each side
  const end = (code, reason, detail) => {
    if (ended) return;
    ended = true;
    later(() => {
      ends.client?.closed(code, reason, detail);
      ends.server?.closed(code, reason, detail);
    });
  };
  const side = (peer) => ({
    send: (data) => void (!ended && later(() => !ended && ends[peer]?.message(copy(data)))),
    close: (code, reason) => end(code, reason), // the peer receives it, its echo ends both sides
    terminate: () => end(NO_CLOSE_FRAME, '', 'terminated'),
  });
  return { ends, ended: () => ended, client: side('server'), server: side('client') };
}

export const channelTransport = {
  capabilities: Object.freeze({ ...CAN_DO_NOTHING, name: 'channel', server: true, closeCodes: 'any' }),
  serverCore,

  connect(request, events) {
    const { ends, ended, client, server } = pair();
    later(() => {
      if (ended()) return events.fail(0, 'aborted'); // terminate() while connecting
      const handlers = listening.get(Number(new URL(request.url).port));
      if (!handlers) return events.fail(0, 'connection refused');
      const decision = handlers.admit({ ip: '127.0.0.1', port: ++lastClientPort, protocols: request.protocols });
      if (!decision.accept) return events.fail(decision.status, decision.reason);
      ends.server = decision.accepted(server);
      ends.client = events;
      events.open({ status: 101, protocol: decision.protocol ?? '' });
    });
    return client;
  },

  async listen(request, handlers) {
    const port = request.port || ++lastPort;
    if (listening.has(port)) throw new ListenError('address-in-use', `port ${port} is in use`);
    listening.set(port, handlers);
    return { port, stop: async () => void listening.delete(port) };
  },
};

/** A port nothing listens on. */
export const refusedChannelPort = () => ++lastPort;
