import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const APP = path.resolve(import.meta.dirname, "../../app");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route handler of the app, read from the files: its address in OpenAPI's form and its methods. */
function appRoutes(): { path: string; methods: string[] }[] {
  const files = fs.readdirSync(APP, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  return files.map((file) => {
    const address = `/${path.dirname(file)}`
      .split(path.sep)
      .join("/")
      .replace(/\/\([^)]+\)/g, "")
      .replace(/\[\.\.\.([^\]]+)\]/g, "{$1}")
      .replace(/\[([^\]]+)\]/g, "{$1}");
    const source = fs.readFileSync(path.join(APP, file), "utf8");
    const methods = METHODS.filter((m) => new RegExp(`export (async )?function ${m}\\b|export const ${m}\\b|as ${m}\\b`).test(source));
    return { path: address, methods: methods.map((m) => m.toLowerCase()) };
  });
}

describe("the OpenAPI document", () => {
  const document = openApiDocument("http://localhost:3000");
  const paths = document.paths as Record<string, Record<string, unknown>>;

  it("describes every route of the app with each of its methods, and nothing else", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      expect(paths[route.path], route.path).toBeDefined();
      for (const method of route.methods) expect(paths[route.path]?.[method], `${method.toUpperCase()} ${route.path}`).toBeDefined();
    }
    expect(Object.keys(paths).sort()).toEqual(routes.map((r) => r.path).sort());
    for (const [address, item] of Object.entries(paths)) {
      const documented = Object.keys(item).filter((k) => (METHODS as readonly string[]).includes(k.toUpperCase()));
      expect(documented.sort(), address).toEqual(routes.find((r) => r.path === address)?.methods.sort());
    }
  });

  it("is OpenAPI 3.1 whose references all resolve and whose path parameters are all declared", () => {
    expect(document.openapi).toBe("3.1.0");
    const text = JSON.stringify(document);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) expect(document.components.schemas, name).toHaveProperty(name!);
    for (const [address, item] of Object.entries(paths)) {
      const shared = (item.parameters as { name: string; in: string }[] | undefined) ?? [];
      for (const [method, operation] of Object.entries(item).filter(([k]) => k !== "parameters")) {
        const declared = [...shared, ...((operation as { parameters?: { name: string; in: string }[] }).parameters ?? [])].filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), `${method} ${address}`).toEqual([...address.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort());
      }
    }
  });
});
