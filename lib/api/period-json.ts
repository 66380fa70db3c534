import type { PeriodStatus } from "@/lib/domain/codes";

type PeriodRow = {
  status: PeriodStatus;
  submittedBy: number | null;
  submittedAt: string | null;
  submissionComment: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  comment: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
};

/** A reporting period's workflow state as the API answers it; a period nobody acted on is a draft. */
export function periodJson(period: string, row: PeriodRow | null) {
  return {
    period,
    status: row?.status ?? "draft",
    submittedBy: row?.submittedBy ?? null,
    submittedAt: row?.submittedAt ?? null,
    submissionComment: row?.submissionComment ?? null,
    reviewedBy: row?.reviewedBy ?? null,
    reviewedAt: row?.reviewedAt ?? null,
    comment: row?.comment ?? null,
    approvedBy: row?.approvedBy ?? null,
    approvedAt: row?.approvedAt ?? null,
  };
}
