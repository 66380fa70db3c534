import "server-only";
import { cache } from "react";
import { getProjectOverview } from "@/db/projects/projects";
import type { QueryContext } from "@/db/users/viewer";
import { requireUser } from "@/server/auth/session";

/** The project of this request and the caller's context, loaded once for the layout, metadata and page. */
export const loadProject = cache(async (code: string) => {
  const user = await requireUser();
  const ctx: QueryContext = { viewer: user };
  return { ctx, overview: await getProjectOverview(ctx, decodeURIComponent(code)) };
});
