import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What the production build is made from. `npm start` rebuilds when it changed, so that a
// `git pull` followed by `npm start` never serves yesterday's build.
const SOURCES = ["app", "components", "db", "lib", "messages", "public", "proxy.ts", "next.config.js", "tsconfig.json", "package-lock.json"];
const SKIP = /(^|\/)(node_modules|\.next)(\/|$)|\.test\.tsx?$/;

function listFiles(root: string, entry: string): string[] {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(root, path.join(entry, name)))
    .filter((file) => !SKIP.test(file));
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((entry) => listFiles(root, entry))) {
    hash.update(file).update("\0").update(fs.readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

const FINGERPRINT_FILE = path.join(".next", "baseline-source-fingerprint");

/** True when there is no production build, or it was built from other sources. */
export function buildIsStale(root: string): boolean {
  const recorded = path.join(root, FINGERPRINT_FILE);
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")) || !fs.existsSync(recorded)) return true;
  return fs.readFileSync(recorded, "utf8") !== sourceFingerprint(root);
}

export function recordBuild(root: string): void {
  fs.writeFileSync(path.join(root, FINGERPRINT_FILE), sourceFingerprint(root));
}
