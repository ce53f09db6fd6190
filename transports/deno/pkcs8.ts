/**
 * Decrypts an encrypted PKCS#8 private key (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, PBES2 with
 * PBKDF2 and AES-CBC: what `openssl pkcs8 -topk8 -v2 aes-256-cbc` and current OpenSSL defaults
 * write) with WebCrypto, because Deno's `createHttpClient` only takes unencrypted keys. Other
 * encrypted formats (the legacy `Proc-Type: 4,ENCRYPTED` PEM needs MD5, which WebCrypto lacks) are
 * refused with an error that says how to convert the key.
 */

/** One DER element: its tag and where its content lies. */
interface Der {
  tag: number;
  start: number;
  end: number;
}

/** Reads the DER element at `offset` of `buf`. */
function element(buf: Uint8Array, offset: number): Der {
  const tag = buf[offset];
  let length = buf[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count < 1 || count > 3) throw new Error('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = (length << 8) | buf[start + i];
    start += count;
  }
  const end = start + length;
  if (tag === undefined || end > buf.length) throw new Error('truncated DER');
  return { tag, start, end };
}

/** The child elements of a constructed element. */
function children(buf: Uint8Array, parent: Der): Der[] {
  const out: Der[] = [];
  for (let at = parent.start; at < parent.end; at = out[out.length - 1].end) out.push(element(buf, at));
  return out;
}

const hex = (buf: Uint8Array, e: Der) => [...buf.subarray(e.start, e.end)].map((b) => b.toString(16).padStart(2, '0')).join('');
const bytes = (buf: Uint8Array, e: Der) => buf.slice(e.start, e.end);
const integer = (buf: Uint8Array, e: Der) => buf.subarray(e.start, e.end).reduce((n, b) => n * 256 + b, 0);

const PBES2 = '2a864886f70d01050d';
const PBKDF2 = '2a864886f70d01050c';
const PRF: Record<string, string> = {
  '2a864886f70d0207': 'SHA-1',
  '2a864886f70d0209': 'SHA-256',
  '2a864886f70d020a': 'SHA-384',
  '2a864886f70d020b': 'SHA-512',
};
/** AES-CBC key lengths in bytes by OID. */
const AES_CBC: Record<string, number> = {
  '608648016503040102': 16,
  '608648016503040116': 24,
  '60864801650304012a': 32,
};

const UNSUPPORTED =
  'this encrypted key format cannot be decrypted on Deno; convert it to PKCS#8 with ' +
  '`openssl pkcs8 -topk8 -v2 aes-256-cbc -in key.pem -out key-pkcs8.pem`, or decrypt it';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
function toPem(der: Uint8Array, label: string): string {
  let b64 = '';
  for (let i = 0; i < der.length; i += 0x8000) b64 += String.fromCharCode(...der.subarray(i, i + 0x8000));
  b64 = btoa(b64);
  return `-----BEGIN ${label}-----\n${b64.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
}

/** Whether a PEM key needs a password. */
export const isEncryptedKey = (pem: string): boolean =>
  pem.includes('-----BEGIN ENCRYPTED PRIVATE KEY-----') || /Proc-Type:\s*4,ENCRYPTED/.test(pem);

/**
 * Returns `pem` decrypted with `password` as an unencrypted PKCS#8 PEM. A key that is not
 * encrypted is returned unchanged (as Node does with a needless passphrase). Rejects on a wrong
 * password or an unsupported format.
 */
export async function decryptKey(pem: string, password: string): Promise<string> {
  if (!isEncryptedKey(pem)) return pem;
  const m = /-----BEGIN ENCRYPTED PRIVATE KEY-----([\s\S]*?)-----END ENCRYPTED PRIVATE KEY-----/.exec(pem);
  if (!m) throw new Error(UNSUPPORTED);
  const der = fromBase64(m[1].replace(/\s+/g, ''));
  // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }
  const [algorithm, encrypted] = children(der, element(der, 0));
  const [oid, params] = children(der, algorithm);
  if (hex(der, oid) !== PBES2) throw new Error(UNSUPPORTED);
  const [kdf, scheme] = children(der, params);
  const [kdfOid, kdfParams] = children(der, kdf);
  if (hex(der, kdfOid) !== PBKDF2) throw new Error(UNSUPPORTED);
  const [salt, iterations, ...rest] = children(der, kdfParams);
  const prf = rest.find((e) => e.tag === 0x30);
  const hash = prf ? PRF[hex(der, children(der, prf)[0])] : 'SHA-1';
  const [cipherOid, iv] = children(der, scheme);
  const keyLength = AES_CBC[hex(der, cipherOid)];
  if (!hash || !keyLength) throw new Error(UNSUPPORTED);

  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', salt: bytes(der, salt), iterations: integer(der, iterations), hash },
    base,
    keyLength * 8,
  );
  const key = await subtle.importKey('raw', bits, 'AES-CBC', false, ['decrypt']);
  let plain: ArrayBuffer;
  try {
    plain = await subtle.decrypt({ name: 'AES-CBC', iv: bytes(der, iv) }, key, bytes(der, encrypted));
  } catch {
    throw new Error('clientCert.keyPassword does not decrypt clientCert.keyPath (wrong password?)');
  }
  return toPem(new Uint8Array(plain), 'PRIVATE KEY');
}
