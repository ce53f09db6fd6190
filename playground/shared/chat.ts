/**
 * A small chat-room client written exactly as HarmonyOS code: it imports the kits by their
 * HarmonyOS names and uses only the `@ohos.net.webSocket` API. The same file runs, unchanged,
 *   - in the playground page   (rollup maps the kit names to ohos-websocket's browser entry),
 *   - in Deno                  (playground/deno/deno.json maps them with an import map),
 *   - in Node                  (playground/node/register.mjs maps them; tsconfig `paths` types them),
 *   - and on a HarmonyOS device (where the kits are the real ones).
 *
 * Wire format, shared with playground/server.mjs: a client sends `{"from": name, "text": text}`;
 * the room relays every message to every member (the sender too) and announces
 * `{"online": count}` whenever someone joins or leaves.
 */
import { webSocket } from '@kit.NetworkKit';
import { BusinessError } from '@kit.BasicServicesKit';

/** One line said in the room. `from` is '?' for a message that is not chat JSON. */
export interface ChatLine {
  from: string;
  text: string;
}

/** What a room member hears. */
export interface ChatListener {
  onLine(line: ChatLine): void;
  onPresence(online: number): void;
  onStatus(status: string): void;
}

/** The JSON shape of every frame on the wire (both directions). */
interface ChatFrame {
  from?: string;
  text?: string;
  online?: number;
}

/**
 * One member of a chat room over one WebSocket.
 *
 * @example
 * const room = new ChatRoom('ada', { onLine: (l) => console.info(`${l.from}: ${l.text}`),
 *   onPresence: (n) => console.info(`${n} online`), onStatus: (s) => console.info(s) });
 * await room.join('ws://127.0.0.1:8082');
 * await room.say('hello');
 * await room.leave();
 */
export class ChatRoom {
  readonly name: string;
  private listener: ChatListener;
  private ws: webSocket.WebSocket = webSocket.createWebSocket();
  private opened: ((ok: boolean, err?: BusinessError) => void) | undefined = undefined;
  private closed: ((result: webSocket.CloseResult) => void) | undefined = undefined;

  constructor(name: string, listener: ChatListener) {
    this.name = name;
    this.listener = listener;
    this.ws.on('open', (err: BusinessError, value: Object) => {
      this.listener.onStatus('joined');
      this.settleJoin(true);
    });
    this.ws.on('message', (err: BusinessError, data: string | ArrayBuffer) => {
      if (typeof data === 'string') {
        this.hear(data);
      } else {
        this.listener.onLine({ from: '?', text: `<${data.byteLength} bytes of binary>` });
      }
    });
    this.ws.on('close', (err: BusinessError, result: webSocket.CloseResult) => {
      this.listener.onStatus(`left (${result.code} ${result.reason})`);
      const done = this.closed;
      this.closed = undefined;
      if (done !== undefined) {
        done(result);
      }
    });
    this.ws.on('error', (err: BusinessError) => {
      this.listener.onStatus(`error ${err.code}: ${err.message}`);
      // A failed connect ends with `error` and no `close` (SPEC §2.3): settle whoever waits.
      this.settleJoin(false, err);
      const done = this.closed;
      this.closed = undefined;
      if (done !== undefined) {
        done({ code: 0, reason: err.message });
      }
    });
  }

  /** Connects and resolves once the room's handshake is done; rejects with the BusinessError. */
  join(url: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.opened = (ok: boolean, err?: BusinessError) => {
        if (ok) {
          resolve();
        } else {
          reject(err);
        }
      };
      // connect() succeeds as soon as the attempt has started; `open` or `error` tells the outcome.
      this.ws.connect(url, (err: BusinessError, value: boolean) => {
        if (err) {
          this.settleJoin(false, err);
        }
      });
    });
  }

  /** Says `text` to the room. */
  say(text: string): Promise<boolean> {
    const frame: ChatFrame = { from: this.name, text: text };
    return this.ws.send(JSON.stringify(frame));
  }

  /** Leaves the room and resolves with the close result once the socket has closed. */
  leave(): Promise<webSocket.CloseResult> {
    return new Promise<webSocket.CloseResult>((resolve, reject) => {
      this.closed = resolve;
      this.ws.close({ code: 1000, reason: `${this.name} left` }, (err: BusinessError) => {
        if (err) {
          this.closed = undefined;
          reject(err);
        }
      });
    });
  }

  private settleJoin(ok: boolean, err?: BusinessError): void {
    const done = this.opened;
    this.opened = undefined;
    if (done !== undefined) {
      done(ok, err);
    }
  }

  private hear(raw: string): void {
    let frame: ChatFrame | undefined = undefined;
    try {
      frame = JSON.parse(raw) as ChatFrame;
    } catch (e) {
      frame = undefined;
    }
    if (frame !== undefined && frame !== null && typeof frame.online === 'number') {
      this.listener.onPresence(frame.online);
    } else if (frame !== undefined && frame !== null && typeof frame.text === 'string') {
      this.listener.onLine({ from: typeof frame.from === 'string' ? frame.from : '?', text: frame.text });
    } else {
      this.listener.onLine({ from: '?', text: raw });
    }
  }
}

/** A scripted visit, used by the Deno and Node scripts (and the tests) to show the module at work. */
export interface VisitPlan {
  url: string;
  name: string;
  /** Wait until this many members are online before saying anything (default 1: just us). */
  waitForOnline?: number;
  /** What to say once enough members are online (nothing when absent). */
  say?: string;
  /** Leave once a line from this member has been heard (default: our own `say` echoed back). */
  until?: string;
}

/**
 * Joins, waits for company, says one thing, listens until the expected line, leaves.
 * Resolves with the transcript; `print` sees every line as it happens.
 */
export function visit(plan: VisitPlan, print: (line: string) => void): Promise<string[]> {
  const transcript: string[] = [];
  const log = (line: string): void => {
    transcript.push(line);
    print(line);
  };
  const waitFor = plan.waitForOnline !== undefined ? plan.waitForOnline : 1;
  const until = plan.until !== undefined ? plan.until : plan.name;
  return new Promise<string[]>((resolve, reject) => {
    let said = false;
    let leaving = false;
    const leave = (): void => {
      if (leaving) {
        return;
      }
      leaving = true;
      room.leave().then(() => resolve(transcript), reject);
    };
    const room = new ChatRoom(plan.name, {
      onLine: (line: ChatLine) => {
        log(`${line.from}: ${line.text}`);
        if (line.from === until) {
          leave();
        }
      },
      onPresence: (online: number) => {
        log(`* ${online} online`);
        if (!said && plan.say !== undefined && online >= waitFor) {
          said = true;
          room.say(plan.say).catch(reject);
        }
      },
      onStatus: (status: string) => log(`* ${status}`),
    });
    room.join(plan.url).catch(reject);
  });
}
