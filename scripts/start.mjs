import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";

// `npm start` (`npm run dev` with --dev): scripts/prepare.ts checks the configuration, migrates the
// database and builds the app when needed, in a process of its own that ends; this launcher then
// serves the app as it said, and stays beside the server for its signals and exit code. It is plain
// Node, without the TypeScript loader and the database code, so that it holds about 40 MB beside
// the server instead of 150.

const dev = process.argv.includes("--dev");
const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/prepare.ts", ...(dev ? ["--dev"] : [])], {
  stdio: ["inherit", "inherit", "inherit", "pipe"],
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

/** @type {import("./prepare").ServerLaunch} */
const launch = JSON.parse(String(prepared.output[3]));
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [...launch.node, nextBin, ...launch.next], { stdio: "inherit", env: launch.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
