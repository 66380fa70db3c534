import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endUserSessions, verifyCredentials } from "@/db/queries/users";
import { signInSchema } from "./sign-in-schema";

const EIGHT_HOURS = 8 * 60 * 60;

/**
 * next-auth with e-mail and password. The token carries only the user's id and session version;
 * role, access and language are read from the database on each request (lib/auth/session.ts).
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
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
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
    signOut({ token }) {
      if (token?.sub) endUserSessions(Number(token.sub));
    },
  },
};
