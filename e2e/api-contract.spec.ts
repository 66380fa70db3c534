import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS, openSignedIn } from "./support/accounts";
import { apiClients, getJson } from "./support/clients";

const as = apiClients();
type Parameter = { name: string; in: string; required?: boolean; example?: string };
type Operation = { security?: unknown[]; parameters?: Parameter[]; responses: Record<string, { content?: Record<string, unknown> }> };
type Document = { paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }> };

async function bearerClient(token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
}

/** A token made through the settings page, as its user would make it. */
async function makeToken(page: import("@playwright/test").Page, email: string, name: string): Promise<string> {
  await openSignedIn(page, email, "/settings");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Make a token" }).click();
  const token = (await page.getByTestId("new-token").textContent()) ?? "";
  expect(token).toMatch(/^bl_/);
  return token;
}

test("a donor's token sees what the donor sees, and nothing once revoked", async ({ page }) => {
  const token = await makeToken(page, ACCOUNTS.donorJapan, "Power BI");
  await expect(page.getByRole("row", { name: /Power BI/ })).toContainText(token.slice(0, 10));
  const client = await bearerClient(token);
  const session = await as(ACCOUNTS.donorJapan);
  expect(await getJson(client, "/api/v1/projects")).toEqual(await getJson(session, "/api/v1/projects"));
  expect(await getJson(client, "/api/v1/projects/RW-REINT-P4")).toEqual(await getJson(session, "/api/v1/projects/RW-REINT-P4"));
  await getJson(client, "/api/v1/projects/CD-HSEC-NK", 404);
  expect((await client.put("/api/v1/data-values", { data: [{ indicatorId: 1, period: "2026Q4", locationCode: "RW-05-HUY", value: 1 }] })).status()).toBe(403);

  await page.reload();
  await page.getByRole("row", { name: /Power BI/ }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByRole("row", { name: /Power BI/ })).toContainText("Revoked on");
  const refused = await getJson<{ type: string }>(client, "/api/v1/projects", 401);
  expect(refused.type).toBe("/api/v1/problems/unauthorized");
  await client.dispose();
});

test("every operation of the OpenAPI document answers as it says", async ({ page }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
  const document = await getJson<Document>(anonymous, "/api/v1/openapi.json");
  const token = await makeToken(page, ACCOUNTS.staff, "contract test");
  const staff = await bearerClient(token);
  let checked = 0;
  for (const [address, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item).filter(([k]) => k !== "parameters") as [string, Operation][]) {
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      const url = address.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parameters.find((p) => p.name === name)?.example ?? "x"));
      const search = new URLSearchParams(parameters.filter((p) => p.in === "query" && p.required).map((p) => [p.name, p.example ?? ""])).toString();
      const target = search ? `${url}?${search}` : url;
      const secured = operation.security === undefined;
      if (secured) {
        const response = await anonymous.fetch(target, { method, maxRedirects: 0 });
        expect(response.status(), `${method} ${target} without a token`).toBe(401);
        expect(response.headers()["content-type"]).toBe("application/problem+json");
      }
      if (method !== "get") continue;
      const response = await (secured ? staff : anonymous).get(target, { maxRedirects: 0 });
      const status = String(response.status());
      expect(Object.keys(operation.responses), `GET ${target} answered ${status}`).toContain(status);
      const mediaType = (response.headers()["content-type"] ?? "").split(";")[0]!;
      const documented = Object.keys(operation.responses[status]?.content ?? {});
      if (documented.length > 0) expect(documented, `GET ${target}`).toContain(mediaType);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(15);
  await staff.dispose();
  await anonymous.dispose();
});

test("the API reference is readable at /api/docs, linked from the settings, with no network beyond the app", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") refused.push(message.text());
  });
  page.on("request", (request) => {
    if (!request.url().startsWith(test.info().project.use.baseURL ?? "")) refused.push(`outside request: ${request.url()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  await openSignedIn(page, ACCOUNTS.donorJapan, "/settings");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/api\/docs$/);
  // Swagger UI draws the OpenAPI document: the operations with their paths, the trainings among them.
  // Its bundle is 1.7 MB: with both halves of the tests on two cores, evaluating it took 3.6 s and
  // drawing the document after it more than the 6 s left of the usual 10 (2 December).
  const trainings = page.locator(".opblock-get", { hasText: "/api/v1/projects/{ref}/trainings" });
  await expect(trainings).toBeVisible({ timeout: 30_000 });
  await trainings.locator(".opblock-summary").click();
  // Opened, it lists its parameters: the project and the approved-only filter.
  await expect(trainings.locator(".parameters .parameter__name")).toHaveText([/^ref/, /^status/]);
  expect(refused).toEqual([]);
});
