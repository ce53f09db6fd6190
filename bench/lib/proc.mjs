// Child processes of the benchmark: every measured side runs in a fresh process, talks to the
// parent over IPC (one JSON message per event), and ends when the parent disconnects.
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (rel) => fileURLToPath(new URL(rel, import.meta.url));

/**
 * A forked Node child as a mailbox: `next()` resolves with the next message it sends;
 * `stop()` disconnects (the child then closes everything and exits) and waits for the exit.
 */
export function child(script, args = [], execArgv = []) {
  const proc = fork(here(script), args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return mailbox(proc);
}

function mailbox(proc) {
  const inbox = [];
  const waiting = [];
  let exited = false;
  const deliver = (m) => (waiting.length ? waiting.shift().resolve(m) : inbox.push(m));
  proc.on('message', deliver);
  const onExit = (code) => {
    exited = true;
    for (const w of waiting.splice(0)) w.reject(new Error(`child exited (${code}) before answering`));
  };
  proc.on('exit', onExit);
  const exit = new Promise((resolve) => proc.on('exit', resolve));
  return {
    proc,
    send: (m) => proc.send(m),
    next: () => (inbox.length ? Promise.resolve(inbox.shift()) : exited ? Promise.reject(new Error('child exited')) : new Promise((resolve, reject) => waiting.push({ resolve, reject }))),
    /** Sends a command and waits for its answer. */
    async ask(m) {
      proc.send(m);
      const answer = await this.next();
      if (answer?.error) throw new Error(answer.error);
      return answer;
    },
    async stop() {
      if (!exited && proc.connected) proc.disconnect();
      const timer = setTimeout(() => proc.kill(), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/** Starts the shared `ws` echo server process; resolves with `{ port, stop() }`. */
export async function echoServer() {
  const c = child('../peers/echo-server.mjs');
  const { port } = await c.next();
  return { port, url: `ws://127.0.0.1:${port}`, stop: () => c.stop() };
}

/**
 * Runs a non-Node child (Deno) that prints one JSON result line per slice on stdout and a final
 * `{"done":true}`; resolves with the parsed lines.
 */
export function runJsonLines(cmd, args, env = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('error', reject);
    p.on('exit', (code) => {
      const lines = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
      if (code !== 0) reject(new Error(`${cmd} exited with ${code}: ${out.slice(-500)}`));
      else resolve(lines);
    });
  });
}
