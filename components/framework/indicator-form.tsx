"use client";

import { useActionState, useState } from "react";
import type { IndicatorInput } from "@/lib/validation/indicator";
import { FieldError } from "../ui/field-error";
import { SelectField, TextField, type Choice } from "../ui/form-fields";
import { submitKeepingValues } from "../ui/keep-form-values";
import type { FormState } from "../ui/form-state";
import { SaveBar } from "../ui/save-bar";
import { useHydrated } from "@/components/ui/use-hydrated";

export type IndicatorFormChoices = {
  results: Choice[];
  measures: Choice[];
  directions: Choice[];
  timeAggregations: Choice[];
  sources: Choice[];
  services: Choice[];
  trainingKinds: Choice[];
  dimensions: Choice[];
};

let nextRowId = 0;

/** One form for a new indicator and an existing one, with every attribute of the model. */
export function IndicatorForm({
  projectCode,
  target,
  defaultValues,
  choices,
  labels,
  saveAction,
}: {
  projectCode: string;
  target?: { id: number; version: number };
  defaultValues: IndicatorInput | null;
  choices: IndicatorFormChoices;
  labels: Record<string, string>;
  /** The server action that saves the form. */
  saveAction: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(saveAction, null);
  const hydrated = useHydrated();
  const [source, setSource] = useState(defaultValues?.source ?? "manual");
  const [rows, setRows] = useState(() => (defaultValues?.periodTargets ?? []).map((p) => ({ id: nextRowId++, period: p.period, value: String(p.value) })));
  const d = defaultValues;
  const input = (name: keyof IndicatorInput, value: string | number | null | undefined, type = "text") => (
    <TextField name={name} label={labels[name] ?? name} value={value} state={state} type={type} />
  );
  const select = (name: keyof IndicatorInput, options: Choice[], value: string | null | undefined, empty?: string) => (
    <SelectField name={name} label={labels[name] ?? name} options={options} value={value} state={state} empty={empty} />
  );

  return (
    <form onSubmit={submitKeepingValues(formAction)} className="card edit-form">
      <input type="hidden" name="projectCode" value={projectCode} />
      {target && (
        <>
          <input type="hidden" name="id" value={target.id} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <div className="form-grid">
        {input("code", d?.code)}
        {select("resultCode", choices.results, d?.resultCode, labels.none)}
        {input("nameEn", d?.nameEn)}
        {input("nameFr", d?.nameFr)}
        {select("measure", choices.measures, d?.measure ?? "number")}
        {select("direction", choices.directions, d?.direction ?? "increase")}
        {select("timeAggregation", choices.timeAggregations, d?.timeAggregation ?? "incremental")}
        {input("unitEn", d?.unitEn)}
        {input("unitFr", d?.unitFr)}
        {input("baselineValue", d?.baselineValue, "number")}
        {input("baselineYear", d?.baselineYear, "number")}
        {input("target", d?.target, "number")}
        <SelectField
          name="source"
          label={labels.source ?? ""}
          options={choices.sources}
          value={source}
          state={state}
          onChange={(e) => setSource(e.target.value as IndicatorInput["source"])}
          disabled={!hydrated}
        />
        {source === "registry" && select("sourceServiceCode", choices.services, d?.sourceServiceCode, labels.none)}
        {source === "trainings" && select("sourceTrainingKind", choices.trainingKinds, d?.sourceTrainingKind ?? "vocational")}
        {source === "trainings" && input("sourceTrainingTopic", d?.sourceTrainingTopic)}
      </div>
      <label className="checkbox">
        <input type="checkbox" name="isContext" defaultChecked={d?.isContext ?? false} />
        {labels.isContext}
      </label>
      <label>
        {labels.definitionEn}
        <textarea name="definitionEn" rows={2} defaultValue={d?.definitionEn ?? ""} />
        <FieldError state={state} name="definitionEn" />
      </label>
      <label>
        {labels.definitionFr}
        <textarea name="definitionFr" rows={2} defaultValue={d?.definitionFr ?? ""} />
      </label>
      <fieldset>
        <legend>{labels.dimensions}</legend>
        {choices.dimensions.map((c) => (
          <label key={c.value} className="checkbox">
            <input type="checkbox" name="dimensions" value={c.value} defaultChecked={d?.dimensions.includes(c.value)} />
            {c.label}
          </label>
        ))}
        <FieldError state={state} name="dimensions" />
      </fieldset>
      <fieldset>
        <legend>{labels.periodTargets}</legend>
        {rows.map((row, i) => (
          <div className="row-fields" key={row.id}>
            <label>
              {labels.period}
              <input name="targetPeriod" defaultValue={row.period} size={8} />
              <FieldError state={state} name={`periodTargets.${i}.period`} />
            </label>
            <label>
              {labels.value}
              <input name="targetValue" type="number" step="any" defaultValue={row.value} />
            </label>
            <button type="button" className="link-button" disabled={!hydrated} onClick={() => setRows(rows.filter((r) => r.id !== row.id))}>
              {labels.remove}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" disabled={!hydrated} onClick={() => setRows([...rows, { id: nextRowId++, period: "", value: "" }])}>
          {labels.addPeriodTarget}
        </button>
      </fieldset>
      {target && (
        <label>
          {labels.reason}
          <input name="reason" />
          <FieldError state={state} name="reason" />
        </label>
      )}
      <SaveBar label={labels.save ?? ""} pending={pending} state={state} />
    </form>
  );
}
