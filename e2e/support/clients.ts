import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { signInByRequest } from "./accounts";

/** Signed-in API clients, one per account, made on first use and disposed after the file's tests. */
export function apiClients() {
  const clients = new Map<string, APIRequestContext>();
  test.afterAll(async () => {
    for (const client of clients.values()) await client.dispose();
    clients.clear();
  });
  return async function as(email: string): Promise<APIRequestContext> {
    const existing = clients.get(email);
    if (existing) return existing;
    const client = await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL });
    await signInByRequest(client, email);
    clients.set(email, client);
    return client;
  };
}

/** The JSON of a GET; errors are problem details (RFC 9457) with their own media type. */
export async function getJson<T>(client: APIRequestContext, path: string, status = 200): Promise<T> {
  const response = await client.get(path);
  expect(response.status(), path).toBe(status);
  expect(response.headers()["content-type"]).toBe(status < 400 ? "application/json" : "application/problem+json");
  return (await response.json()) as T;
}

/** The problem details of an error answer. */
export type Problem = { type: string; title: string; status: number; detail: string };
