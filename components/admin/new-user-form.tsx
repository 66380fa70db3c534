"use client";

import { useActionState, useState } from "react";
import { SelectField, TextField, type Choice } from "../ui/form-fields";
import { SaveBar } from "../ui/save-bar";
import { submitKeepingValues } from "../ui/keep-form-values";
import type { UserActionState } from "./user-action-state";
import { SignInLink } from "./sign-in-link";
import { useHydrated } from "@/components/ui/use-hydrated";

export type NewUserLabels = {
  legend: string;
  name: string;
  email: string;
  role: string;
  language: string;
  projects: string;
  organisation: string;
  choose: string;
  add: string;
  link: { intro: string; expires: string; copy: string; copied: string };
};

/**
 * Adds a person: name, e-mail, role and language, the projects of a manager or the organisation of a
 * donor; then shows the one-time sign-in link to hand them (Baseline sends no e-mail).
 */
export function NewUserForm({
  roles,
  languages,
  projects,
  organisations,
  labels,
  addUserAction,
}: {
  roles: Choice[];
  languages: Choice[];
  projects: Choice[];
  organisations: Choice[];
  labels: NewUserLabels;
  addUserAction: (state: UserActionState, form: FormData) => Promise<UserActionState>;
}) {
  const [state, formAction, pending] = useActionState<UserActionState, FormData>(addUserAction, null);
  const hydrated = useHydrated();
  const [role, setRole] = useState("manager");
  return (
    <form onSubmit={submitKeepingValues(formAction)} className="card edit-form">
      <fieldset>
        <legend>{labels.legend}</legend>
        <div className="form-grid">
          <TextField name="name" label={labels.name} value="" state={state} />
          <TextField name="email" label={labels.email} value="" state={state} type="email" />
          <SelectField name="role" label={labels.role} options={roles} value={role} state={state} onChange={(e) => setRole(e.target.value)} disabled={!hydrated} />
          <SelectField name="language" label={labels.language} options={languages} value={languages[0]?.value} state={state} />
        </div>
        {role === "manager" && (
          <fieldset className="choices">
            <legend>{labels.projects}</legend>
            {projects.map((p) => (
              <label key={p.value} className="choice">
                <input type="checkbox" name="projects" value={p.value} /> {p.label}
              </label>
            ))}
          </fieldset>
        )}
        {role === "donor" && <SelectField name="organisation" label={labels.organisation} options={organisations} value="" empty={labels.choose} state={state} />}
        <SaveBar label={labels.add} pending={pending} state={state} />
        {state?.link && <SignInLink link={state.link} labels={labels.link} />}
      </fieldset>
    </form>
  );
}
