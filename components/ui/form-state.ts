/** What a form's server action answers: a message, and one per field that needs a correction. */
export type FormState = { ok: boolean; message: string; errors: Record<string, string> } | null;
