import type { ChangeEvent } from "react";
import { FieldError } from "./field-error";
import type { FormState } from "./form-state";

export type Choice = { value: string; label: string };

/** A labelled input with its message under it. */
export function TextField({ name, label, value, state, type = "text" }: { name: string; label: string; value: string | number | null | undefined; state: FormState; type?: string }) {
  return (
    <label>
      {label}
      <input name={name} type={type} defaultValue={value ?? ""} aria-describedby={`${name}-error`} step={type === "number" ? "any" : undefined} />
      <FieldError state={state} name={name} />
    </label>
  );
}

/** A labelled select with an optional empty choice, its message under it; controlled when `onChange` is given. */
export function SelectField({
  name,
  label,
  options,
  value,
  state,
  empty,
  onChange,
  disabled,
}: {
  name: string;
  label: string;
  options: Choice[];
  value: string | null | undefined;
  state: FormState;
  empty?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
  /** A select whose choice changes the form waits for the page's script (see use-hydrated). */
  disabled?: boolean;
}) {
  const valueProps = onChange ? { value: value ?? "", onChange } : { defaultValue: value ?? "" };
  return (
    <label>
      {label}
      <select name={name} {...valueProps} disabled={disabled}>
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError state={state} name={name} />
    </label>
  );
}
