// Starts `playground/server.mjs` the way `npm start` does (without the rebuild: the suite builds
// first) on free ports, and stops it with a signal — callers check the stop: a clean exit, code 0.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @returns {Promise<{url: string, config: {echo: string, chat: string}, output: () => string, stop(signal?: string): Promise<{code: number|null, signal: string|null}>}>}
 */
export async function startPlayground() {
  const child = spawn(process.execPath, ['playground/server.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s) => (out += s));
  const exited = once(child, 'exit');
  const url = await new Promise((resolve, reject) => {
    const onData = (s) => {
      out += s;
      const m = /playground: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        child.stdout.off('data', onData);
        child.stdout.on('data', (more) => (out += more));
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    exited.then(([code]) => reject(new Error(`playground server exited (${code}) before printing its URL:\n${out}`)));
  });
  const config = await (await fetch(new URL('/config.json', url))).json();
  return {
    url,
    config,
    output: () => out,
    /** Sends `signal` (SIGTERM or SIGINT, i.e. Ctrl+C) and resolves with how the process ended. */
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const [code, endedBy] = await exited;
      return { code, signal: endedBy };
    },
  };
}
