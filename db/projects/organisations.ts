import "server-only";
import { asc } from "drizzle-orm";
import { organisations, type Organisation } from "../tables";
import { dbOf, type QueryContext } from "../users/viewer";

/** Every organisation, by name: for choosing a donor's organisation, or a project's partners. */
export async function listOrganisations(ctx: QueryContext): Promise<Organisation[]> {
  return await dbOf(ctx).select().from(organisations).orderBy(asc(organisations.nameEn));
}
