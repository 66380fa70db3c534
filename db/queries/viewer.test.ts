import { describe, expect, it } from "vitest";
import { projects, users } from "../schema";
import { demoDatabaseForTests } from "../test-database";
import { canSeeProject, visibleProjectIds } from "./viewer";

const demo = demoDatabaseForTests();

describe("canSeeProject", () => {
  it("answers as visibleProjectIds for every user and project, and no for a project that does not exist", () => {
    const ids = [...demo.db.select({ id: projects.id }).from(projects).all().map((p) => p.id), 999_999];
    for (const { email } of demo.db.select({ email: users.email }).from(users).all()) {
      const ctx = demo.as(email);
      const visible = visibleProjectIds(ctx);
      for (const id of ids) expect(canSeeProject(ctx, id), `${email} project ${id}`).toBe(visible.includes(id));
    }
  });
});
