/** A change of an indicator's target or baseline after figures existed: what, from what to what, why, when and by whom. */
export type RevisionEntry = { field: string; previousValue: number | null; newValue: number | null; reason: string; changedAt: string; changedBy: string };
