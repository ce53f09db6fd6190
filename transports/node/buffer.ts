/** Byte helpers shared by the Node client and server sockets. */

/** Exact bytes of a received binary message, as an ArrayBuffer that is not a view onto more. */
export function exactArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength
    ? (buf.buffer as ArrayBuffer)
    : (buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
}
