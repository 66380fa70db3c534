import "server-only";
import { headers } from "next/headers";

/** The address of a one-time sign-in link on this site, as the person who received the page reached it. */
export async function signInLinkUrl(token: string): Promise<string> {
  const configured = process.env.NEXTAUTH_URL;
  if (configured) return new URL(`/welcome/${token}`, configured).toString();
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}/welcome/${token}`;
}
