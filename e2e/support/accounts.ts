import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "baseline-demo";

export const ACCOUNTS = {
  admin: "admin@baseline.test",
  manager: "manager@baseline.test",
  manager2: "manager2@baseline.test",
  staff: "staff@baseline.test",
  donorJapan: "donor.japan@baseline.test",
  donorNetherlands: "donor.netherlands@baseline.test",
} as const;

/** Signs in through next-auth's CSRF and credentials endpoints, as a script would. */
export async function signInByRequest(request: APIRequestContext, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  const state = await request.storageState();
  expect(state.cookies.some((c) => c.name.endsWith("next-auth.session-token")), `session of ${email}`).toBe(true);
}

/**
 * Opens `path` signed in as `email`, the session made through the API in the page's own context:
 * for tests of what a page shows, about two seconds a test quicker than the form, which
 * e2e/sign-in.spec.ts and the tests of a return to a filtered page after signing in go through.
 */
export async function openSignedIn(page: Page, email: string, path: string): Promise<void> {
  await signInByRequest(page.request, email);
  await page.goto(path);
}

/** Signs in through the form, as a person would. */
export async function signInWithForm(page: Page, email: string, labels = { email: "Email", password: "Password", submit: "Sign in" }, password = DEMO_PASSWORD) {
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}
