import path from "node:path";
import { describe, expect, it } from "vitest";
import { layerViolations, violationsIn } from "./layers";

describe("the import directions", () => {
  it("hold everywhere in the tree: no import runs upward or sideways", () => {
    expect(layerViolations(path.resolve(import.meta.dirname, ".."))).toEqual([]);
  });

  it("catch a component that reaches the database or a route's actions, and a rule that reaches a query", () => {
    expect(violationsIn("components/x/table.tsx", 'import type { Row } from "@/db/queries/rows";')).toEqual([{ file: "components/x/table.tsx", imports: "@/db/queries/rows", from: "components", to: "db" }]);
    expect(violationsIn("components/x/form.tsx", 'import { save } from "@/app/(app)/x/actions";')).toHaveLength(1);
    expect(violationsIn("lib/x/rule.ts", 'import { q } from "../../db/queries/q";')).toEqual([{ file: "lib/x/rule.ts", imports: "../../db/queries/q", from: "lib", to: "db" }]);
    expect(violationsIn("db/queries/q.ts", 'import { getTranslator } from "@/server/i18n";')).toHaveLength(1);
    expect(violationsIn("lib/x.ts", 'import "@/server/setup";\nconst later = import("../db/client");')).toHaveLength(2);
  });

  it("let each floor import downward", () => {
    expect(violationsIn("app/page.tsx", 'import { a } from "@/server/a";\nimport { b } from "@/db/b";\nimport { c } from "@/components/c";\nimport { d } from "@/lib/d";')).toEqual([]);
    expect(violationsIn("server/api/x.ts", 'import { q } from "../../db/queries/q";\nimport { f } from "@/lib/f";')).toEqual([]);
    expect(violationsIn("components/x.tsx", 'import { y } from "./y";\nimport { f } from "@/lib/f";\nimport React from "react";')).toEqual([]);
  });
});
