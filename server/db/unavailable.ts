/** SQLSTATE classes and codes that say the server cannot be reached or is going away, not that a query is wrong. */
const UNAVAILABLE_STATES = /^(?:08|57P0[1-3]|53300)/;
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);
/** What `pg` says, without a code, about a connection that ended under it. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|Client was closed|timeout exceeded when trying to connect/i;

/**
 * Whether an error says the database cannot be reached right now (a lost connection, a server restarting
 * or refusing connections): the request may succeed if tried again, so it is a 503, not a bug's 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code: unknown = Reflect.get(error, 'code');
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_STATES.test(code) || UNAVAILABLE_SOCKET_CODES.has(code))
  ) {
    return true;
  }
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return UNAVAILABLE_MESSAGES.test(error.message);
}
