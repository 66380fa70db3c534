/** Printable ASCII without spaces, as the IETF draft's examples and Stripe's keys: a UUID fits. */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** An `Idempotency-Key` header as sent: null without one, false when it is not 1 to 255 visible ASCII characters. */
export function checkIdempotencyKey(header: string | null): string | null | false {
  if (header === null) return null;
  return KEY.test(header) ? header : false;
}
