import { holdsNullCharacter } from "../../lib/validation/null-character";

/** A body whose texts hold a null character: every API route answers it 422 (server/api/answer-faults.ts). */
export class NullCharacterError extends Error {
  constructor() {
    super("The body holds a null character (U+0000).");
    this.name = "NullCharacterError";
  }
}

/** The largest JSON body an API call may send: 5,000 values of the data-entry grid fit in well under it. */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

export type JsonBody = { kind: "ok"; value: unknown } | { kind: "too_large" } | { kind: "bad_json" };

/**
 * The body's bytes, or null as soon as it passes `maxBytes` (declared or actually sent), so that no
 * request makes the server hold more than that.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  if (reader) {
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      size += next.value.length;
      if (size > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(next.value);
    }
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body of at most `maxBytes`. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BYTES): Promise<JsonBody> {
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes === null) return { kind: "too_large" };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch {
    // Malformed, or nested too deep to parse: either way, not a body to act on.
    return { kind: "bad_json" };
  }
  if (holdsNullCharacter(value)) throw new NullCharacterError();
  return { kind: "ok", value };
}
