import { databaseEngine } from "../lib/config/env";
import * as sqlite from "./schema";
import * as postgres from "./schema-pg";

// The tables queries are built on: the engine's own (db/schema for SQLite, db/schema-pg for
// PostgreSQL, written from it), picked once per process from DATABASE_URL, and typed as the
// embedded engine's like the rest of the queries (db/engine/types.ts). The two define the same
// columns with the same TypeScript types, which db/schema-pg/index.test.ts holds equal.
const tables = (databaseEngine() === "postgresql" ? postgres : sqlite) as unknown as typeof sqlite;

export const {
  appMeta,
  approvedServices,
  approvedTrainings,
  auditLog,
  serviceTypes,
  beneficiaries,
  beneficiaryServices,
  dataValues,
  projectPeriods,
  approvedValues,
  narratives,
  dimensions,
  dimensionOptions,
  locations,
  organisations,
  programmes,
  projects,
  projectOrganisations,
  projectLocations,
  projectBudgets,
  projectSectors,
  results,
  indicators,
  indicatorDimensions,
  indicatorTargets,
  indicatorRevisions,
  trainings,
  trainingParticipants,
  trainingRoster,
  users,
  projectMembers,
  apiTokens,
  signInFailures,
  signInLinks,
  idempotentWrites,
  importMappings,
  duplicatePairs,
} = tables;
export type * from "./schema";
