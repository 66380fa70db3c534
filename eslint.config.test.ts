import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint holds the house's directions: each case lints a real file of a floor with new text, the
// way an editor does, and reads which rules fire.
const eslint = new ESLint({ cwd: import.meta.dirname });

async function rulesFiredBy(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(import.meta.dirname, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe("the lint", () => {
  it("fails a component that reaches the database, the server or a route's actions", async () => {
    expect(await rulesFiredBy("components/ui/words.ts", 'import { getDb } from "@/db";\nexport const x = getDb;\n')).toContain("import/no-restricted-paths");
    expect(await rulesFiredBy("components/ui/words.ts", 'import { getLanguage } from "../../server/i18n";\nexport const x = getLanguage;\n')).toContain(
      "import/no-restricted-paths",
    );
  }, 30_000);

  it("fails a pure rule that reaches the data layer, and a query that reaches the request", async () => {
    expect(await rulesFiredBy("lib/periods/period.ts", 'import { getDb } from "../../db";\nexport const x = getDb;\n')).toContain("import/no-restricted-paths");
    expect(await rulesFiredBy("db/index.ts", 'import { getLanguage } from "@/server/i18n";\nexport const x = getLanguage;\n')).toContain("import/no-restricted-paths");
  }, 30_000);

  it("keeps the data layer's internals to itself", async () => {
    expect(await rulesFiredBy("server/i18n.ts", 'import { countReach } from "@/db/records/reach-counts";\nexport const x = countReach;\n')).toContain("import/no-restricted-paths");
    expect(await rulesFiredBy("app/layout.tsx", 'import { openDatabase } from "../db/engine/sqlite";\nexport const x = openDatabase;\n')).toContain("import/no-restricted-paths");
  }, 30_000);

  it("lets each floor import downward", async () => {
    const page =
      'import { getLanguage } from "@/server/i18n";\nimport { getDb } from "@/db";\nimport { formatNumber } from "@/lib/i18n/format";\nexport const x = [getLanguage, getDb, formatNumber];\n';
    expect(await rulesFiredBy("app/layout.tsx", page)).not.toContain("import/no-restricted-paths");
    expect(await rulesFiredBy("server/i18n.ts", 'import { getDb } from "@/db";\nexport const x = getDb;\n')).toEqual([]);
  }, 30_000);
});
