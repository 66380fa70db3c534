import "server-only";
import { cache } from "react";
import { getProgrammeSummary } from "@/db/figures/programmes";
import { requireUser } from "@/server/auth/session";

/** The programme of this request as the caller may see it, loaded once for the layout, metadata and page. */
export const loadProgramme = cache(async (code: string) => {
  const user = await requireUser();
  return await getProgrammeSummary({ viewer: user }, decodeURIComponent(code));
});
