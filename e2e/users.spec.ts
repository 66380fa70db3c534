import { expect, test } from "@playwright/test";
import { ACCOUNTS, signInByRequest, signInWithForm } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";
import { addPerson, appDatabase } from "./support/database";

const as = apiClients();

// Times on the audit trail are the reader's: a browser in Kigali sees Kigali time.
test.use({ timezoneId: "Africa/Kigali" });

test("an admin disables an account on the users page, after a confirmation: its session and its tokens stop at once", async ({ page, playwright }) => {
  const db = appDatabase();
  await addPerson(db, { email: "temporary@baseline.test", name: "Temporary staff member", role: "staff" });
  await db.close();
  const temporary = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  await signInByRequest(temporary, "temporary@baseline.test");
  expect((await temporary.get("/api/v1/projects")).status()).toBe(200);

  await page.goto("/admin/users");
  await signInWithForm(page, ACCOUNTS.admin);
  const row = page.getByRole("row", { name: /Temporary staff member/ });
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Disable" }).click();
  const dialog = page.getByRole("dialog", { name: "Disable the account of Temporary staff member?" });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await temporary.get("/api/v1/projects")).status()).toBe(200);
  await row.getByRole("button", { name: "Disable" }).click();
  await dialog.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByRole("status")).toHaveText("Done; their sessions have ended.");
  expect((await temporary.get("/api/v1/projects")).status()).toBe(401);
  await page.reload();
  await expect(page.getByRole("row", { name: /Temporary staff member/ }).getByRole("button", { name: "Enable again" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Temporary staff member/ }).getByText(/^Disabled on /)).toBeVisible();

  // An admin's own account cannot be disabled.
  const own = page.getByRole("row", { name: /admin@baseline.test/ });
  await own.getByRole("button", { name: "Disable" }).click();
  await page.getByRole("dialog", { name: /Disable the account of/ }).getByRole("button", { name: "Disable" }).click();
  await expect(own.getByRole("status")).toContainText("You cannot disable yourself");
  await temporary.dispose();

  // The audit trail says it in a sentence, at the reader's time, with the raw entry one click away.
  await page.goto("/audit?action=user");
  const entry = page.getByRole("row").filter({ hasText: "disabled the account of Temporary staff member" });
  await expect(entry).toHaveCount(1);
  await expect(page.getByText("Times in Africa/Kigali")).toBeVisible();
  const shown = await entry.locator("time").getAttribute("datetime");
  const kigali = new Date(new Date(shown as string).getTime() + 2 * 3600_000).toISOString();
  await expect(entry.locator("time")).toContainText(kigali.slice(11, 19));
  await entry.getByText("Raw details").click();
  await expect(entry.getByText("user.disable")).toBeVisible();
  const csv = await (await page.request.get((await page.getByRole("link", { name: "Download these entries (CSV)" }).getAttribute("href")) as string)).text();
  expect(csv.split("\r\n")[0]).toBe("\uFEFFWhen (UTC),Person,Action,Project,What,Details");
  expect(csv).toContain(`${shown},Demo administrator,user.disable,,Demo administrator disabled the account of Temporary staff member,{}`);
  expect(csv).not.toContain("data_value.");
});

test("a disabled person who types the right password is told whom to ask; a wrong password gets the usual message", async ({ page }) => {
  await page.goto("/login");
  await signInWithForm(page, "temporary@baseline.test");
  const said = page.getByRole("alert").filter({ hasText: /./ });
  await expect(said).toHaveText("This account is disabled. Ask an administrator of Baseline in your organisation to enable it.");
  await signInWithForm(page, "temporary@baseline.test", undefined, "not the password at all");
  await expect(said).toHaveText("The e-mail or the password is wrong. Check both and try again; after ten wrong tries, an account waits 15 minutes.");
});

