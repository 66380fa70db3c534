import "server-only";
import { isDatabaseUnavailable, isNullCharacterRefusal } from "@/db/errors";
import { translatorFor } from "@/lib/i18n/translator";
import { languageFor } from "@/server/i18n";
import { NullCharacterError } from "./read-body";
import { jsonError } from "./respond";

/**
 * An API route that answers its failures as problem+json, never a stack trace: 503 with
 * Retry-After while the database cannot be reached (it answers again by itself once the server is
 * back), 422 for a text the database cannot hold, 500 for anything else, which is logged.
 */
export function answerFaults<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      // The caller's language without asking the database for their choice: it may be what failed.
      const t = translatorFor(await languageFor(null));
      if (isDatabaseUnavailable(error)) {
        const answer = jsonError(t, 503, t("api.unavailable"));
        answer.headers.set("Retry-After", "5");
        return answer;
      }
      // Nothing was written: the statement that held the character failed, and its transaction with it.
      if (error instanceof NullCharacterError || isNullCharacterRefusal(error)) return jsonError(t, 422, t("api.nullCharacter"));
      console.error(error);
      return jsonError(t, 500, t("api.serverError"));
    }
  };
}
