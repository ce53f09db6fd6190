/** Byte helpers shared by the Node client and server sockets. */

/**
 * Exact bytes of a received binary message, as an ArrayBuffer that is not a view onto more.
 * Small messages arrive as views into ws's socket chunk, so they are copied: a new ArrayBuffer
 * filled with `set` costs about a third less than `ArrayBuffer.prototype.slice` (bench/node/profile.mjs,
 * 64-byte binary echo), and the copy stops a 64-byte message from pinning a 64 KiB chunk.
 */
export function exactArrayBuffer(buf: Buffer): ArrayBuffer {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf.buffer as ArrayBuffer;
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return copy;
}
