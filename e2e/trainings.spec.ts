import { expect, test } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

const as = apiClients();

test("the cascade counts 184 trainers apart from the people they trained", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.donorJapan, "/projects/RW-REINT-P4/trainings");
  await expect(page.getByText(/^184 trainers trained; [\d,]+ people trained$/)).toBeVisible();
  await expect(page.getByRole("row", { name: /Training of trainers, Southern Province \(cohort 1\)/ }).getByRole("cell").first()).toHaveText("82");
  await expect(page.getByRole("link", { name: "Register a training" })).toHaveCount(0);
});

test("a manager registers a training; people already trained are counted once, unknown IDs are refused", async ({ page }) => {
  await openSignedIn(page, ACCOUNTS.manager, "/projects/RW-REINT-P4/trainings");
  const totals = page.getByText(/^184 trainers trained; [\d,]+ people trained$/);
  const before = await totals.textContent();

  await page.getByRole("link", { name: "Register a training" }).click();
  await page.getByLabel("Title").fill("Business skills refresher, Musanze");
  await page.getByLabel("Topic or trade").selectOption("business_skills");
  await page.getByLabel("Location").selectOption({ label: "Musanze" });
  await page.getByLabel("Start date").fill("2026-09-07");
  await page.getByLabel("End date").fill("2026-09-11");
  await page.getByLabel("Delivered by the trainers of").selectOption({ label: "Training of trainers, Northern Province (cohort 3)" });
  await page.getByLabel("Female, 18 to 35", { exact: true }).fill("1");
  await page.getByLabel("Male, 18 to 35", { exact: true }).fill("1");
  await page.getByLabel("Roster: beneficiary IDs, one per line (optional)").fill("RW-008141\nRW-999999");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some IDs are not in the project's beneficiary registry." })).toBeVisible();

  await page.getByLabel("Roster: beneficiary IDs, one per line (optional)").fill("RW-008141\nRW-008142");
  await page.getByRole("button", { name: "Save" }).click();
  // The list confirms the save and points at the training, marked among the others.
  await expect(page).toHaveURL(/\/trainings\?saved=\d+#training-\d+$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Training “Business skills refresher, Musanze” saved: 2 participants in Musanze. Show it in the list");
  const saved = page.getByRole("row", { name: /Business skills refresher, Musanze/ });
  await expect(saved).toContainText("2 IDs");
  await expect(saved).toHaveClass("just-saved");
  await expect(saved).toBeInViewport();
  await expect(totals).toHaveText(before ?? "");
});

test("the trainings are in the API too, as each caller sees them", async () => {
  const donor = await as(ACCOUNTS.donorJapan);
  const answer = await getJson<{ project: string; approvedOnly: boolean; trainersTrained: number; peopleTrained: number; data: { title: string; kind: string; location: { code: string; name: string }; participants: number; deliveredBy: { title: string | null } | null }[] }>(donor, "/api/v1/projects/RW-REINT-P4/trainings");
  expect(answer).toMatchObject({ project: "RW-REINT-P4", approvedOnly: true, trainersTrained: 184 });
  const cohort = answer.data.find((t) => t.title === "Training of trainers, Southern Province (cohort 1)");
  expect(cohort).toMatchObject({ kind: "training_of_trainers", participants: 82, deliveredBy: null });
  expect(answer.data.some((t) => t.deliveredBy?.title === "Training of trainers, Southern Province (cohort 1)")).toBe(true);
  // Everyone else sees them as they are; the other donor sees nothing of Phase IV.
  expect((await getJson<{ approvedOnly: boolean }>(await as(ACCOUNTS.staff), "/api/v1/projects/RW-REINT-P4/trainings")).approvedOnly).toBe(false);
  await getJson(await as(ACCOUNTS.donorNetherlands), "/api/v1/projects/RW-REINT-P4/trainings", 404);
});
