// Placeholder until the server core lands (issue 3).
import { businessError, ErrorCode } from '../errors.js';
import type { Transport } from '../transport.js';
export class ServerWebSocket {
  constructor(readonly transport: Transport) {}
  start(): Promise<boolean> { return Promise.reject(businessError(ErrorCode.CAPABILITY_NOT_SUPPORTED, 'server mode is not implemented yet')); }
}
