import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInByRequest, signInWithForm } from "./support/accounts";

test("an admin disables an account on the users page: its session and its tokens stop at once", async ({ page, playwright }) => {
  // An account of its own, so that no other test loses its user.
  const db = new Database(".e2e-data/baseline.db");
  const hash = (db.prepare("SELECT password_hash AS h FROM users WHERE email = ?").get(ACCOUNTS.staff) as { h: string }).h;
  db.prepare("INSERT OR IGNORE INTO users (email, name, password_hash, role, created_at) VALUES ('temporary@baseline.test', 'Temporary staff member', ?, 'staff', '2026-11-23')").run(hash);
  db.close();
  const temporary = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInByRequest(temporary, "temporary@baseline.test");
  expect((await temporary.get("/api/v1/projects")).status()).toBe(200);

  await page.goto("/admin/users");
  await signInWithForm(page, ACCOUNTS.admin);
  const row = page.getByRole("row", { name: /Temporary staff member/ });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toHaveText("Done; their sessions have ended.");
  expect((await temporary.get("/api/v1/projects")).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("row", { name: /Temporary staff member/ }).getByRole("button", { name: "Enable again" })).toBeVisible();

  // An admin's own account cannot be disabled from here.
  const own = page.getByRole("row", { name: /admin@baseline.test/ });
  await own.getByRole("button", { name: "Disable" }).click();
  await expect(own.getByRole("status")).toContainText("You cannot disable yourself");
  await temporary.dispose();
});
