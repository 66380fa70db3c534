/** What an action of the users page answers: a message, problems by field, and a one-time sign-in link when one was made. */
export type UserActionState = { ok: boolean; message: string; errors: Record<string, string>; link?: { url: string; expires: string } } | null;
