// Written by scripts/pg-schema.ts from db/schema: change db/schema, then run npm run db:generate.
export * from "./app-meta";
export * from "./approved-records";
export * from "./audit-log";
export * from "./beneficiaries";
export * from "./data-values";
export * from "./disaggregation";
export * from "./locations";
export * from "./organisations";
export * from "./projects";
export * from "./registry-review";
export * from "./results-framework";
export * from "./trainings";
export * from "./users";
