"use client";

import { signIn } from "next-auth/react";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { ACCOUNT_DISABLED } from "@/lib/auth/sign-in-schema";

export type LoginFormLabels = { email: string; password: string; submit: string; submitting: string; invalid: string; disabled: string; unavailable: string };

// Nothing to subscribe to: the value only tells the server's render (false) from the browser's (true).
const noSubscription = () => () => {};

/**
 * The sign-in form: e-mail and password, one message for any wrong pair, nothing sent back but the
 * session; a disabled account's owner, who typed its right password, is told whom to ask.
 */
export function LoginForm({ labels, callbackUrl }: { labels: LoginFormLabels; callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the page's script runs, the form must not be sent by the browser itself: a plain GET would
  // put the password in the address.
  const ready = useSyncExternalStore(noSubscription, () => true, () => false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error === ACCOUNT_DISABLED ? labels.disabled : result?.status === 401 || result?.error === "CredentialsSignin" ? labels.invalid : labels.unavailable);
    } catch {
      setError(labels.unavailable);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} method="post" className="login-form">
      <label>
        {labels.email}
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        {labels.password}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending || !ready}>
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
