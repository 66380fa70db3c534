import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The house's floors: app → server → db → lib, app → components → lib. Each zone names a floor and
// the floors it must not import from; tests are left out (a test may reach any floor it checks).
const FLOORS = {
  lib: ["app", "components", "server", "db"],
  db: ["app", "components", "server"],
  server: ["app", "components"],
  components: ["app", "server", "db"],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "next-env.d.ts", "node_modules/**", "data/**", ".e2e-data/**", "test-results/**", "playwright-report/**", "bench/**", "docs/**"]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // The data layer is asynchronous: a query left without await would let a request answer
      // before its write, or read a Promise as if it were a row.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      // A leading underscore names what is left out on purpose (a field dropped from a copy).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            ...Object.entries(FLOORS).map(([target, from]) => ({
              target: `./${target}`,
              from: from.map((floor) => `./${floor}`),
              message: `${target}/ may not import from ${from.join(", ")}/: imports run app → server → db → lib and app → components → lib.`,
            })),
            {
              // The data layer's internals: the engine and the counting of records serve its capability
              // groups (figures, data-entry, framework, projects, registry, trainings, users, audit) only.
              target: ["./app", "./server"],
              from: ["./db/engine", "./db/records"],
              message: "Use the data layer through its capability groups (db/figures, db/data-entry, ...) and getDb(): its engine and record counting are its own.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/*.test.tsx", "e2e/**", "db/test-support/**", "db/test-database.ts"],
    rules: { "import/no-restricted-paths": "off" },
  },
]);
