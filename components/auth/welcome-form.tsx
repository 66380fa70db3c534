"use client";

import { useActionState } from "react";
import { submitKeepingValues } from "../ui/keep-form-values";

export type WelcomeState = { ok: boolean; message: string; email?: string } | null;

/** The new person's password, typed twice; once set, the way to sign in with it. */
export function WelcomeForm({
  token,
  labels,
  setPasswordAction,
}: {
  token: string;
  labels: { password: string; confirm: string; submit: string; signIn: string };
  setPasswordAction: (state: WelcomeState, form: FormData) => Promise<WelcomeState>;
}) {
  const [state, formAction, pending] = useActionState<WelcomeState, FormData>(setPasswordAction, null);
  if (state?.ok) {
    return (
      <>
        <p role="status" className="saved-message">
          {state.message}
        </p>
        <p>
          <a href={`/login?callbackUrl=%2F`}>{labels.signIn}</a>
        </p>
      </>
    );
  }
  return (
    <form onSubmit={submitKeepingValues(formAction)} className="login-form">
      <input type="hidden" name="token" value={token} />
      <label>
        {labels.password}
        <input name="password" type="password" autoComplete="new-password" required minLength={12} />
      </label>
      <label>
        {labels.confirm}
        <input name="confirm" type="password" autoComplete="new-password" required minLength={12} />
      </label>
      {state && !state.ok && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
