"use client";

import { useActionState } from "react";
import { FieldError } from "../ui/field-error";
import { SelectField, type Choice } from "../ui/form-fields";
import { submitKeepingValues } from "../ui/keep-form-values";
import type { FormState } from "../ui/form-state";

export type ResultValues = { id?: number; code: string; type: string; titleEn: string; titleFr: string; parentCode: string };

/** Adds a result, or edits one, in a compact row of fields. */
export function ResultForm({ projectCode, values, types, parents, labels, saveAction }: { projectCode: string; values: ResultValues; types: Choice[]; parents: Choice[]; labels: Record<string, string>; saveAction: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveAction, null);
  return (
    <form onSubmit={submitKeepingValues(formAction)} className="row-fields result-form">
      <input type="hidden" name="projectCode" value={projectCode} />
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <SelectField name="type" label={labels.type ?? ""} options={types} value={values.type} state={state} />
      <label>
        {labels.code}
        <input name="code" defaultValue={values.code} size={6} />
        <FieldError state={state} name="code" />
      </label>
      <label className="wide">
        {labels.titleEn}
        <input name="titleEn" defaultValue={values.titleEn} />
        <FieldError state={state} name="titleEn" />
      </label>
      <label className="wide">
        {labels.titleFr}
        <input name="titleFr" defaultValue={values.titleFr} />
      </label>
      <SelectField name="parentCode" label={labels.parent ?? ""} options={parents} value={values.parentCode} state={state} empty={labels.none} />
      <button type="submit" disabled={pending}>
        {labels.save}
      </button>
      {state && (
        <span role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </span>
      )}
    </form>
  );
}
