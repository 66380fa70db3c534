import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signInWithPassword } from "@/db/users/sign-in";
import { endUserSessions } from "@/db/users/users";
import { ACCOUNT_DISABLED, signInSchema } from "../../lib/auth/sign-in-schema";

const EIGHT_HOURS = 8 * 60 * 60;

/** The address a sign-in comes from: the first of X-Forwarded-For (set by Next.js or the proxy in front), else "unknown". */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || "unknown";
}

/**
 * next-auth with e-mail and password. The token carries only the user's id and session version;
 * role, access and language are read from the database on each request (server/auth/session.ts).
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Baseline",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await signInWithPassword(parsed.data.email, parsed.data.password, clientAddress(request?.headers));
        // next-auth hands the error's message to the sign-in form, which words it.
        if (user === "disabled") throw new Error(ACCOUNT_DISABLED);
        return user ? { id: String(user.id), name: user.name, email: user.email, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sessionVersion = user.sessionVersion;
      return token;
    },
    session({ session, token }) {
      session.userId = Number(token.sub);
      session.sessionVersion = token.sessionVersion ?? 0;
      return session;
    },
  },
  events: {
    // Signing out ends the session on the server too: the token's version is no longer accepted.
    async signOut({ token }) {
      if (token?.sub) await endUserSessions(Number(token.sub));
    },
  },
};
