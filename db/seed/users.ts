import type { Executor } from "../engine/types";
import { projectMembers, users, type NewUser } from "../tables";
import { hashPassword } from "../../lib/auth/password";
import type { Ids } from "./reference";
import { idOf, type SeedRefs } from "./writer";

export const DEMO_PASSWORD = "baseline-demo";

/** The demo accounts listed in the README; all share the password "baseline-demo". */
export const DEMO_ACCOUNTS = [
  { email: "admin@baseline.test", name: "Demo administrator", role: "admin", organisation: "IOM", projects: [] },
  { email: "manager@baseline.test", name: "Demo programme manager", role: "manager", organisation: "IOM", projects: ["RW-REINT-P4", "CD-HSEC-NK"] },
  { email: "manager2@baseline.test", name: "Second demo programme manager", role: "manager", organisation: "IOM", projects: ["RW-REINT-P4", "CD-HSEC-NK"] },
  { email: "staff@baseline.test", name: "Demo staff member", role: "staff", organisation: "IOM", projects: [] },
  { email: "donor.japan@baseline.test", name: "Demo donor, Japan", role: "donor", organisation: "JAPAN", projects: [] },
  { email: "donor.netherlands@baseline.test", name: "Demo donor, Netherlands", role: "donor", organisation: "NL-MFA", projects: [] },
] as const satisfies readonly (Pick<NewUser, "email" | "name" | "role"> & { organisation: string; projects: readonly string[] })[];

export async function hashDemoPassword(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}

export async function seedUsers(tx: Executor, organisations: Ids, passwordHash: string): Promise<Ids> {
  const ids: Ids = new Map();
  for (const account of DEMO_ACCOUNTS) {
    const { id } = (
      await tx
        .insert(users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          organisationId: idOf(organisations, account.organisation),
          passwordHash,
        })
        .returning({ id: users.id })
    )[0]!;
    ids.set(account.email, id);
  }
  return ids;
}

/** Managers' project access, once the projects exist. */
export async function seedProjectMembers(tx: Executor, refs: SeedRefs, projectIds: Ids): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    for (const project of account.projects) {
      await tx.insert(projectMembers).values({ userId: idOf(refs.users, account.email), projectId: idOf(projectIds, project) });
    }
  }
}
