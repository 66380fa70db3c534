"use client";

import { useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { Language } from "@/lib/domain/codes";
import type { FormState } from "../ui/form-state";
import { submitKeepingValues } from "../ui/keep-form-values";
import { SaveBar } from "../ui/save-bar";
import { useUnsavedChanges } from "./unsaved-changes";

const FIELDS = ["highlights", "challenges", "nextSteps"] as const;

export type NarrativeText = Record<(typeof FIELDS)[number], string | null> & { version: number };
/** A form's state, with the version of the narrative now stored, for the next save. */
export type NarrativeFormState = (NonNullable<FormState> & { version?: number }) | null;

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
  saveNarrativeForm,
}: {
  projectCode: string;
  period: string;
  language: Language;
  narrative: NarrativeText | null;
  editable: boolean;
  labels: Record<(typeof FIELDS)[number] | "legend" | "save", string>;
  saveNarrativeForm: (state: NarrativeFormState, form: FormData) => Promise<NarrativeFormState>;
}) {
  const [state, formAction, pending] = useActionState<NarrativeFormState, FormData>(saveNarrativeForm, null);
  const version = state?.version ?? narrative?.version ?? "";
  // What was last saved, to tell the page guard how many fields hold unsaved text.
  const saved = useRef<Record<string, string>>(Object.fromEntries(FIELDS.map((f) => [f, narrative?.[f] ?? ""])));
  const form = useRef<HTMLFormElement>(null);
  const [changed, setChanged] = useState(0);
  useUnsavedChanges(`narrative-${language}`, changed);
  const count = (element: HTMLFormElement) => FIELDS.filter((f) => (element.elements.namedItem(f) as HTMLTextAreaElement | null)?.value !== saved.current[f]).length;
  useEffect(() => {
    if (!state?.ok || !form.current) return;
    const element = form.current;
    saved.current = Object.fromEntries(FIELDS.map((f) => [f, (element.elements.namedItem(f) as HTMLTextAreaElement | null)?.value ?? ""]));
    setChanged(0);
  }, [state]);
  return (
    <form ref={form} onSubmit={submitKeepingValues(formAction)} onChange={(event: FormEvent<HTMLFormElement>) => setChanged(count(event.currentTarget))} className="narrative-form" lang={language}>
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
