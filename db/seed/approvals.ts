import { eq } from "drizzle-orm";
import type { DataValueStatus } from "../../lib/domain/codes";
import { FREQUENCY_PERIOD_TYPE, periodEnd, periodsBetween } from "../../lib/periods/period";
import type { Executor } from "../engine/types";
import { snapshotApprovedPeriod } from "../records/approval-snapshot";
import { projectPeriods, projects } from "../tables";
import { DRC_STATUS } from "./drc";
import { PHASE_IV_STATUS } from "./rwanda-phase-four";
import { idOf, type SeedRefs } from "./writer";

/** The day `days` after a date, or `today` when that is later. */
function daysAfter(date: string, days: number, today: string): string {
  const later = new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  return later < today ? later : today;
}

const RETURN_COMMENT = "Please check the sex split of the people employed in Nyiragongo against the committee's payroll.";

/**
 * The approval history of the demo's periods: submitted by a manager, approved or returned by the
 * second manager (phases I-III by the administrator), approved figures recorded as an approval records them.
 */
export async function seedApprovals(tx: Executor, refs: SeedRefs, today: string): Promise<void> {
  const schedules: Record<string, (period: string) => DataValueStatus> = {
    "RW-REINT-P1": () => "approved",
    "RW-REINT-P2": () => "approved",
    "RW-REINT-P3": () => "approved",
    "RW-REINT-P4": PHASE_IV_STATUS,
    "CD-HSEC-NK": DRC_STATUS,
  };
  const manager = idOf(refs.users, "manager@baseline.test");
  for (const [code, statusOf] of Object.entries(schedules)) {
    const project = (await tx.select().from(projects).where(eq(projects.code, code)))[0];
    if (!project) throw new Error(`No project ${code}`);
    const reviewer = idOf(refs.users, project.status === "completed" ? "admin@baseline.test" : "manager2@baseline.test");
    const lastDay = project.endDate < today ? project.endDate : today;
    for (const period of periodsBetween(project.startDate, lastDay, FREQUENCY_PERIOD_TYPE[project.reportingFrequency])) {
      const status = statusOf(period);
      if (status === "draft") continue;
      // Submitted two weeks after the period ended (the figures are entered after 12 days), reviewed a few days later, never after today.
      const submittedAt = `${daysAfter(periodEnd(period), 14, today)}T16:00:00.000Z`;
      const reviewedAt = `${daysAfter(periodEnd(period), 18, today)}T10:00:00.000Z`;
      const reviewed = status === "approved" || status === "returned";
      await tx.insert(projectPeriods).values({
        projectId: project.id,
        period,
        status,
        submittedBy: manager,
        submittedAt,
        reviewedBy: reviewed ? reviewer : null,
        reviewedAt: reviewed ? reviewedAt : null,
        comment: status === "returned" ? RETURN_COMMENT : null,
        approvedBy: status === "approved" ? reviewer : null,
        approvedAt: status === "approved" ? reviewedAt : null,
      });
      if (status === "approved") await snapshotApprovedPeriod(tx, project, period, reviewer, reviewedAt);
    }
  }
}
