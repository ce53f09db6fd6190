/**
 * Stands in for `@ohos.base` / `@kit.BasicServicesKit`: `BusinessError` and the callback types.
 *
 * @example
 * import { BusinessError } from 'ohos-websocket/base';
 *
 * @module ohos-websocket/base
 */
export { BusinessError, isBusinessError } from './errors.js';
export type { AsyncCallback, Callback, ErrorCallback } from './types.js';
