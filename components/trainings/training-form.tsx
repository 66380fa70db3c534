"use client";

import { useActionState } from "react";
import type { TrainingInput } from "@/lib/validation/training";
import { FieldError, FieldErrors } from "../ui/field-error";
import { SelectField, TextField, type Choice } from "../ui/form-fields";
import type { FormState } from "../ui/form-state";
import { SaveBar } from "../ui/save-bar";
import { submitKeepingValues } from "../ui/keep-form-values";

export type TrainingFormChoices = { kinds: Choice[]; topics: Choice[]; locations: Choice[]; cohorts: Choice[]; sexes: Choice[]; ageGroups: Choice[] };

/** One form to register a training or edit it: participants by sex and age group, an optional roster. */
export function TrainingForm({
  projectCode,
  target,
  defaultValues,
  choices,
  labels,
  saveAction,
}: {
  projectCode: string;
  target?: { id: number; version: number };
  defaultValues: TrainingInput | null;
  choices: TrainingFormChoices;
  labels: Record<string, string>;
  /** The server action that saves the form. */
  saveAction: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveAction, null);
  const d = defaultValues;
  const count = (sex: string, ageGroup: string) => d?.participants.find((p) => p.sex === sex && p.ageGroup === ageGroup)?.count ?? "";
  const label = (key: string) => labels[key] ?? key;
  return (
    <form onSubmit={submitKeepingValues(formAction)} className="card edit-form">
      <input type="hidden" name="projectCode" value={projectCode} />
      <input type="hidden" name="ageGroups" value={choices.ageGroups.map((a) => a.value).join(",")} />
      {target && (
        <>
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <div className="form-grid">
        <TextField name="title" label={label("title")} value={d?.title} state={state} />
        <SelectField name="kind" label={label("kind")} options={choices.kinds} value={d?.kind ?? "vocational"} state={state} />
        <SelectField name="topic" label={label("topic")} options={choices.topics} value={d?.topic} state={state} />
        <SelectField name="locationCode" label={label("locationCode")} options={choices.locations} value={d?.locationCode} state={state} />
        <TextField name="startDate" label={label("startDate")} value={d?.startDate} state={state} type="date" />
        <TextField name="endDate" label={label("endDate")} value={d?.endDate} state={state} type="date" />
        <TextField name="facilitator" label={label("facilitator")} value={d?.facilitator} state={state} />
        <SelectField name="cohortId" label={label("cohortId")} options={choices.cohorts} value={d?.cohortId === null || d?.cohortId === undefined ? "" : String(d.cohortId)} state={state} empty={label("none")} />
      </div>
      <fieldset>
        <legend>{label("participants")}</legend>
        <table className="participants">
          <thead>
            <tr>
              <td />
              {choices.ageGroups.map((a) => (
                <th scope="col" key={a.value}>
                  {a.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {choices.sexes.map((sex) => (
              <tr key={sex.value}>
                <th scope="row">{sex.label}</th>
                {choices.ageGroups.map((age) => (
                  <td key={age.value}>
                    <input name={`count_${sex.value}_${age.value}`} inputMode="numeric" aria-label={`${sex.label}, ${age.label}`} defaultValue={count(sex.value, age.value)} size={5} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <FieldErrors state={state} prefix="participants" />
      </fieldset>
      <label>
        {label("roster")}
        <textarea name="roster" rows={4} defaultValue={d?.roster.join("\n") ?? ""} />
        <FieldError state={state} name="roster" />
      </label>
      <SaveBar label={label("save")} pending={pending} state={state} />
    </form>
  );
}
