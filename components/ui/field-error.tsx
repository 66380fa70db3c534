import type { FormState } from "./form-state";

/** The message of one field, under it, announced to screen readers. */
export function FieldError({ state, name }: { state: FormState; name: string }) {
  const message = state?.errors[name];
  if (!message) return null;
  return (
    <span className="field-error" role="alert" id={`${name}-error`}>
      {message}
    </span>
  );
}
