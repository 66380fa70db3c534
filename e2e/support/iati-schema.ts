import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/** Where the official IATI 2.03 schema is: IATI_SCHEMA_DIR, else ../shared/iati/xsd. */
export const IATI_SCHEMA_DIR = process.env.IATI_SCHEMA_DIR ?? path.resolve(process.cwd(), "../shared/iati/xsd");
export const hasIatiSchema = () => fs.existsSync(path.join(IATI_SCHEMA_DIR, "iati-activities-schema.xsd"));

// xmllint-wasm runs libxml2 in a worker thread, which the test runner's module loader would load as
// an ES module: it runs in a plain Node process of its own instead.
const VALIDATE = `
const fs = require("node:fs"), path = require("node:path");
const { validateXML } = require("xmllint-wasm");
const dir = process.argv[1];
const read = (name) => ({ fileName: name, contents: fs.readFileSync(path.join(dir, name), "utf8") });
validateXML({ xml: [{ fileName: "activities.xml", contents: fs.readFileSync(0, "utf8") }], schema: [read("iati-activities-schema.xsd")], preload: [read("iati-common.xsd"), read("xml.xsd")] })
  .then((r) => process.stdout.write(JSON.stringify(r.errors.map((e) => e.rawMessage))));
`;

/** The schema's complaints about an IATI file; none when it is valid. */
export function iatiSchemaErrors(xml: string): string[] {
  const out = execFileSync(process.execPath, ["-e", VALIDATE, IATI_SCHEMA_DIR], { input: xml, cwd: process.cwd(), encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  return JSON.parse(out) as string[];
}
