import { eq } from "drizzle-orm";
import type { Db } from "../engine/types";
import { COPIES_KEY } from "../records/approved-records";
import { appMeta, dimensions, projects, serviceTypes } from "../tables";
import { seedApprovals } from "./approvals";
import { seedDrc } from "./drc";
import { seedOrganisations } from "./organisations";
import { seedReferenceData } from "./reference";
import { seedRwandaPhaseFour } from "./rwanda-phase-four";
import { seedRwandaPhasesOneToThree, seedRwandaProgramme } from "./rwanda-phases";
import { seedRwandaPlaces } from "./rwanda-places";
import { hashDemoPassword, seedProjectMembers, seedUsers } from "./users";
import type { SeedRefs } from "./writer";
import { recordAudit } from "../audit/audit-record";

export const DEMO_SEEDED_KEY = "demo_seeded_at";

/**
 * Writes the demo data, the two source projects of ../shared/seeds/FACTS.md, in one transaction.
 * Callers seed only an empty database (see db/bootstrap.ts).
 */
export async function seedDemoData(db: Db, options: { today?: string; passwordHash?: string } = {}): Promise<void> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const passwordHash = options.passwordHash ?? (await hashDemoPassword());
  await db.write(async (tx) => {
    await seedReferenceData(tx);
    const organisations = await seedOrganisations(tx);
    const refs: SeedRefs = {
      organisations,
      locations: new Map(),
      dimensions: new Map(),
      services: new Map(),
      users: await seedUsers(tx, organisations, passwordHash),
      programmes: new Map(),
    };
    for (const d of await tx.select().from(dimensions)) refs.dimensions.set(d.code, d.id);
    for (const s of await tx.select().from(serviceTypes)) refs.services.set(s.code, s.id);

    await seedRwandaPlaces(tx, refs.locations);
    await seedRwandaProgramme(tx, refs);
    const nextPerson = await seedRwandaPhasesOneToThree(tx, refs);
    await seedRwandaPhaseFour(tx, refs, nextPerson, today);
    await seedDrc(tx, refs, today);

    const projectIds = new Map((await tx.select({ code: projects.code, id: projects.id }).from(projects)).map((p) => [p.code, p.id]));
    await seedProjectMembers(tx, refs, projectIds);
    await seedApprovals(tx, refs, today);
    await tx.insert(appMeta).values({ key: DEMO_SEEDED_KEY, value: new Date().toISOString() });
    // Each approval of the demo made the copies of its records.
    await tx.insert(appMeta).values({ key: COPIES_KEY, value: new Date().toISOString() }).onConflictDoNothing();
    await recordAudit(tx, { action: "demo.seed", entityType: "installation", details: { projects: [...projectIds.keys()] } });
  });
}

export async function isDemoSeeded(db: Db): Promise<boolean> {
  return (await db.select().from(appMeta).where(eq(appMeta.key, DEMO_SEEDED_KEY)))[0] !== undefined;
}
