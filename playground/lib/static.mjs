// The playground's plain HTTP side: the page (playground/web), the package's built files (/dist),
// the shared module's source (/shared, shown on the page) and two generated answers: /config.json
// (where the WebSocket servers listen) and /build/chat.js (the shared module, bundled in memory).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mounts = [
  ['/dist/', join(root, 'dist')],
  ['/shared/', join(root, 'playground/shared')],
  ['/', join(root, 'playground/web')],
];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Maps a URL path to a file under one of the mounts, or `undefined` when it would escape it. */
function fileFor(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  for (const [prefix, dir] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rest));
    return file === dir || file.startsWith(dir + sep) ? file : undefined;
  }
  return undefined;
}

/**
 * Creates (does not start) the HTTP server.
 * @param {{ config: () => object, generated: Promise<Map<string, {type: string, body: string}>> }} sources
 */
export function createStaticServer({ config, generated }) {
  return createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'method not allowed\n');
    const { pathname } = new URL(req.url ?? '/', 'http://playground');
    if (pathname === '/config.json') return send(200, types['.json'], JSON.stringify(config()));
    const made = pathname.startsWith('/build/') ? (await generated).get(pathname) : undefined;
    if (made) return send(200, made.type, made.body);
    const file = fileFor(pathname);
    if (!file) return send(404, 'text/plain', 'not found\n');
    try {
      if (!(await stat(file)).isFile()) return send(404, 'text/plain', 'not found\n');
      send(200, types[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      const hint = pathname.startsWith('/dist/') ? 'not found (run `npm run build` first)\n' : 'not found\n';
      send(404, 'text/plain', hint);
    }
  });
}

/** Listens on 127.0.0.1:`port`; with `fallback`, a taken port is replaced by a free one. */
export function listen(server, port, fallback) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      if (err.code === 'EADDRINUSE' && fallback && port !== 0) {
        server.listen(0, '127.0.0.1');
        return;
      }
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve(server.address().port);
    };
    server.on('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}
