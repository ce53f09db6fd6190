/**
 * The 2302002 check, written once for the client and the server: which of the files a request
 * names does not exist, asked of the transport before any socket is opened.
 */
import type { Transport } from './transport.js';

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
