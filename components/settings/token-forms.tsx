"use client";

import { useActionState } from "react";

/** What a settings form shows after its action: a message, and a new token once. */
export type TokenState = { ok: boolean; message: string; token?: string } | null;

/** Names and makes a token, then shows it once, with what to do with it. */
export function CreateTokenForm({ labels, createTokenAction }: { labels: { name: string; create: string; once: string; usage: string }; createTokenAction: (state: TokenState, form: FormData) => Promise<TokenState> }) {
  const [state, formAction, pending] = useActionState<TokenState, FormData>(createTokenAction, null);
  return (
    <form action={formAction} className="filters" aria-label={labels.create}>
      <label>
        {labels.name}
        <input name="name" required maxLength={80} autoComplete="off" />
      </label>
      <button type="submit" disabled={pending}>
        {labels.create}
      </button>
      {state && (
        <div role="status" className={state.ok ? "saved-message" : "form-error"}>
          <p>{state.message}</p>
          {state.token && (
            <>
              <p>{labels.once}</p>
              <p>
                <code className="token" data-testid="new-token">
                  {state.token}
                </code>
              </p>
              <p className="muted small">{labels.usage}</p>
            </>
          )}
        </div>
      )}
    </form>
  );
}

/** Revokes one token. */
export function RevokeTokenButton({ id, label, revokeTokenAction }: { id: number; label: string; revokeTokenAction: (state: TokenState, form: FormData) => Promise<TokenState> }) {
  const [state, formAction, pending] = useActionState<TokenState, FormData>(revokeTokenAction, null);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="secondary">
        {label}
      </button>
      {state && !state.ok && (
        <span role="alert" className="form-error">
          {state.message}
        </span>
      )}
    </form>
  );
}

/** Changes one's own password: the current one, then a new one of 12 characters or more. */
export function ChangePasswordForm({ labels, changePasswordAction }: { labels: { current: string; next: string; save: string; hint: string }; changePasswordAction: (state: TokenState, form: FormData) => Promise<TokenState> }) {
  const [state, formAction, pending] = useActionState<TokenState, FormData>(changePasswordAction, null);
  return (
    <form action={formAction} className="filters" aria-label={labels.save}>
      <label>
        {labels.current}
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {labels.next}
        <input name="next" type="password" autoComplete="new-password" required minLength={12} />
      </label>
      <button type="submit" disabled={pending}>
        {labels.save}
      </button>
      <p className="hint">{labels.hint}</p>
      {state && !state.ok && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
