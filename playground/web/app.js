// The playground page: drives one HarmonyOS-style client (the global `webSocket` from the
// script-tag build) and logs every call and every event with its payload and a timestamp.
const $ = (id) => document.getElementById(id);

/* ------------------------------------------ log ------------------------------------------ */

const logList = $('log');
const stamp = () => {
  const d = new Date();
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
};

/** Appends one row: `kind` is an event name, `call` (a method's result) or `note`. */
function log(kind, name, payload, tone = '') {
  const row = document.createElement('li');
  row.className = `ev ev-${kind} ${tone}`;
  row.dataset.event = name;
  const time = document.createElement('time');
  time.textContent = stamp();
  const label = document.createElement('span');
  label.className = 'name';
  label.textContent = name;
  const body = document.createElement('span');
  body.className = 'payload';
  body.textContent = payload;
  row.append(time, label, body);
  const atBottom = logList.scrollHeight - logList.scrollTop - logList.clientHeight < 40;
  logList.append(row);
  if (atBottom) logList.scrollTop = logList.scrollHeight;
  return row;
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
const show = (data) =>
  typeof data === 'string'
    ? JSON.stringify(data)
    : `ArrayBuffer(${data.byteLength}) ${hex(data.byteLength > 64 ? data.slice(0, 64) : data)}${data.byteLength > 64 ? ' …' : ''}`;
// `cause` (not enumerable) says what was wrong and how to fix it (README "Errors").
const showError = (err) =>
  `BusinessError ${err?.code}: ${err?.message}${err?.data !== undefined ? ` (data: ${JSON.stringify(err.data)})` : ''}` +
  `${err?.cause ? ` — ${err.cause}` : ''}`;

/** Runs a promise-form call and logs `call → value` or `call → BusinessError …`. */
async function call(label, promise, note) {
  try {
    const value = await promise;
    log('call', label, `→ ${JSON.stringify(value)}`);
    if (note) setNote(note, '');
  } catch (err) {
    log('call', label, `→ ${showError(err)}`, 'bad');
    if (note) setNote(note, showError(err), 'bad');
  }
}

function setNote(el, text, tone = '') {
  el.textContent = text;
  el.className = `note ${tone}`;
}

/* ------------------------------------- the client ------------------------------------- */

if (!globalThis.webSocket) {
  log('note', 'load', 'The script-tag build did not load: run `npm run build`, then reload.', 'bad');
  throw new Error('global webSocket missing');
}

/** The session state as the events tell it (the API itself has no state getter). */
function setState(state) {
  $('state').textContent = state;
  $('state').dataset.state = state;
}

const ws = webSocket.createWebSocket();
ws.on('headerReceive', (headers) => log('event', 'headerReceive', JSON.stringify(headers)));
ws.on('open', (err, value) => {
  setState('open');
  log('event', 'open', JSON.stringify(value), 'good');
});
ws.on('openInfo', (err, info) => log('event', 'openInfo', JSON.stringify(info)));
ws.on('message', (err, data) => log('event', 'message', show(data)));
ws.on('dataEnd', () => log('event', 'dataEnd', ''));
ws.on('close', (err, result) => {
  setState('closed');
  log('event', 'close', JSON.stringify(result), 'warn');
});
ws.on('error', (err) => {
  // An error before `open` ends the attempt; after `open` a `close` follows and sets the state.
  if ($('state').dataset.state === 'connecting') setState('failed');
  log('event', 'error', showError(err), 'bad');
});

/* -------------------------------------- controls -------------------------------------- */

function readOptions() {
  const raw = $('options').value.trim() || '{}';
  let options;
  try {
    options = JSON.parse(raw);
  } catch (err) {
    throw new Error(`options are not valid JSON: ${err.message}`);
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) throw new Error('options must be a JSON object');
  const protocol = $('protocol').value.trim();
  if (protocol) options.protocol = protocol;
  return options;
}

$('connect').addEventListener('click', () => {
  let options;
  try {
    options = readOptions();
  } catch (err) {
    return setNote($('connect-note'), err.message, 'bad');
  }
  const url = $('url').value.trim();
  const shown = Object.keys(options).length ? `, ${JSON.stringify(options)}` : '';
  const attempt = ws.connect(url, options);
  // connect() succeeds once the attempt has started; `open` or `error` tells how it ended.
  attempt.then(() => $('state').dataset.state !== 'open' && setState('connecting'), () => {});
  call(`connect(${JSON.stringify(url)}${shown})`, attempt, $('connect-note'));
});

// A browser cannot set handshake headers, so `header` is answered with 801 — visibly. A fresh
// object is used so the demo works whatever state the main client is in.
$('try-801').addEventListener('click', async () => {
  const options = { header: { 'x-playground': 'hello' } };
  try {
    await webSocket.createWebSocket().connect($('url').value.trim(), options);
    log('call', `connect(url, ${JSON.stringify(options)})`, '→ true (this transport sends headers)', 'good');
  } catch (err) {
    log('call', `connect(url, ${JSON.stringify(options)})`, `→ ${showError(err)}`, 'bad').dataset.code = String(err.code);
    setNote($('connect-note'), showError(err), 'bad');
  }
});

$('send-text').addEventListener('click', () => {
  const text = $('text').value;
  call(`send(${JSON.stringify(text)})`, ws.send(text), $('send-note'));
});

// Ctrl+Enter (⌘+Enter) in the text box sends it.
$('text').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    $('send-text').click();
  }
});

