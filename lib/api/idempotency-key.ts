/** Printable ASCII without spaces, as the IETF draft's examples and Stripe's keys: a UUID fits. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's `Idempotency-Key`: null without one, false when it is not 1 to 255 visible ASCII characters. */
export function readIdempotencyKey(request: Request): string | null | false {
  const key = request.headers.get("Idempotency-Key");
  if (key === null) return null;
  return KEY.test(key) ? key : false;
}
