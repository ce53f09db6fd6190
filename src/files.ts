/**
 * The 2302002 check (docs/behaviour.md#connect), written once for the client and the server: which
 * of the files a request names does not exist, asked of the transport before any socket is opened.
 * Only transports that read files need it, so they deliver the client's step (`filesCore`, as a
 * listening transport delivers `serverCore`): builds without file access carry none of it.
 */
import { checkCapabilities } from './capabilities.js';
import type { ClientWebSocket, Session } from './client.js';
import { businessError, ErrorCode } from './errors.js';
import type { Transport } from './transport.js';
import type { Normalised } from './validate.js';

/**
 * Index of the first of `paths` that is not a file, or -1. An empty path is never a file; a
 * transport's `fileExists` that throws or rejects counts as "no such file", never as a hang.
 * Transports without `fileExists` cannot read files, so nothing counts as missing there.
 */
export function firstMissingFile(transport: Transport, paths: readonly string[]): Promise<number> {
  const exists = transport.fileExists;
  if (!exists || paths.length === 0) return Promise.resolve(-1);
  const check = (path: string) =>
    path === '' ? false : new Promise<boolean>((resolve) => resolve(exists.call(transport, path))).catch(() => false);
  return Promise.all(paths.map(check)).then((found) => found.indexOf(false));
}

/**
 * The client's `connect()` for a request that names files, once its argument checks passed: the
 * session is reserved (a second `connect()` meanwhile gets 2302003), the files are checked
 * (2302002), then the capabilities (801), and the attempt starts — unless `close()` came meanwhile:
 * it resolved `true`, so its `close` event follows whatever the checks say.
 */
export function connectWithFiles(ws: ClientWebSocket, session: Session, normalised: Normalised): Promise<boolean> {
  ws.session = session;
  return firstMissingFile(ws.transport, normalised.files).then((gone) => {
    const missing = normalised.files[gone];
    const e = missing !== undefined
      ? businessError(ErrorCode.CERT_FILE_NOT_FOUND, `no file at "${missing}"`)
      : checkCapabilities(normalised, ws.transport);
    if (ws.session !== session) throw e ?? businessError(ErrorCode.UNKNOWN, 'the attempt was superseded');
    const local = session.localClose;
    if (local || e) ws.session = undefined;
    if (local) queueMicrotask(() => ws.events.fire('close', undefined, local));
    if (e) throw e;
    if (!local) session.start();
    return true;
  });
}

/** The client's certificate-file step, as `Transport.filesCore` carries it. */
export type FilesCore = typeof connectWithFiles;

/**
 * The core's certificate-file step, for a transport that reads files to deliver as its
 * `filesCore` (beside its `fileExists`).
 *
 * @example
 * const myTransport = { capabilities: { ...CAN_DO_NOTHING, name: 'mine', caPath: true }, fileExists, filesCore, connect };
 */
export const filesCore: FilesCore = connectWithFiles;
