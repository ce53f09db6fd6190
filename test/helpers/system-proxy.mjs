// `proxy: 'system'`, decided by the core for every transport that tunnels (docs/behaviour.md#connect-options):
// each case gives the variables a transport reports (its `proxyVariable` fact) and what the core
// must decide for the URL (`request.systemProxy`). Portable: run by the Node tests and, under the
// real deno binary, by the Deno ones.
const P = 'http://proxy.test:3128';

export const SYSTEM_PROXY_CASES = [
  { name: 'no variable: direct', env: {}, url: 'ws://a.test/', expect: undefined },
  { name: 'http_proxy for ws:', env: { http_proxy: P }, url: 'ws://a.test/', expect: P },
  { name: 'https_proxy for wss:, not http_proxy', env: { http_proxy: 'http://plain.test:1', https_proxy: P }, url: 'wss://a.test/', expect: P },
  { name: 'ws: ignores https_proxy', env: { https_proxy: P }, url: 'ws://a.test/', expect: undefined },
  { name: 'the lower-case variable wins', env: { http_proxy: P, HTTP_PROXY: 'http://upper.test:1' }, url: 'ws://a.test/', expect: P },
  { name: 'an empty lower-case variable leaves the upper-case one', env: { http_proxy: '', HTTP_PROXY: P }, url: 'ws://a.test/', expect: P },
  { name: 'a value without a scheme is an http:// proxy', env: { HTTPS_PROXY: 'proxy.test:3128' }, url: 'wss://a.test/', expect: P },
  { name: 'no_proxy: exact host', env: { http_proxy: P, no_proxy: 'other.test, a.test' }, url: 'ws://a.test/', expect: undefined },
  { name: 'no_proxy: an exact host is not a suffix', env: { http_proxy: P, no_proxy: 'a.test' }, url: 'ws://x.a.test/', expect: P },
  { name: 'no_proxy: .domain suffix', env: { http_proxy: P, no_proxy: '.corp.test' }, url: 'ws://api.corp.test/', expect: undefined },
  { name: 'no_proxy: *.domain suffix', env: { http_proxy: P, no_proxy: '*.corp.test' }, url: 'ws://api.corp.test/', expect: undefined },
  { name: 'no_proxy: a suffix is not a look-alike', env: { http_proxy: P, no_proxy: '.corp.test' }, url: 'ws://badcorp.test/', expect: P },
  { name: 'no_proxy: * bypasses everything', env: { https_proxy: P, no_proxy: '*' }, url: 'wss://a.test/', expect: undefined },
  { name: 'no_proxy: CIDR block', env: { http_proxy: P, no_proxy: '10.0.0.0/8' }, url: 'ws://10.1.2.3/', expect: undefined },
  { name: 'no_proxy: outside the CIDR block', env: { http_proxy: P, no_proxy: '10.0.0.0/8' }, url: 'ws://11.1.2.3/', expect: P },
  { name: 'no_proxy: an entry\'s :port is ignored, case is', env: { http_proxy: P, no_proxy: 'A.Test:8080' }, url: 'ws://a.test/', expect: undefined },
  { name: 'NO_PROXY when no_proxy is unset', env: { http_proxy: P, NO_PROXY: 'a.test' }, url: 'ws://a.test/', expect: undefined },
  { name: 'the lower-case no_proxy wins', env: { http_proxy: P, no_proxy: 'other.test', NO_PROXY: 'a.test' }, url: 'ws://a.test/', expect: P },
  { name: 'a variable that cannot be read: unknown (null)', env: { http_proxy: null }, url: 'ws://a.test/', expect: null },
  { name: 'a no_proxy that cannot be read: unknown (null)', env: { http_proxy: P, no_proxy: null }, url: 'ws://a.test/', expect: null },
];

/**
 * What the core decides for `url` when `transport` reports the variables `env`: the transport is
 * the real one with only its fact (`proxyVariable`) and its I/O (`connect`, which records) replaced.
 */
export async function decideSystemProxy(webSocket, transport, env, url) {
  const requests = [];
  const probe = {
    ...transport,
    proxyVariable: (name) => env[name],
    connect(request, events) {
      requests.push(request);
      queueMicrotask(() => events.fail(0, 'probe'));
      return { send() {}, close() {}, terminate() {} };
    },
  };
  const ws = webSocket.createWebSocket({ transport: probe });
  const failed = new Promise((resolve) => ws.on('error', resolve));
  await ws.connect(url);
  await failed;
  if (requests.length !== 1) throw new Error(`expected one request, got ${requests.length}`);
  return requests[0].systemProxy;
}
