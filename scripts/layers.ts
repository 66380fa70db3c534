import fs from "node:fs";
import path from "node:path";

// The house's floors and which may import which: app → server → db → lib, app → components → lib.
// Nothing imports upward or sideways (a component never reaches the server or the database).
export const LAYERS = ["app", "components", "server", "db", "lib"] as const;
type Layer = (typeof LAYERS)[number];

export const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  app: ["app", "components", "server", "db", "lib"],
  components: ["components", "lib"],
  server: ["server", "db", "lib"],
  db: ["db", "lib"],
  lib: ["lib"],
};

export type Violation = { file: string; imports: string; from: Layer; to: Layer };

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g;

/** The floor a path of the tree is on (its first folder), or null outside the house. */
export function layerOf(relativePath: string): Layer | null {
  const top = relativePath.split("/")[0] as Layer;
  return (LAYERS as readonly string[]).includes(top) ? top : null;
}

/** The imports of one file that run against the directions: `@/x` and relative specifiers are read. */
export function violationsIn(file: string, source: string): Violation[] {
  const from = layerOf(file);
  if (!from) return [];
  const found: Violation[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2] ?? match[3] ?? "";
    const target = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null;
    const to = target === null ? null : layerOf(target);
    if (to && !MAY_IMPORT[from].includes(to)) found.push({ file, imports: specifier, from, to });
  }
  return found;
}

/** Every violation in the tree under `root`, test files left out (a test may reach any floor it checks). */
export function layerViolations(root: string): Violation[] {
  return LAYERS.flatMap((layer) =>
    fs
      .readdirSync(path.join(root, layer), { recursive: true, encoding: "utf8" })
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .flatMap((f) => {
        const file = path.posix.join(layer, f.split(path.sep).join("/"));
        return violationsIn(file, fs.readFileSync(path.join(root, file), "utf8"));
      }),
  );
}
