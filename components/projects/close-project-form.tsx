"use client";

import { useActionState } from "react";
import { closeProjectForm } from "@/app/(app)/projects/project-actions";
import type { FormState } from "../ui/form-state";

export function CloseProjectForm({ code, version, label, hint }: { code: string; version: number; label: string; hint: string }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(closeProjectForm, null);
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
