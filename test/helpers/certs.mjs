// Certificates generated at test time with openssl into a fresh temp dir: a CA, server
// certificates (one for 127.0.0.1/localhost, one for another name), a client certificate, and an
// encrypted copy of the client key. EC keys keep generation fast.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const openssl = (dir, ...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });

function leaf(dir, name, subject, ext) {
  openssl(dir, 'ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${name}.key`);
  openssl(dir, 'req', '-new', '-key', `${name}.key`, '-subj', subject, '-out', `${name}.csr`);
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-days', '2', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.pem`);
}

/**
 * @returns {{dir: string, path(name: string): string, read(name: string): Buffer, cleanup(): void}}
 * Files: ca.pem, server.pem/.key (127.0.0.1, ::1, localhost), other.pem/.key (other.test),
 * client.pem/.key, client-enc.key (password "s3cret"), other-ca.pem (an unrelated CA).
 */
export function makeCerts() {
  const dir = mkdtempSync(join(tmpdir(), 'ohos-ws-certs-'));
  openssl(dir, 'ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key');
  openssl(dir, 'req', '-x509', '-new', '-key', 'ca.key', '-subj', '/CN=ohos-websocket test CA', '-days', '2', '-out', 'ca.pem');
  openssl(dir, 'ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'other-ca.key');
  openssl(dir, 'req', '-x509', '-new', '-key', 'other-ca.key', '-subj', '/CN=unrelated CA', '-days', '2', '-out', 'other-ca.pem');
  const serverExt = (san) => `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=${san}\n`;
  leaf(dir, 'server', '/CN=127.0.0.1', serverExt('IP:127.0.0.1,IP:::1,DNS:localhost'));
  leaf(dir, 'other', '/CN=other.test', serverExt('DNS:other.test'));
  leaf(dir, 'client', '/CN=test client', 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n');
  openssl(dir, 'pkcs8', '-topk8', '-in', 'client.key', '-v2', 'aes-256-cbc', '-passout', 'pass:s3cret', '-out', 'client-enc.key');
  return {
    dir,
    path: (name) => join(dir, name),
    read: (name) => readFileSync(join(dir, name)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
