import { z } from "zod";

export const signInSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** The refusal of a disabled account's right password, as next-auth hands it to the sign-in form. */
export const ACCOUNT_DISABLED = "account_disabled";
