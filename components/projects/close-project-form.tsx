"use client";

import { useActionState } from "react";
import type { FormState } from "../ui/form-state";

export function CloseProjectForm({ code, version, label, hint, closeAction }: { code: string; version: number; label: string; hint: string; closeAction: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(closeAction, null);
  return (
    <form action={formAction} className="card">
      <input type="hidden" name="projectCode" value={code} />
      <input type="hidden" name="version" value={version} />
      <p className="muted small">{hint}</p>
      <button type="submit" className="secondary" disabled={pending}>
        {label}
      </button>
      {state && !state.ok && (
        <p role="alert" className="form-error">
          {state.message}
        </p>
      )}
    </form>
  );
}
