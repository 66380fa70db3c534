"use client";

import { useActionState, useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { submitKeepingValues } from "@/components/ui/keep-form-values";
import type { PeriodAction } from "@/lib/workflow/period-workflow";
import { useUnsavedChanges } from "./unsaved-changes";
import { useOnline } from "@/components/offline/use-online";
import { useOutbox } from "@/components/offline/use-outbox";
import { useHydrated } from "@/components/ui/use-hydrated";

/** The expected figures still empty of an indicator at one place, worded for reading: "Huye: Total, Sex: Female". */
export type GapLine = { indicator: string; where: string; count: number };

export type TransitionState = { ok: boolean; message: string } | null;

export type WorkflowLabels = Record<PeriodAction, string> & {
  title: string;
  cancel: string;
  /** Per action: the question asked before it is taken. */
  confirm: Record<PeriodAction, string>;
  /** Per action: what it does, said in the dialog. */
  explain: Record<PeriodAction, string>;
  /** Per action that needs one: the label of its comment or reason. */
  comment: Partial<Record<PeriodAction, string>>;
  complete: string;
  /** "{count} expected figures are empty:" with the placeholder left in. */
  gaps: string;
  gapsComment: string;
  checking: string;
  saveFirst: string;
  /** Said while there is no connection: the steps of the approval are taken on the server. */
  needsConnection: string;
  /** Said when changes of this period still wait on this device. */
  sendFirst: string;
};

type Props = {
  projectCode: string;
  period: string;
  actions: PeriodAction[];
  labels: WorkflowLabels;
  changePeriodStatus: (state: TransitionState, form: FormData) => Promise<TransitionState>;
  checkCompleteness: (input: { projectCode: string; period: string }) => Promise<GapLine[]>;
};

/**
 * The approval buttons the caller may use on this period, each asking for confirmation first; a
 * submission first lists the expected figures still empty and asks why when some are. The server
 * decides again on each step.
 */
export function WorkflowPanel({ projectCode, period, actions, labels, changePeriodStatus, checkCompleteness }: Props) {
  const [state, formAction, pending] = useActionState<TransitionState, FormData>(changePeriodStatus, null);
  const [asking, setAsking] = useState<PeriodAction | null>(null);
  const hydrated = useHydrated();
  const [gaps, setGaps] = useState<GapLine[] | null>(null);
  // The answer shown in the dialog is the one to this dialog's request, not an earlier one.
  const [answered, setAnswered] = useState<TransitionState>(null);
  const unsaved = useUnsavedChanges("workflow", 0);
  const online = useOnline();
  const waiting = useOutbox().changes.filter((c) => c.projectCode === projectCode && c.period === period).length;
  const formId = useId();

  // A successful answer closes the dialog: adjusted while rendering, as React advises, not in an effect.
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) setAsking(null);
  }

  const ask = (action: PeriodAction) => {
    setAnswered(state);
    setAsking(action);
    if (action === "submit") {
      setGaps(null);
      void checkCompleteness({ projectCode, period }).then(setGaps);
    }
  };

  if (actions.length === 0 && !state) return null;
  const missing = gaps?.reduce((sum, line) => sum + line.count, 0) ?? 0;
  const commentLabel = asking === "submit" ? (missing > 0 ? labels.gapsComment : undefined) : asking ? labels.comment[asking] : undefined;
  const blockedBySaving = asking === "submit" && unsaved > 0;
  const blockedBySending = asking === "submit" && waiting > 0;
  return (
    <section className="card" aria-label={labels.title}>
      <h2>{labels.title}</h2>
      <div className="workflow-actions">
        {actions.map((action) => (
          <button key={action} type="button" className={action === "mark_not_reported" || action === "reopen" ? "secondary" : undefined} onClick={() => ask(action)} disabled={pending || !online || !hydrated}>
            {labels[action]}
          </button>
        ))}
      </div>
      {!online && <p className="note">{labels.needsConnection}</p>}
      {state && asking === null && (
        <p role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </p>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? labels.confirm[asking] : ""}
        confirmLabel={asking ? labels[asking] : ""}
        cancelLabel={labels.cancel}
        onCancel={() => setAsking(null)}
        form={formId}
        pending={pending || !online || blockedBySaving || blockedBySending || (asking === "submit" && gaps === null)}
        danger={asking === "mark_not_reported"}
      >
        {asking && <p>{labels.explain[asking]}</p>}
        {asking === "submit" &&
          (gaps === null ? (
            <p className="muted">{labels.checking}</p>
          ) : missing === 0 ? (
            <p className="saved-message">{labels.complete}</p>
          ) : (
            <div className="gap-list">
              <p className="note">{labels.gaps.replace("{count}", String(missing))}</p>
              <ul>
                {gaps.map((line) => (
                  <li key={`${line.indicator}|${line.where}`}>
                    <strong>{line.indicator}</strong>, {line.where}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        {blockedBySaving && <p className="form-error">{labels.saveFirst}</p>}
        {blockedBySending && !blockedBySaving && <p className="form-error">{labels.sendFirst}</p>}
        {!online && <p className="form-error">{labels.needsConnection}</p>}
        <form id={formId} onSubmit={submitKeepingValues(formAction)}>
          <input type="hidden" name="projectCode" value={projectCode} />
          <input type="hidden" name="period" value={period} />
          <input type="hidden" name="action" value={asking ?? ""} />
          {commentLabel && (
            <label>
              {commentLabel}
              <textarea name="comment" rows={3} required maxLength={2000} />
            </label>
          )}
        </form>
        {state && state !== answered && !state.ok && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}
