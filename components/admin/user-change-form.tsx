"use client";

import { useActionState, useId, useState, type ReactNode } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { submitKeepingValues } from "../ui/keep-form-values";
import type { UserActionState } from "./user-action-state";
import { SignInLink } from "./sign-in-link";
import { useHydrated } from "@/components/ui/use-hydrated";

export type ChangeAction = (state: UserActionState, form: FormData) => Promise<UserActionState>;

/**
 * One change of one account (a role, disabling, enabling, projects, an organisation, a new sign-in
 * link, a new password), with its outcome beside it. With `confirm`, the button asks first.
 */
export function UserChangeForm({
  userId,
  change,
  label,
  children,
  confirm,
  linkLabels,
  changeUserAction,
}: {
  userId: number;
  change: "role" | "disable" | "enable" | "projects" | "organisation" | "link" | "password";
  label: string;
  children?: ReactNode;
  confirm?: { title: string; body: string; yes: string; no: string };
  linkLabels?: { intro: string; expires: string; copy: string; copied: string };
  changeUserAction: ChangeAction;
}) {
  const [state, formAction, pending] = useActionState<UserActionState, FormData>(changeUserAction, null);
  const [asking, setAsking] = useState(false);
  const hydrated = useHydrated();
  const formId = useId();
  // A new answer closes the question: adjusted while rendering, as React advises, not in an effect.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    setAsking(false);
  }
  return (
    <form id={formId} onSubmit={submitKeepingValues(formAction)} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value={change} />
      {children}
      {confirm ? (
        <button type="button" className="secondary" disabled={pending || !hydrated} onClick={() => setAsking(true)}>
          {label}
        </button>
      ) : (
        <button type="submit" className="secondary" disabled={pending}>
          {label}
        </button>
      )}
      {confirm && (
        <ConfirmDialog open={asking} title={confirm.title} confirmLabel={confirm.yes} cancelLabel={confirm.no} onCancel={() => setAsking(false)} form={formId} pending={pending} danger={change === "disable"}>
          <p>{confirm.body}</p>
        </ConfirmDialog>
      )}
      {state && (
        <span role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </span>
      )}
      {state?.link && linkLabels && <SignInLink link={state.link} labels={linkLabels} />}
    </form>
  );
}
