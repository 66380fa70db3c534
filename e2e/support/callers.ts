import { createHash } from "node:crypto";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, signInByRequest } from "./accounts";
import { addPerson, appDatabase } from "./database";

// The kinds of caller of the authorization matrix, about Japan's phase IV (RW-REINT-P4). The demo has
// no manager of another programme's project nor a revoked token: they are added to the test database.

export const CALLERS = ["none", "otherDonor", "donor", "staff", "otherManager", "manager", "admin", "revokedToken"] as const;
export type Caller = (typeof CALLERS)[number];

const REVOKED_TOKEN = `bl_${"r".repeat(43)}`;
const OTHER_MANAGER = "manager.drc@baseline.test";

/** Adds what the demo lacks, then one signed-in client per kind of caller. */
export async function callerClients(baseURL: string): Promise<Record<Caller, APIRequestContext>> {
  const db = appDatabase();
  await addPerson(db, { email: OTHER_MANAGER, name: "Manager of the DRC project only", role: "manager" });
  await db.run(
    "INSERT INTO project_members (user_id, project_id) SELECT u.id, p.id FROM users u, projects p WHERE u.email = ? AND p.code = 'CD-HSEC-NK' ON CONFLICT DO NOTHING",
    OTHER_MANAGER,
  );
  const admin = (await db.one<{ id: number }>("SELECT id FROM users WHERE email = ?", ACCOUNTS.admin)).id;
  await db.run(
    "INSERT INTO api_tokens (user_id, name, token_hash, prefix, created_at, revoked_at) VALUES (?, 'revoked', ?, ?, '2026-11-01', '2026-11-02') ON CONFLICT DO NOTHING",
    admin,
    createHash("sha256").update(REVOKED_TOKEN).digest("hex"),
    REVOKED_TOKEN.slice(0, 10),
  );
  await db.close();
  const accounts: Partial<Record<Caller, string>> = { otherDonor: ACCOUNTS.donorNetherlands, donor: ACCOUNTS.donorJapan, staff: ACCOUNTS.staff, otherManager: OTHER_MANAGER, manager: ACCOUNTS.manager, admin: ACCOUNTS.admin };
  const clients = {} as Record<Caller, APIRequestContext>;
  for (const caller of CALLERS) {
    clients[caller] = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: caller === "revokedToken" ? { Authorization: `Bearer ${REVOKED_TOKEN}` } : {} });
    const email = accounts[caller];
    if (email) await signInByRequest(clients[caller], email);
  }
  return clients;
}
