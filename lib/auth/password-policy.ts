import { dictionary } from "@zxcvbn-ts/language-common";

// A new password: at least 12 characters, and none of the 49,000 most common passwords (the list of
// zxcvbn-ts), nor the person's e-mail or name. Length beats rules about character classes.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = "password_too_short" | "password_too_long" | "password_common";

export function checkNewPassword(password: string, person: { email: string; name?: string | null }): PasswordProblem | null {
  if (password.length < MIN_PASSWORD_LENGTH) return "password_too_short";
  if (password.length > MAX_PASSWORD_LENGTH) return "password_too_long";
  const lower = password.toLowerCase();
  const own = [person.email.toLowerCase(), person.email.toLowerCase().split("@")[0] ?? "", (person.name ?? "").toLowerCase().replace(/\s+/g, "")].filter((s) => s.length >= 4);
  if (COMMON.has(lower) || own.some((s) => lower.includes(s))) return "password_common";
  return null;
}
