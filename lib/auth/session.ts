import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { findSessionUser, type CurrentUser } from "@/db/queries/users";
import { authOptions } from "./options";

/** The signed-in user of this request, read from the database; null without a valid session. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session || !Number.isInteger(session.userId)) return null;
  return findSessionUser(session.userId, session.sessionVersion);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return user;
}
