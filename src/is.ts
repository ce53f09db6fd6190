/**
 * Small shared predicates, written once (as ky's `is.ts`), so every argument check in the core
 * means the same thing by "an object" or "a token".
 */

/** Any non-null object, arrays included: something whose properties can be read. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** A non-null object that is not an array: what an options, config or header argument must be. */
export const isRecord = (v: unknown): v is Record<string, unknown> => isObject(v) && !Array.isArray(v);

/** RFC 7230 token: what a header name or a subprotocol may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Whether `s` is an RFC 7230 token (non-empty). */
export const isToken = (s: string): boolean => TOKEN.test(s);
