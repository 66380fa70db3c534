import type { PeriodStatus, ReportingFrequency } from "../domain/codes";
import { dayAfter, FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween } from "../periods/period";
import { isSettled } from "./period-workflow";
import type { PeriodChanges } from "./record-changes";

// The to-do list of the home page and of GET /api/v1/tasks: what a person should do next about the
// reporting periods of the projects they look after. A manager submits their projects' periods,
// approves those someone else submitted, and asks an admin to reopen a period whose records changed
// since its approval; an admin follows every project: the periods overdue (to chase, or to mark not
// reported), the approvals waiting and the reopenings.

export type TaskProject = { id: number; code: string; startDate: string; endDate: string; reportingFrequency: ReportingFrequency; closed: boolean };
export type TaskPeriodState = { status: PeriodStatus; submittedBy: number | null; submittedAt: string | null; approvedAt?: string | null; updatedAt?: string };

export type Task =
  /**
   * An ended period not yet submitted (a draft, or returned for correction), due from the day after
   * it ends; one reopened after its approval is due again from the day it was reopened.
   */
  | { kind: "submit"; projectId: number; projectCode: string; period: string; status: "draft" | "returned"; reopened: boolean; dueSince: string; daysOverdue: number }
  /** A submitted period waiting for this person's approval; `blockedBy` names an earlier period not approved yet. */
  | { kind: "approve"; projectId: number; projectCode: string; period: string; submittedAt: string | null; blockedBy: string | null }
  /** An approved period whose records changed since: to reopen and approve again for donors to see them. */
  | { kind: "reapprove"; projectId: number; projectCode: string; period: string; added: number; changed: number };

const DAY = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/**
 * The tasks of one person over the projects they look after. Periods are due the day after they
 * end (0 days overdue that day); closed projects ask nothing more. Submissions come first, the
 * longest overdue first.
 */
export function listTasks(input: {
  userId: number;
  projects: readonly TaskProject[];
  states: ReadonlyMap<number, ReadonlyMap<string, TaskPeriodState>>;
  changes: ReadonlyMap<number, ReadonlyMap<string, PeriodChanges>>;
  today: string;
}): Task[] {
  const submit: Task[] = [];
  const approve: Task[] = [];
  const reapprove: Task[] = [];
  for (const project of input.projects) {
    const states = input.states.get(project.id) ?? new Map<string, TaskPeriodState>();
    const periods = periodsBetween(project.startDate, project.endDate, FREQUENCY_PERIOD_TYPE[project.reportingFrequency]);
    let firstOpen: string | null = null;
    for (const period of periods) {
      const end = periodEnd(period);
      if (end >= input.today) break;
      const state = states.get(period) ?? { status: "draft" as const, submittedBy: null, submittedAt: null };
      if (!project.closed && (state.status === "draft" || state.status === "returned")) {
        const reopened = Boolean(state.approvedAt) && state.updatedAt !== undefined;
        const due = reopened ? (state.updatedAt as string).slice(0, 10) : dayAfter(end);
        submit.push({ kind: "submit", projectId: project.id, projectCode: project.code, period, status: state.status, reopened, dueSince: due, daysOverdue: Math.max(0, daysBetween(due, input.today)) });
      }
      if (state.status === "submitted" && state.submittedBy !== input.userId) {
        approve.push({ kind: "approve", projectId: project.id, projectCode: project.code, period, submittedAt: state.submittedAt, blockedBy: firstOpen });
      }
      const changed = input.changes.get(project.id)?.get(period);
      if (changed) reapprove.push({ kind: "reapprove", projectId: project.id, projectCode: project.code, period, ...changed });
      if (firstOpen === null && !isSettled(state.status)) firstOpen = period;
    }
  }
  const overdueFirst = (a: Task, b: Task) => (a.kind === "submit" && b.kind === "submit" ? b.daysOverdue - a.daysOverdue : 0) || a.projectCode.localeCompare(b.projectCode) || a.period.localeCompare(b.period);
  return [...submit.sort(overdueFirst), ...approve.sort(overdueFirst), ...reapprove.sort(overdueFirst)];
}