$('send-binary').addEventListener('click', () => {
  const digits = $('hex').value.replace(/0x/gi, '').replace(/[\s,:]/g, '');
  if (!/^([0-9a-f]{2})*$/i.test(digits)) return setNote($('send-note'), 'binary must be hex bytes, two digits each', 'bad');
  const bytes = new Uint8Array(digits.length / 2).map((_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
  call(`send(ArrayBuffer(${bytes.length}))`, ws.send(bytes.buffer), $('send-note'));
});

$('close').addEventListener('click', () => {
  const options = { code: Number($('close-code').value), reason: $('close-reason').value };
  call(`close(${JSON.stringify(options)})`, ws.close(options));
});

$('clear').addEventListener('click', () => logList.replaceChildren());

/* ---------------------------------- capabilities panel ---------------------------------- */

const capabilityLabels = {
  headers: 'custom request headers',
  proxy: 'proxy',
  caPath: 'caPath',
  clientCert: 'client certificate',
  keyPassword: 'encrypted client key',
  minTlsVersion: 'minSupportTlsProtocol',
  skipServerCertVerification: 'skipServerCertVerification',
  heartbeat: 'heartbeat (ping/pong)',
  responseHeaders: 'headerReceive',
  server: 'server mode',
};

function showCapabilities() {
  const caps = webSocket.capabilities;
  $('transport-name').textContent = caps.name;
  const items = Object.entries(capabilityLabels).map(([key, label]) => {
    const li = document.createElement('li');
    li.className = caps[key] ? 'on' : 'off';
    li.dataset.cap = key;
    li.innerHTML = `<span class="mark" aria-hidden="true"></span><code></code>`;
    li.querySelector('code').textContent = key;
    li.title = label;
    return li;
  });
  const codes = document.createElement('li');
  codes.className = 'info';
  codes.dataset.cap = 'closeCodes';
  codes.innerHTML = '<span class="mark" aria-hidden="true"></span><span><code>closeCodes</code>: <b></b></span>';
  codes.querySelector('b').textContent = caps.closeCodes;
  $('caps').replaceChildren(...items, codes);
  if (!caps.responseHeaders) log('note', 'note', `headerReceive never fires on the ${caps.name} transport (it cannot read the 101 response)`);
}

/* ------------------------------------------ start ------------------------------------------ */

const config = await fetch('/config.json').then((r) => r.json());
document.querySelectorAll('[data-preset]').forEach((chip) =>
  chip.addEventListener('click', () => {
    $('url').value = config[chip.dataset.preset];
    // The echo server accepts the subprotocol "echo" (and refuses others); the chat room takes none.
    $('protocol').value = chip.dataset.preset === 'echo' ? 'echo' : '';
  }),
);
$('url').value = config.echo;
$('protocol').value = 'echo';
showCapabilities();
document.body.dataset.ready = 'app';
