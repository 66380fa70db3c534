"use client";

import { useActionState, useState } from "react";
import type { ProjectInput } from "@/lib/validation/project";
import { FieldError, FieldErrors } from "../ui/field-error";
import { SelectField, TextField, type Choice } from "../ui/form-fields";
import { submitKeepingValues } from "../ui/keep-form-values";
import type { FormState } from "../ui/form-state";
import { SaveBar } from "../ui/save-bar";
import { useHydrated } from "@/components/ui/use-hydrated";

export type ProjectFormChoices = {
  programmes: Choice[];
  countries: Choice[];
  organisations: Choice[];
  locations: (Choice & { country: string })[];
  statuses: Choice[];
  frequencies: Choice[];
  roles: Choice[];
};

let nextRowId = 0;

/** One form for creating and editing a project; the server action validates and saves it. */
export function ProjectForm({
  action,
  defaultValues,
  target,
  choices,
  labels,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  defaultValues: ProjectInput | null;
  /** The project edited and the version read; absent for a new project. */
  target?: { code: string; version: number };
  choices: ProjectFormChoices;
  labels: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const hydrated = useHydrated();
  const [country, setCountry] = useState(defaultValues?.countryCode ?? choices.countries[0]?.value ?? "");
  const [organisations, setOrganisations] = useState(() => (defaultValues?.organisations ?? [{ code: "", role: "implementing" as const }]).map((o) => ({ ...o, id: nextRowId++ })));
  const [budgets, setBudgets] = useState(() => (defaultValues?.budgets ?? []).map((b) => ({ year: String(b.year), amount: String(b.amount), id: nextRowId++ })));
  const [sectors, setSectors] = useState(() => (defaultValues?.sectors ?? []).map((s) => ({ code: s.code, percentage: String(s.percentage), id: nextRowId++ })));
  const d = defaultValues;
  const text = (name: keyof ProjectInput, value: string | number | null | undefined, type = "text") => (
    <TextField name={name} label={labels[name] ?? name} value={value} state={state} type={type} />
  );
  const select = (name: keyof ProjectInput, options: Choice[], value: string | null | undefined, empty?: string) => (
    <SelectField name={name} label={labels[name] ?? name} options={options} value={value} state={state} empty={empty} />
  );

  return (
    <form onSubmit={submitKeepingValues(formAction)} className="card edit-form">
      {target && (
        <>
          <input type="hidden" name="projectCode" value={target.code} />
          <input type="hidden" name="version" value={target.version} />
        </>
      )}
      <div className="form-grid">
        {text("code", d?.code)}
        {select("programmeCode", choices.programmes, d?.programmeCode, labels.none)}
        {text("phase", d?.phase, "number")}
        {select("status", choices.statuses, d?.status ?? "pipeline")}
        {text("titleEn", d?.titleEn)}
        {text("titleFr", d?.titleFr)}
        {text("startDate", d?.startDate, "date")}
        {text("endDate", d?.endDate, "date")}
        <SelectField
          name="countryCode"
          label={labels.countryCode ?? ""}
          options={choices.countries}
          value={country}
          state={state}
          onChange={(e) => setCountry(e.target.value)}
          disabled={!hydrated}
        />
        {select("reportingFrequency", choices.frequencies, d?.reportingFrequency ?? "quarterly")}
        {text("householdSize", d?.householdSize, "number")}
        {text("householdSizeSource", d?.householdSizeSource)}
        {text("currency", d?.currency ?? "USD")}
      </div>
      <label>
        {labels.summaryEn}
        <textarea name="summaryEn" rows={3} defaultValue={d?.summaryEn ?? ""} />
      </label>
      <label>
        {labels.summaryFr}
        <textarea name="summaryFr" rows={3} defaultValue={d?.summaryFr ?? ""} />
      </label>
      <label>
        {labels.dataNoteEn}
        <textarea name="dataNoteEn" rows={2} defaultValue={d?.dataNoteEn ?? ""} />
      </label>
      <label>
        {labels.dataNoteFr}
        <textarea name="dataNoteFr" rows={2} defaultValue={d?.dataNoteFr ?? ""} />
      </label>

      <fieldset>
        <legend>{labels.organisations}</legend>
        {organisations.map((o, i) => (
          <div className="row-fields" key={o.id}>
            <label>
              {labels.organisation}
              <select name="organisationCode" defaultValue={o.code}>
                {choices.organisations.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {labels.role}
              <select name="organisationRole" defaultValue={o.role}>
                {choices.roles.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="link-button" disabled={!hydrated} onClick={() => setOrganisations(organisations.filter((row) => row.id !== o.id))}>
              {labels.remove}
            </button>
            <FieldError state={state} name={`organisations.${i}.code`} />
          </div>
        ))}
        <button type="button" className="secondary" disabled={!hydrated} onClick={() => setOrganisations([...organisations, { code: "", role: "partner", id: nextRowId++ }])}>
          {labels.addOrganisation}
        </button>
      </fieldset>

      <fieldset>
        <legend>{labels.locations}</legend>
        <div className="checkbox-grid">
          {choices.locations
            .filter((l) => l.country === country)
            .map((l) => (
              <label key={l.value} className="checkbox">
                <input type="checkbox" name="locationCodes" value={l.value} defaultChecked={d?.locationCodes.includes(l.value)} />
                {l.label}
              </label>
            ))}
        </div>
        <FieldErrors state={state} prefix="locationCodes" />
      </fieldset>

      <fieldset>
        <legend>{labels.budgets}</legend>
        {budgets.map((b, i) => (
          <div className="row-fields" key={b.id}>
            <label>
              {labels.year}
              <input name="budgetYear" type="number" defaultValue={b.year} />
            </label>
            <label>
              {labels.amount}
              <input name="budgetAmount" type="number" step="any" defaultValue={b.amount} />
            </label>
            <button type="button" className="link-button" disabled={!hydrated} onClick={() => setBudgets(budgets.filter((row) => row.id !== b.id))}>
              {labels.remove}
            </button>
            <FieldError state={state} name={`budgets.${i}.year`} />
            <FieldError state={state} name={`budgets.${i}.amount`} />
          </div>
        ))}
        <button type="button" className="secondary" disabled={!hydrated} onClick={() => setBudgets([...budgets, { year: "", amount: "", id: nextRowId++ }])}>
          {labels.addBudget}
        </button>
      </fieldset>

      <fieldset>
        <legend>{labels.sectors}</legend>
        <p className="hint">{labels.sectorsHint}</p>
        {sectors.map((s, i) => (
          <div className="row-fields" key={s.id}>
            <label>
              {labels.sectorCode}
              <input name="sectorCode" inputMode="numeric" pattern="[0-9]{5}" defaultValue={s.code} />
            </label>
            <label>
              {labels.sectorPercentage}
              <input name="sectorPercentage" type="number" step="any" min="0" max="100" defaultValue={s.percentage} />
            </label>
            <button type="button" className="link-button" disabled={!hydrated} onClick={() => setSectors(sectors.filter((row) => row.id !== s.id))}>
              {labels.remove}
            </button>
            <FieldError state={state} name={`sectors.${i}.code`} />
            <FieldError state={state} name={`sectors.${i}.percentage`} />
          </div>
        ))}
        <FieldError state={state} name="sectors" />
        <button type="button" className="secondary" disabled={!hydrated} onClick={() => setSectors([...sectors, { code: "", percentage: "", id: nextRowId++ }])}>
          {labels.addSector}
        </button>
      </fieldset>

      <SaveBar label={labels.save ?? ""} pending={pending} state={state} />
    </form>
  );
}
