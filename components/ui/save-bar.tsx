import type { FormState } from "./form-state";

/** The submit button of a form with the outcome of its last save beside it. */
export function SaveBar({ label, pending, state }: { label: string; pending: boolean; state: FormState }) {
  return (
    <div className="save-bar">
      <button type="submit" disabled={pending}>
        {label}
      </button>
      {state && (
        <span role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </span>
      )}
    </div>
  );
}
