// Starts test/helpers/deno-peer.ts with the `deno` npm package and resolves with its URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const DENO = fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url));
const SCRIPT = fileURLToPath(new URL('./deno-peer.ts', import.meta.url));

/** What deno-peer.ts cannot do of the echo-peer features (see its header). */
export const DENO_PEER = Object.freeze({ name: 'the Deno peer', lacks: Object.freeze(['drop']) });

/** @returns {Promise<{url: string, port: number, close(): Promise<void>}>} */
export function startDenoPeer() {
  const child = spawn(DENO, ['run', '--quiet', '--no-prompt', '--allow-net=127.0.0.1', SCRIPT], {
    // stderr is kept, not inherited: Deno's own diagnostics (a Rust backtrace when RUST_BACKTRACE is
    // set) would land in the middle of the test report; they are shown when the peer fails to start.
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => (stderr = (stderr + s).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    child.once('error', reject);
    exited.then((code) => reject(new Error(`the Deno peer exited early (${code}):\n${stderr}`)));
    lines.once('line', (line) => {
      const port = Number(line);
      resolve({
        url: `ws://127.0.0.1:${port}`,
        port,
        close: async () => {
          child.stdin.end(); // the peer shuts down when its stdin closes
          const timer = setTimeout(() => child.kill(), 5000);
          await exited;
          clearTimeout(timer);
          lines.close();
        },
      });
    });
  });
}
