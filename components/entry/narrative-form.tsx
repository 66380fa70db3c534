"use client";

import { useActionState } from "react";
import { saveNarrativeForm, type NarrativeFormState } from "@/app/(app)/projects/[code]/entry/[period]/narrative-actions";
import type { Language } from "@/lib/domain/codes";
import { submitKeepingValues } from "../ui/keep-form-values";
import { SaveBar } from "../ui/save-bar";

const FIELDS = ["highlights", "challenges", "nextSteps"] as const;

export type NarrativeText = Record<(typeof FIELDS)[number], string | null> & { version: number };

/**
 * The narrative of a period in one language. Read-only once the period is submitted; the version
 * sent back with each save lets the server refuse a save over someone else's change.
 */
export function NarrativeForm({
  projectCode,
  period,
  language,
  narrative,
  editable,
  labels,
}: {
  projectCode: string;
  period: string;
  language: Language;
  narrative: NarrativeText | null;
  editable: boolean;
  labels: Record<(typeof FIELDS)[number] | "legend" | "save", string>;
}) {
  const [state, formAction, pending] = useActionState<NarrativeFormState, FormData>(saveNarrativeForm, null);
  const version = state?.version ?? narrative?.version ?? "";
  return (
    <form onSubmit={submitKeepingValues(formAction)} className="narrative-form" lang={language}>
      <fieldset disabled={!editable}>
        <legend>{labels.legend}</legend>
        <input type="hidden" name="projectCode" value={projectCode} />
        <input type="hidden" name="period" value={period} />
        <input type="hidden" name="language" value={language} />
        <input type="hidden" name="version" value={version} />
        {FIELDS.map((field) => {
          const id = `narrative-${language}-${field}`;
          const error = state?.errors[field];
          return (
            <label key={field} htmlFor={id}>
              {labels[field]}
              <textarea id={id} name={field} rows={3} maxLength={4000} defaultValue={narrative?.[field] ?? ""} aria-describedby={error ? `${id}-error` : undefined} />
              {error && (
                <span className="field-error" role="alert" id={`${id}-error`}>
                  {error}
                </span>
              )}
            </label>
          );
        })}
        {editable && <SaveBar label={labels.save} pending={pending} state={state} />}
      </fieldset>
    </form>
  );
}
