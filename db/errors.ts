/** The viewer may not see or change this; pages answer 404 or 403, the API 403. */
export class AccessDeniedError extends Error {
  constructor(what: string) {
    super(`Access denied: ${what}`);
    this.name = "AccessDeniedError";
  }
}
