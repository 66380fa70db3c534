"use client";

import { useActionState } from "react";
import { changePeriodStatus, type TransitionState } from "@/app/(app)/projects/[code]/entry/[period]/actions";
import type { PeriodAction } from "@/lib/workflow/period-workflow";

export type WorkflowLabels = Record<PeriodAction, string> & { title: string; returnComment: string; reopenReason: string };

/** The approval buttons the caller may use on this period; the server decides again on each press. */
export function WorkflowPanel({ projectCode, period, actions, labels }: { projectCode: string; period: string; actions: PeriodAction[]; labels: WorkflowLabels }) {
  const [state, formAction, pending] = useActionState<TransitionState, FormData>(changePeriodStatus, null);
  if (actions.length === 0 && !state) return null;
  const form = (action: PeriodAction, commentLabel?: string) => (
    <form action={formAction} key={action} className="workflow-form">
      <input type="hidden" name="projectCode" value={projectCode} />
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="action" value={action} />
      {commentLabel && (
        <label>
          {commentLabel}
          <textarea name="comment" rows={2} />
        </label>
      )}
      <button type="submit" disabled={pending}>
        {labels[action]}
      </button>
    </form>
  );
  return (
    <section className="card" aria-label={labels.title}>
      <h2>{labels.title}</h2>
      <div className="workflow-actions">
        {actions.includes("submit") && form("submit")}
        {actions.includes("approve") && form("approve")}
        {actions.includes("return") && form("return", labels.returnComment)}
        {actions.includes("reopen") && form("reopen", labels.reopenReason)}
      </div>
      {state && (
        <p role="status" className={state.ok ? "saved-message" : "form-error"}>
          {state.message}
        </p>
      )}
    </section>
  );
}