test("an admin adds a manager with a project; the one-time link sets the password; the manager finds their project and is named on it", async ({ page, browser }) => {
  await page.goto("/admin/users");
  await signInWithForm(page, ACCOUNTS.admin);
  const form = page.getByRole("group", { name: "Add a person" });
  await form.getByLabel("Name").fill("Grace Ingabire");
  await form.getByLabel("E-mail").fill("grace.ingabire@iom.example");
  await form.getByLabel("Role").selectOption("manager");
  await form.getByLabel("Language").selectOption("fr");
  await form.getByRole("checkbox", { name: /^RW-REINT-P4 / }).check();
  await form.getByRole("button", { name: "Add and make a sign-in link" }).click();
  await expect(form.getByText("Grace Ingabire is added.", { exact: false })).toBeVisible();
  const link = (await form.locator("code").textContent())!;
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/welcome\/[\w-]{40,}$/);
  await page.reload();
  await expect(page.getByRole("row", { name: /Grace Ingabire/ }).getByText(/^Invited: link valid until /)).toBeVisible();

  const context = await browser.newContext({ locale: "fr-FR" });
  const newcomer = await context.newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByText("Ce lien est destiné à Grace Ingabire (grace.ingabire@iom.example).", { exact: false })).toBeVisible();
  await newcomer.getByLabel("Mot de passe (12 caractères ou plus)").fill("rubavu returnees 2026");
  await newcomer.getByLabel("Le même mot de passe, à nouveau").fill("rubavu returnees 2026");
  await newcomer.getByRole("button", { name: "Enregistrer mon mot de passe" }).click();
  await expect(newcomer.getByRole("status")).toHaveText("Votre mot de passe est enregistré. Ce lien ne fonctionne plus.");
  await newcomer.getByRole("link", { name: "Se connecter" }).click();
  await signInWithForm(newcomer, "grace.ingabire@iom.example", { email: "E-mail", password: "Mot de passe", submit: "Se connecter" }, "rubavu returnees 2026");
  await expect(newcomer.getByRole("heading", { level: 1, name: "Projets" })).toBeVisible();
  await newcomer.goto("/projects/RW-REINT-P4");
  await expect(newcomer.getByText("Géré par")).toBeVisible();
  await expect(newcomer.locator("dd", { hasText: "Grace Ingabire" })).toContainText("Demo programme manager");
  expect((await newcomer.goto("/projects/CD-HSEC-NK/entry"))?.status()).toBe(404);
  // Used up: the link no longer works.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("alert").filter({ hasText: /./ })).toHaveText("Ce lien n’est plus valable\u202f: demandez-en un nouveau à un administrateur.");
  await context.close();
});

test("the people API, for admins: list, add with a sign-in link, give and take back projects, disable", async () => {
  const admin = await as(ACCOUNTS.admin);
  const staff = await as(ACCOUNTS.staff);
  expect((await staff.get("/api/v1/users")).status()).toBe(403);
  expect((await staff.post("/api/v1/users", { data: { name: "X", email: "x@example.org", role: "staff", language: "en" } })).status()).toBe(403);

  const refused = await admin.post("/api/v1/users", { data: { name: "Eric", email: "eric@iom.example", role: "donor", language: "en" } });
  expect(refused.status()).toBe(422);
  expect(await refused.json()).toMatchObject({ errors: [{ field: "organisation", code: "organisation_required" }] });
  const created = await admin.post("/api/v1/users", { data: { name: "Eric Nkurunziza", email: "eric@iom.example", role: "manager", language: "en", projects: ["CD-HSEC-NK"] } });
  expect(created.status()).toBe(201);
  const person = (await created.json()) as { id: number; signInLink: string; signInLinkExpiresAt: string; projects: string[]; state: string };
  expect(person).toMatchObject({ projects: ["CD-HSEC-NK"], state: "invited", signInLink: expect.stringMatching(/\/welcome\/[\w-]{40,}$/) });
  expect(Date.parse(person.signInLinkExpiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
  const listed = await getJson<{ data: { email: string; projects: string[] }[] }>(admin, "/api/v1/users");
  expect(listed.data.find((u) => u.email === "eric@iom.example")).toMatchObject({ projects: ["CD-HSEC-NK"] });

  const patched = await admin.patch(`/api/v1/users/${person.id}`, { data: { projects: ["RW-REINT-P4"] } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ projects: ["RW-REINT-P4"] });
  const disabled = await admin.patch(`/api/v1/users/${person.id}`, { data: { disabled: true } });
  expect(await disabled.json()).toMatchObject({ state: "disabled" });
  const me = listed.data.find((u) => u.email === ACCOUNTS.admin) as unknown as { id: number };
  const self = await admin.patch(`/api/v1/users/${me.id}`, { data: { disabled: true } });
  expect(self.status()).toBe(422);
  expect(((await self.json()) as { detail: string }).detail).toContain("You cannot disable yourself");
  expect((await admin.patch("/api/v1/users/999999", { data: { disabled: true } })).status()).toBe(404);
});
