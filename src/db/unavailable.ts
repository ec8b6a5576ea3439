/**
 * Whether an error means the database cannot be reached or cannot write right now (a server
 * stopped or restarting, the network, a full or read-only disk), as opposed to a bug or a refused
 * statement. Such errors are answered 503 UNAVAILABLE: nothing was written, the client may retry.
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);

// SQLSTATE classes: 08 connection exception, 53 insufficient resources (disk full, out of memory,
// too many connections), 57P operator intervention (shutdown, cannot connect now), 58 system error (I/O).
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|58)/;

const DRIVER_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection is not established/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /No space left on device/i,
  /Read-only file system/i,
  /PGlite is closed/i,
];

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 3) return false;
  const { code, message, driverError, cause, thrownValue, errors } = e as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    /** graphql-js wraps a thrown non-Error (pg's connect failure may be one) as NonErrorThrown. */
    thrownValue?: unknown;
    /** AggregateError: every address of localhost refused. */
    errors?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (typeof message === 'string' && DRIVER_MESSAGES.some((m) => m.test(message))) return true;
  if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return [driverError, cause, thrownValue].some((x) => isDatabaseUnavailable(x, depth + 1));
}
