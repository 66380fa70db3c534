import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "../../lib/auth/permissions";
import { projects, users } from "../tables";
import { demoDatabaseForTests } from "../test-database";
import { AccessDeniedError } from "../errors";
import { assertSees, may, projectsWhere, visibleAmong } from "./viewer";

const demo = demoDatabaseForTests();

describe("may", () => {
  it("answers for one project as projectsWhere lists them, for every user, and no for a project that does not exist", async () => {
    const ids = [...(await demo.db.select({ id: projects.id }).from(projects)).map((p) => p.id), 999_999];
    for (const { email } of await demo.db.select({ email: users.email }).from(users)) {
      const ctx = demo.as(email);
      const [visible, entered] = [await projectsWhere(ctx, "see"), await projectsWhere(ctx, "enter")];
      for (const id of ids) {
        expect(await may(ctx, "see", id), `${email} sees project ${id}`).toBe(visible.includes(id));
        expect(await may(ctx, "enter", id), `${email} enters project ${id}`).toBe(entered.includes(id));
      }
    }
  });

  it("picks out of a list the projects each user sees, as projectsWhere lists them, and refuses a list with one they do not", async () => {
    const ids = (await demo.db.select({ id: projects.id }).from(projects)).map((p) => p.id).reverse();
    for (const { email } of await demo.db.select({ email: users.email }).from(users)) {
      const ctx = demo.as(email);
      const visible = await projectsWhere(ctx, "see");
      expect(await visibleAmong(ctx, ids), email).toEqual(ids.filter((id) => visible.includes(id)));
      const hidden = ids.find((id) => !visible.includes(id));
      if (hidden !== undefined) await expect(assertSees(ctx, [...visible, hidden]), email).rejects.toThrow(AccessDeniedError);
      await expect(assertSees(ctx, visible), email).resolves.toBeUndefined();
    }
  });

  it("gives a donor nothing but seeing what their organisation funds, and the manager of Phase IV every project action there", async () => {
    const [p4] = await demo.db.select({ id: projects.id }).from(projects).where(eqCode("RW-REINT-P4"));
    const [drc] = await demo.db.select({ id: projects.id }).from(projects).where(eqCode("CD-HSEC-NK"));
    const japan = demo.as("donor.japan@baseline.test");
    const allowed = async (ctx: ReturnType<typeof demo.as>, id: number) => (await Promise.all(ACTIONS.map(async (a) => ((await may(ctx, a, id)) ? a : null)))).filter(Boolean);
    expect(await allowed(japan, p4!.id)).toEqual(["see"]);
    expect(await allowed(japan, drc!.id)).toEqual([]);
    expect(await allowed(demo.as("manager@baseline.test"), p4!.id)).toEqual([
      "see",
      "see_unapproved",
      "enter",
      "manage_framework",
      "see_records",
      "review_duplicates",
      "submit",
      "approve",
    ]);
    expect(await allowed(demo.as("admin@baseline.test"), p4!.id)).toEqual([
      "see",
      "see_unapproved",
      "enter",
      "manage_framework",
      "see_records",
      "review_duplicates",
      "approve",
      "reopen",
      "create_project",
      "administer",
    ]);
    expect(await allowed(demo.as("staff@baseline.test"), p4!.id)).toEqual(["see", "see_unapproved"]);
  });
});

function eqCode(code: string) {
  return eq(projects.code, code);
}
