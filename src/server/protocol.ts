/**
 * Which subprotocol a server answers a handshake with (docs/behaviour.md#server `protocol`). Written once here so
 * every listening transport applies the same rule; transports only pass the header they received.
 */

/** The outcome for one handshake: accept (with the protocol to answer, if any) or refuse it. */
export type ProtocolChoice = { accept: true; protocol?: string } | { accept: false; protocol?: undefined };

/**
 * `offered` is the raw `Sec-WebSocket-Protocol` request header (`null`/`undefined` when absent);
 * `accepted` is the configured `protocol`.
 * - the client offers nothing → accepted, no protocol (as libwebsockets' default protocol does);
 * - the server accepts nothing → accepted, no protocol answered (the client decides whether it can
 *   live without one; `ws` and browsers then fail the handshake on their side);
 * - the client offers a list → accepted with `accepted` when the list contains it, else refused
 *   (the transport answers HTTP 400 and never upgrades).
 *
 * @example
 * selectProtocol('chat, superchat', 'chat'); // { accept: true, protocol: 'chat' }
 * selectProtocol('superchat', 'chat');       // { accept: false }
 */
export function selectProtocol(offered: string | readonly string[] | null | undefined, accepted: string | undefined): ProtocolChoice {
  const list = (Array.isArray(offered) ? offered.join(',') : (offered as string | null | undefined) ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (list.length === 0 || accepted === undefined) return { accept: true };
  return list.includes(accepted) ? { accept: true, protocol: accepted } : { accept: false };
}
