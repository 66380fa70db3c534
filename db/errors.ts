/** The viewer may not see or change this; pages answer 404 or 403, the API 403. */
export class AccessDeniedError extends Error {
  constructor(what: string) {
    super(`Access denied: ${what}`);
    this.name = "AccessDeniedError";
  }
}

// PostgreSQL's classes of connection trouble (08: connection exception; 57P01-57P03: the server
// shuts down or is starting) and the errors of a connection that broke or never opened.
const UNAVAILABLE_CODES = /^(08|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|SQLITE_BUSY|SQLITE_CANTOPEN)/;
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)|database is locked/i;

/**
 * Whether the database refused a text for a character it cannot hold: PostgreSQL's text takes no null
 * character (U+0000; SQLSTATE 22021, or 22P05), which no keyboard types but a paste or a script may send.
 */
export function isNullCharacterRefusal(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "22021" || e.code === "22P05") return true;
  }
  return false;
}

/** Whether an error means the database cannot be reached for now (answer 503 and retry), not a fault of the request or the code. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && UNAVAILABLE_CODES.test(e.code)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
