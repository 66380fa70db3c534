import type { UserRole } from "../domain/codes";

// Who may do what: the one place that decides. The data layer loads the facts (whether the viewer
// manages a project, whether they may see it) and asks here; pages, actions and routes ask the data
// layer's `may`, which asks here.

/** Who is asking. Read from the database on each request, never trusted from a token. */
export type Viewer = { userId: number; role: UserRole; organisationId: number | null };

export const ACTIONS = [
  "see", // the project, its approved figures, its dashboard and reports
  "see_unapproved", // figures entered but not approved yet, and the entry pages
  "enter", // figures, trainings, narratives, the registry import
  "manage_framework", // results, indicators, targets and the project's description
  "see_records", // the individual records of the registry, and their export
  "review_duplicates", // the registry's likely duplicates: merge them, tell them apart, undo
  "submit", // a period, for approval
  "approve", // or return a submitted period (another person than its submitter: see the workflow)
  "reopen", // an approved period, or mark one as not reported
  "create_project",
  "administer", // people, the audit trail, every project
] as const;
export type Action = (typeof ACTIONS)[number];

/** What the viewer is to one project: facts from the database. */
export type Relation = {
  /** The viewer may read the project (staff and admins every one, donors those their organisation funds, managers theirs and their programmes'). */
  visible: boolean;
  /** The viewer enters its figures: an admin, or a manager named on it. */
  manages: boolean;
};

/** For questions that concern no project in particular. */
export const ANY_PROJECT: Relation = { visible: true, manages: false };
/** For "on the projects they manage, if any": whether the role enters figures at all. */
export const ON_THEIR_PROJECTS: Relation = { visible: true, manages: true };

export function allows(viewer: Pick<Viewer, "role">, action: Action, relation: Relation = ANY_PROJECT): boolean {
  const { role } = viewer;
  switch (action) {
    case "see":
      return relation.visible;
    case "see_unapproved":
      return relation.visible && role !== "donor";
    case "enter":
    case "manage_framework":
    case "see_records":
    case "review_duplicates":
      return relation.manages && (role === "admin" || role === "manager");
    case "submit":
      return relation.manages && role === "manager";
    case "approve":
      return role === "admin" || (relation.manages && role === "manager");
    case "reopen":
    case "create_project":
    case "administer":
      return role === "admin";
  }
}

/** Staff and admins read every project; donors and managers only some. */
export function seesEveryProject(viewer: Pick<Viewer, "role">): boolean {
  return viewer.role === "admin" || viewer.role === "staff";
}

/** Donors see approved figures only; everyone else also sees figures still in review. */
export function seesUnapprovedFigures(viewer: Pick<Viewer, "role">): boolean {
  return allows(viewer, "see_unapproved");
}
