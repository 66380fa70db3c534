import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Demo mode's session secret: generated on first start and kept beside the database, so sessions
 * survive a restart. Production mode never uses it: it requires NEXTAUTH_SECRET.
 */
export function demoSecret(databasePath: string): string {
  const file = path.join(path.dirname(path.resolve(databasePath)), "demo-auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
