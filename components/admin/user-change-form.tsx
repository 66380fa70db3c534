"use client";

import { useActionState } from "react";
import { changeUserAction, type UserChangeState } from "@/app/(app)/admin/users/actions";

/** One change of one account (a role, disabling, enabling, a new password), with its outcome beside it. */
export function UserChangeForm({ userId, change, label, roles, role, passwordLabel }: { userId: number; change: "role" | "disable" | "enable" | "password"; label: string; roles?: { value: string; label: string }[]; role?: string; passwordLabel?: string }) {
  const [state, formAction, pending] = useActionState<UserChangeState, FormData>(changeUserAction, null);
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="change" value={change} />
      {change === "role" && roles && (
        <select name="role" defaultValue={role} aria-label={label}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      )}
      {change === "password" && <input name="password" type="password" autoComplete="new-password" aria-label={passwordLabel} placeholder={passwordLabel} minLength={12} />}
      <button type="submit" className="secondary" disabled={pending}>
        {label}
      </button>
      {state && (
        <span role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </span>
      )}
    </form>
  );
}
