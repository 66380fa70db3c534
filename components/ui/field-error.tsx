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

/** The messages of every field whose name starts with a prefix, such as the rows of a list. */
export function FieldErrors({ state, prefix }: { state: FormState; prefix: string }) {
  return (
    <>
      {Object.entries(state?.errors ?? {})
        .filter(([field]) => field.startsWith(prefix))
        .map(([field, message]) => (
          <span key={field} className="field-error" role="alert">
            {message}
          </span>
        ))}
    </>
  );
}
