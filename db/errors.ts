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
  return causes(error).some((e) => e.code === "22021" || e.code === "22P05");
}

/** Whether an error means the database cannot be reached for now (answer 503 and retry), not a fault of the request or the code. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => (typeof e.code === "string" && UNAVAILABLE_CODES.test(e.code)) || (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)));
}

type Failure = { code?: unknown; message?: unknown; cause?: unknown };

/** An error and the ones it wraps: drizzle wraps the driver's error in a "Failed query" of its own. */
function causes(error: unknown): Failure[] {
  const chain: Failure[] = [];
  for (let e = error as Failure | undefined; e && typeof e === "object" && chain.length < 5; e = e.cause as Failure | undefined) chain.push(e);
  return chain;
}
