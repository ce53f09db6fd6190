// Finds Chromium for the browser tests, or installs Debian's `chromium` with apt when running as
// root; otherwise says exactly what to do. Downloading a browser build (playwright install) does
// not work on these machines, so we never try it.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * Flags for a quiet, reproducible headless Chromium (playwright-core adds a fresh user data dir).
 * No QUIC and no background networking: every socket the tests open goes to loopback.
 */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** What to do when no Chromium is found (printed by `npm test` and by the browser tests). */
export const CHROMIUM_HELP =
  'Chromium is needed for the browser tests and was not found.\n' +
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium\n' +
  '  or point CHROMIUM_PATH at a Chromium/Chrome binary:  CHROMIUM_PATH=/path/to/chrome npm test';

/** Why `path` cannot be run as a browser, or `undefined` when it can. */
function unusable(path) {
  try {
    if (!statSync(path).isFile()) return 'is not a file';
    accessSync(path, constants.X_OK);
    return undefined;
  } catch (err) {
    return err.code === 'ENOENT' ? 'does not exist' : 'is not executable';
  }
}

/**
 * The Chromium binary to use: `CHROMIUM_PATH` when set, else the usual install paths. A
 * `CHROMIUM_PATH` that names no executable file is a mistake to report, never a reason to fall back
 * to another browser (or to skip the browser tests): this throws.
 */
export function findChromium() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    const why = unusable(chosen);
    if (why) throw new Error(`CHROMIUM_PATH=${chosen} ${why}: point it at a Chromium/Chrome binary, or unset it to use ${CANDIDATES[0]}`);
    return chosen;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/** `findChromium()`, installing Debian's package first when running as root; exits with help otherwise. */
export function ensureChromium() {
  let found;
  try {
    found = findChromium();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.log('Chromium not found: installing Debian package "chromium" with apt-get …');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    const after = findChromium();
    if (after) return after;
  }
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
