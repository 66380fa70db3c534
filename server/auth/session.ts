import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findTokenUser } from "@/db/users/api-tokens";
import { findSessionUser, type CurrentUser } from "@/db/users/users";
import { authOptions } from "./options";

/**
 * The user of this request, read from the database: the one signed in with the session cookie, or
 * the one a personal API token (`Authorization: Bearer ...`) acts for. Null with neither.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (session && Number.isInteger(session.userId)) return await findSessionUser(session.userId, session.sessionVersion);
  const authorization = (await headers()).get("authorization");
  const bearer = authorization?.match(/^Bearer (\S+)$/i)?.[1];
  return bearer ? await findTokenUser(bearer) : null;
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
