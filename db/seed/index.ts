import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { COPIES_KEY } from "../records/approved-records";
import { appMeta, auditLog, projects } from "../schema";
import { seedApprovals } from "./approvals";
import { seedDrc } from "./drc";
import { seedOrganisations } from "./organisations";
import { seedReferenceData } from "./reference";
import { seedRwandaPhaseFour } from "./rwanda-phase-four";
import { seedRwandaPhasesOneToThree, seedRwandaProgramme } from "./rwanda-phases";
import { seedRwandaPlaces } from "./rwanda-places";
import { hashDemoPassword, seedProjectMembers, seedUsers } from "./users";
import type { SeedRefs } from "./writer";

export const DEMO_SEEDED_KEY = "demo_seeded_at";

/**
 * Writes the demo data, the two source projects of ../shared/seeds/FACTS.md, in one transaction.
 * Callers seed only an empty database (see db/bootstrap.ts).
 */
export async function seedDemoData(db: Db, options: { today?: string; passwordHash?: string } = {}): Promise<void> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const passwordHash = options.passwordHash ?? (await hashDemoPassword());
  db.transaction((tx) => {
    seedReferenceData(tx);
    const organisations = seedOrganisations(tx);
    const refs: SeedRefs = {
      organisations,
      locations: new Map(),
      dimensions: new Map(),
      services: new Map(),
      users: seedUsers(tx, organisations, passwordHash),
      programmes: new Map(),
    };
    for (const d of tx.query.dimensions.findMany().sync()) refs.dimensions.set(d.code, d.id);
    for (const s of tx.query.serviceTypes.findMany().sync()) refs.services.set(s.code, s.id);

    seedRwandaPlaces(tx, refs.locations);
    seedRwandaProgramme(tx, refs);
    const nextPerson = seedRwandaPhasesOneToThree(tx, refs);
    seedRwandaPhaseFour(tx, refs, nextPerson, today);
    seedDrc(tx, refs, today);

    const projectIds = new Map(tx.select({ code: projects.code, id: projects.id }).from(projects).all().map((p) => [p.code, p.id]));
    seedProjectMembers(tx, refs, projectIds);
    seedApprovals(tx, refs, today);
    tx.insert(appMeta).values({ key: DEMO_SEEDED_KEY, value: new Date().toISOString() }).run();
    // Each approval of the demo made the copies of its records.
    tx.insert(appMeta).values({ key: COPIES_KEY, value: new Date().toISOString() }).onConflictDoNothing().run();
    tx.insert(auditLog).values({ action: "demo.seed", entityType: "installation", details: JSON.stringify({ projects: [...projectIds.keys()] }) }).run();
  });
}

export function isDemoSeeded(db: Db): boolean {
  return db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEEDED_KEY)).get() !== undefined;
}
