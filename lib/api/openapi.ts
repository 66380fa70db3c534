import { TRAINING_KINDS } from "../domain/codes";
import { AUDIT_ACTION_GROUPS } from "../validation/audit-filters";
import { MAX_LIMIT } from "./pagination";
import { PROBLEM_TYPES } from "./problem-types";

// The OpenAPI 3.1 description of every route of the app, served at /api/v1/openapi.json. A test
// reads the routes from app/ and fails for one that is not here; another calls each GET as written.

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Schema, description: string) => ({ description, content: { "application/json": { schema } } });
const file = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: { type: "string", format: "binary" } } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });

const refParam = (what: string, example: string) => ({ name: "ref", in: "path", required: true, description: `The ${what}'s id or code.`, schema: { type: "string" }, example });
const query = (name: string, schema: Schema, description: string, example?: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
  ...(example ? { example } : {}),
});
const required = (name: string, schema: Schema, description: string, example: string) => ({ name, in: "query", required: true, description, schema, example });

const PAGE_PARAMS = [
  query("limit", { type: "integer", minimum: 1, maximum: MAX_LIMIT }, `Items per page, at most ${MAX_LIMIT}.`),
  query("offset", { type: "integer", minimum: 0 }, "Items to skip: follow `next` rather than counting."),
];
const STATUS_PARAM = query("status", { type: "string", enum: ["approved"] }, "Approved figures only (donors never get anything else).");
const EXPORT_PARAMS = (kinds: string[]) => [
  query("kind", { type: "string", enum: kinds, default: "tracking" }, "Which table: the indicator tracking table, or a long-format one."),
  query("delimiter", { type: "string", enum: ["comma", "semicolon"], default: "comma" }, "Semicolons and decimal commas for French Excel."),
  STATUS_PARAM,
];

const PERIOD_PARAM = {
  name: "period",
  in: "path",
  required: true,
  description: "A reporting period of the project (2026Q3, 202609, 2026).",
  schema: { type: "string" },
  example: "2026Q3",
};

const COMMON_ERRORS = { "401": problem("No valid session or token."), "404": problem("Nothing the caller may see at this address.") };

const list = (item: Schema): Schema => ({
  type: "object",
  required: ["data", "next"],
  properties: { data: { type: "array", items: item }, next: { type: ["string", "null"], description: "Address of the next page; null on the last one." } },
});

const EXPORT_KINDS_PROJECT = ["tracking", "values", "trainings", "beneficiaries", "records"];
const EXPORT_KINDS_PROGRAMME = ["tracking", "values", "trainings", "beneficiaries"];

/** Every /api/v1 operation may also answer 500, and 503 while the database does not answer. */
function withFaults<T extends object>(paths: T): T {
  for (const [address, item] of Object.entries(paths) as [string, Record<string, { responses?: Record<string, unknown> }>][]) {
    if (!address.startsWith("/api/v1/")) continue;
    // Operations only: a path's shared `parameters` is a list.
    for (const operation of Object.values(item).filter((o) => !Array.isArray(o) && o.responses)) {
      operation.responses = {
        ...operation.responses,
        "500": problem("An error of the server, logged; the answer holds no detail of the code."),
        "503": problem("The database does not answer for a moment: send the request again after Retry-After seconds."),
      };
    }
  }
  return paths;
}

export function openApiDocument(serverUrl: string) {
  const project = refParam("project", "RW-REINT-P4");
  const programme = refParam("programme", "RW-REINT");
  return {
    openapi: "3.1.0",
    info: {
      title: "Baseline API",
      version: "1.0.0",
      description:
        "Projects, indicators, beneficiaries and trainings of humanitarian and development programmes. Every /api/v1 address takes a session cookie or a personal API token (Authorization: Bearer, made in the settings) and answers what its user may see. Errors are problem details (RFC 9457). Texts come in the caller's language (English or French).",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths: withFaults({
      "/api/health": {
        get: {
          summary: "Whether the app and its database answer, and which database engine it runs on.",
          security: [],
          responses: {
            "200": json({ type: "object", properties: { status: { const: "ok" }, engine: { type: "string", enum: ["sqlite", "postgresql"] } } }, "Healthy."),
            "503": json({ type: "object", properties: { status: { const: "unavailable" } } }, "The database does not answer."),
          },
        },
      },
      "/api/auth/{nextauth}": {
        parameters: [
          {
            name: "nextauth",
            in: "path",
            required: true,
            description: "next-auth's own addresses: csrf, session, providers, signin, signout, callback/credentials.",
            schema: { type: "string" },
            example: "csrf",
          },
        ],
        get: {
          summary: "Sign-in support (next-auth): the CSRF token, the session, the providers.",
          security: [],
          responses: { "200": json({ type: "object" }, "next-auth's answer.") },
        },
        post: {
          summary: "Sign in with e-mail and password (callback/credentials, form-encoded with the CSRF token) or sign out.",
          security: [],
          responses: { "200": json({ type: "object" }, "Signed in or out; the session cookie is set or cleared."), "302": { description: "Redirect after signing in or out." } },
        },
      },
      "/api/v1/openapi.json": { get: { summary: "This document.", security: [], responses: { "200": json({ type: "object" }, "OpenAPI 3.1.") } } },
      "/api/docs": {
        get: {
          summary: "This document to read: an API reference (Swagger UI) in the browser.",
          security: [],
          responses: { "200": { description: "An HTML page.", content: { "text/html": { schema: { type: "string" } } } } },
        },
      },
      "/api/docs/{file}": {
        get: {
          summary: "The API reference's stylesheet and scripts.",
          security: [],
          parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", enum: ["swagger-ui.css", "swagger-ui-bundle.js", "start.js"] }, example: "start.js" }],
          responses: {
            "200": { description: "The file.", content: { "text/css": { schema: { type: "string" } }, "text/javascript": { schema: { type: "string" } } } },
            "404": { description: "Not one of these files." },
          },
        },
      },
      "/manifest/{file}": {
        get: {
          summary: "The web app manifest in English or French: Baseline's name, icons and start page, for installing it.",
          security: [],
          parameters: [{ name: "file", in: "path", required: true, schema: { type: "string", enum: ["en.webmanifest", "fr.webmanifest"] }, example: "fr.webmanifest" }],
          responses: {
            "200": { description: "The manifest.", content: { "application/manifest+json": { schema: { type: "object" } } } },
            "404": { description: "Not one of these files." },
          },
        },
      },
      "/serwist/{path}": {
        get: {
          summary: "The service worker (built with Serwist) that keeps the app's files and the entry pages opened, for use without a connection; and its source map.",
          security: [],
          parameters: [{ name: "path", in: "path", required: true, schema: { type: "string", enum: ["sw.js", "sw.js.map"] }, example: "sw.js" }],
          responses: {
            "200": { description: "The script (Service-Worker-Allowed: /).", content: { "application/javascript": { schema: { type: "string" } } } },
            "404": { description: "Not one of these files." },
          },
        },
      },
      "/api/v1/portfolio": {
        get: {
          summary: "The portfolio: unique beneficiaries, people trained and active projects counted once, and each project's main target.",
          parameters: [
            query("country", { type: "string", pattern: "^[A-Z]{2}$" }, "ISO country code."),
            query("donor", { type: "string" }, "Donor organisation code."),
            query("status", { type: "string", enum: ["pipeline", "active", "completed"] }, "Project status."),
          ],
          responses: { "200": json(ref("Portfolio"), "The figures."), "401": COMMON_ERRORS["401"] },
        },
      },
      "/api/v1/projects": {
        get: {
          summary: "The projects the caller may see, by programme, phase and code.",
          parameters: PAGE_PARAMS,
          responses: { "200": json(list(ref("ProjectListItem")), "A page of projects."), "400": problem("A malformed limit or offset."), "401": COMMON_ERRORS["401"] },
        },
      },
      "/api/v1/projects/{ref}": {
        get: {
          summary: "A project: its results framework, figures to date and beneficiaries counted once.",
          parameters: [project, STATUS_PARAM],
          responses: { "200": json(ref("Project"), "The project."), "400": problem("A wrong status filter."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/projects/{ref}/export.csv": {
        get: {
          summary: "A table of the project as CSV (UTF-8, header row). `records` (individual records) for the project's managers and admins only.",
          parameters: [project, ...EXPORT_PARAMS(EXPORT_KINDS_PROJECT)],
          responses: {
            "200": file("text/csv", "The table."),
            "400": problem("Unknown kind or delimiter."),
            "403": problem("Individual records are not for this caller."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/export.xlsx": {
        get: {
          summary: "A table of the project as an Excel workbook; the tracking table comes with a sheet saying what it is.",
          parameters: [project, ...EXPORT_PARAMS(EXPORT_KINDS_PROJECT).filter((p) => p.name !== "delimiter")],
          responses: {
            "200": file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "The workbook."),
            "400": problem("Unknown kind."),
            "403": problem("Individual records are not for this caller."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/report.pdf": {
        get: {
          summary:
            'The donor report of an ended period: figures as they stood at its end, charts, training cascade, narrative. Donors get approved periods only; others may ask for an ended period not yet approved, whose report says "Draft – not approved" on every page.',
          parameters: [
            project,
            required("period", { type: "string" }, "A reporting period of the project.", "2026Q2"),
            query("lang", { type: "string", enum: ["en", "fr"] }, "The report's language; the caller's by default.", "fr"),
          ],
          responses: {
            "200": file("application/pdf", "The report."),
            "400": problem("No such period in the project, a period not ended yet (or not approved, for donors), or a wrong language."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/iati.xml": {
        get: {
          summary: "The project as an IATI 2.03 activity, approved figures only.",
          parameters: [project],
          responses: {
            "200": file("application/xml", "An iati-activities file."),
            "422": problem("Not publishable yet (no reporting organisation with an IATI identifier, or no sectors adding up to 100)."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/periods/{period}": {
        get: {
          summary:
            "Where a period stands, for those who see figures in review (not donors): its approval state, whether it has ended, the earlier periods it waits for, the expected figures still empty, and the records added and changed since its approval.",
          parameters: [project, PERIOD_PARAM],
          responses: { "200": json(ref("PeriodOverview"), "The period."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/projects/{ref}/periods/{period}/{action}": {
        post: {
          summary:
            "Moves a period through the approval: submit (once it has ended; with a comment when expected figures are empty), approve (another manager or an admin: four eyes; once every earlier period is approved or not reported), return (with a comment), reopen and mark_not_reported (admins, with a reason). A refusal names its `reason`.",
          parameters: [
            project,
            PERIOD_PARAM,
            { name: "action", in: "path", required: true, schema: { type: "string", enum: ["submit", "approve", "return", "reopen", "mark_not_reported"] }, example: "submit" },
          ],
          requestBody: {
            required: false,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    comment: { type: "string", maxLength: 2000, description: "Required to return, reopen or mark not reported, and to submit with expected figures empty." },
                  },
                },
              },
            },
          },
          responses: {
            "200": json(ref("PeriodState"), "The period's new state."),
            "400": problem("Unknown action."),
            "413": problem("The body is larger than 2 MB."),
            "403": problem("Not allowed (`reason`: not_allowed, four_eyes)."),
            "409": problem("Not possible now (`reason`: wrong_status; not_ended; earlier_not_approved, with the periods in `earlier`)."),
            "422": problem("A comment is needed (`reason`: comment_required; gaps_need_comment, with the empty figures in `gaps`), or a period outside the project."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/audit/export.csv": {
        get: {
          summary:
            "The audit trail as CSV, for admins: every entry matching the filters, newest first, with its sentence in the caller's language and its raw details. Times in UTC.",
          parameters: [
            query("projectId", { type: "integer" }, "One project's entries."),
            query("userId", { type: "integer" }, "One person's entries."),
            query("action", { type: "string", enum: [...AUDIT_ACTION_GROUPS] }, "One kind of change."),
            query("from", { type: "string", format: "date" }, "From this day (UTC).", "2026-01-01"),
            query("to", { type: "string", format: "date" }, "Up to this day (UTC), included."),
            query("delimiter", { type: "string", enum: ["comma", "semicolon"], default: "comma" }, "Semicolons for French Excel."),
          ],
          responses: { "200": file("text/csv", "The entries."), "400": problem("Unknown delimiter."), "403": problem("Not an admin."), "401": COMMON_ERRORS["401"] },
        },
      },
      "/api/v1/users": {
        get: {
          summary: "Every person, for admins: role, language, a manager's projects, a donor's organisation, state.",
          responses: { "200": json(list(ref("User")), "The people."), "403": problem("Not an admin."), "401": COMMON_ERRORS["401"] },
        },
        post: {
          summary: "Adds a person, for admins. Baseline sends no e-mail: the answer holds a one-time `signInLink`, valid 7 days, with which the person sets their password.",
          requestBody: { required: true, content: { "application/json": { schema: ref("NewUser") } } },
          responses: {
            "201": json({ allOf: [ref("User"), { type: "object", properties: { signInLink: { type: "string", format: "uri" } } }] }, "The person and their sign-in link."),
            "400": problem("The body is not JSON."),
            "403": problem("Not an admin."),
            "413": problem("The body is larger than 2 MB."),
            "422": problem(
              "Fields with problems (`errors`): a taken e-mail, a donor without organisation, projects for someone who is not a manager, an unknown project or organisation.",
            ),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
      "/api/v1/users/{id}": {
        patch: {
          summary:
            "Changes a person's role, projects (given or taken back), organisation or `disabled`, for admins: all or nothing. Nobody changes their own role or state, and the last active admin stays one. A new role or a disabling ends their sessions.",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" }, example: 3 }],
          requestBody: { required: true, content: { "application/json": { schema: ref("UserPatch") } } },
          responses: {
            "200": json(ref("User"), "The person as changed."),
            "400": problem("The body is not JSON."),
            "403": problem("Not an admin."),
            "404": problem("No such person."),
            "413": problem("The body is larger than 2 MB."),
            "422": problem("A change that does not fit (`errors`)."),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
      "/api/v1/tasks": {
        get: {
          summary:
            "The caller's to-do list: for a manager, the ended periods of their projects not yet submitted (with the days overdue) and the periods waiting for their approval; for an admin, the same across every project; approved periods whose records changed since their approval. Empty for staff and donors.",
          responses: { "200": json(ref("Tasks"), "The tasks, submissions first, the longest overdue first."), "401": COMMON_ERRORS["401"] },
        },
      },
      "/api/v1/projects/{ref}/beneficiaries/import": {
        post: {
          summary:
            "Imports beneficiaries and services from a CSV or XLSX file (Baseline's template, a KoboToolbox or ODK Central export, an Excel sheet): a preview, then all rows or none; the same file again changes nothing.",
          description:
            "The file is the body (`text/csv`, or the XLSX media type), or the `file` part of `multipart/form-data` with an optional `mapping` part: `{matches, values}` as JSON. CSV may be comma- or semicolon-separated, UTF-8 (with or without a BOM) or Windows-1252. Without a mapping, each field is matched to a column by its name or label, in English or French (Kobo's `_uuid` is the external ID; group paths such as `household/size` or `household-size` are read; a birth year is computed from an age and the submission time, or from a date of birth), and coded values are read as codes or names (`F`, `Female`, `femme` and `2` are `female`): the preview returns those matches. A select_multiple gives one service per choice, from one column of space-separated choices or from one 0/1 column per choice. Every value that maps to nothing is listed in `unmatched` with its count; its rows are refused until it is mapped. A person is known by their external ID: a corrected row updates the record (audited), and the ID of a record merged into another leads to the record kept. A commit then looks for likely duplicates (`duplicatesFound`).",
          parameters: [
            project,
            required("mode", { type: "string", enum: ["preview", "commit"] }, "Check only, or write.", "preview"),
            query("mapping", { type: "integer" }, "A saved mapping of the project to read the file with (see import-mappings)."),
            query("sheet", { type: "string" }, "The sheet of an XLSX workbook; the first when not given."),
            query("filename", { type: "string" }, "For the audit trail."),
          ],
          requestBody: {
            required: true,
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
              "multipart/form-data": {
                schema: {
                  type: "object",
                  required: ["file"],
                  properties: { file: { type: "string", format: "binary" }, mapping: { type: "string", description: "{matches, values} as JSON." } },
                },
              },
            },
          },
          responses: {
            "200": json(ref("ImportResult"), "What the file holds, how it was read, or what was written."),
            "400": problem("A wrong mode, or a mapping part that is not a mapping."),
            "403": problem("Not a manager of the project."),
            "404": problem("No such project, or no such saved mapping."),
            "413": problem("The file is too large."),
            "422": problem("Rows with problems (the ImportResult's members, `problems` among them), or a sheet the workbook lacks: nothing was written."),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
      "/api/v1/projects/{ref}/import-mappings": {
        get: {
          summary: "The project's saved import mappings: where each field is in a file, and what its coded values mean. For its managers and admins.",
          parameters: [project],
          responses: {
            "200": json({ type: "object", properties: { project: { type: "string" }, data: { type: "array", items: ref("ImportMapping") } } }, "The mappings, by name."),
            "403": problem("Not a manager of the project."),
            ...COMMON_ERRORS,
          },
        },
        post: {
          summary:
            "Saves a mapping under a name used once in the project (audited). Give the file's `header` too, to have the mapping offered again for a file with the same header.",
          parameters: [project],
          requestBody: { required: true, content: { "application/json": { schema: ref("ImportMappingWrite") } } },
          responses: {
            "201": json(ref("ImportMapping"), "The mapping saved."),
            "400": problem("The body is not JSON."),
            "403": problem("Not a manager of the project."),
            "409": problem("The name is taken."),
            "413": problem("The body is larger than 2 MB."),
            "422": problem("Not a mapping: `errors` says where."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/import-mappings/{id}": {
        parameters: [project, { name: "id", in: "path", required: true, description: "The mapping's id.", schema: { type: "integer" }, example: "1" }],
        get: { summary: "One saved mapping.", responses: { "200": json(ref("ImportMapping"), "The mapping."), "403": problem("Not a manager of the project."), ...COMMON_ERRORS } },
        put: {
          summary: "Changes a mapping as a whole; the audit trail keeps what it was before and after.",
          requestBody: { required: true, content: { "application/json": { schema: ref("ImportMappingWrite") } } },
          responses: {
            "200": json(ref("ImportMapping"), "The mapping as saved."),
            "400": problem("The body is not JSON."),
            "403": problem("Not a manager of the project."),
            "409": problem("The name is taken."),
            "413": problem("The body is larger than 2 MB."),
            "422": problem("Not a mapping: `errors` says where."),
            ...COMMON_ERRORS,
          },
        },
        delete: { summary: "Deletes a mapping (audited).", responses: { "204": { description: "Deleted." }, "403": problem("Not a manager of the project."), ...COMMON_ERRORS } },
      },
      "/api/v1/projects/{ref}/duplicates": {
        get: {
          summary:
            "The registry's likely duplicates (the same household and sex with birth years at most a year apart; external IDs differing only in case, spaces or dashes) and the decisions taken: open pairs first, then the decided ones, the latest first; at most 1,000 pairs (`open` counts every open pair). For the project's managers and admins only.",
          parameters: [project, query("status", { type: "string", enum: ["open", "merged", "distinct"] }, "Only the pairs in this state.")],
          responses: { "200": json(ref("DuplicateQueue"), "The pairs."), "400": problem("A wrong status."), "403": problem("Not a manager of the project."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/projects/{ref}/duplicates/scan": {
        post: {
          summary: "Looks for new likely duplicates now (an import does it on commit). Pairs already decided stay as they are.",
          parameters: [project],
          responses: {
            "200": json({ type: "object", properties: { found: { type: "integer" } } }, "How many new pairs."),
            "403": problem("Not a manager of the project."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/duplicates/{id}/{decision}": {
        post: {
          summary:
            "Decides on a pair: merge (same person: the second record's services and training places move to the first, which is kept, and the second is removed; every count, export and API then counts one person), distinct (different people: the pair is cleared for good), or undo (a merge: the removed record comes back with its services, and the pair is open again). Each is audited.",
          parameters: [
            project,
            { name: "id", in: "path", required: true, description: "The pair's id.", schema: { type: "integer" }, example: "1" },
            { name: "decision", in: "path", required: true, schema: { type: "string", enum: ["merge", "distinct", "undo"] }, example: "merge" },
          ],
          responses: {
            "200": json({ type: "object", properties: { id: { type: "integer" }, status: { type: "string" } } }, "The pair's new state."),
            "403": problem("Not a manager of the project."),
            "409": problem("Decided meanwhile, or a record is gone (merged into another: undo that first)."),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/projects/{ref}/beneficiaries/template.csv": {
        get: {
          summary:
            "The project's import template: notes (lines starting with #) listing the allowed codes of each coded column with their names in the caller's language, the project's places among them; the header; an example row for each service.",
          parameters: [project],
          responses: { "200": file("text/csv", "The template."), "403": problem("Not a manager of the project."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/projects/{ref}/trainings": {
        get: {
          summary:
            "The project's trainings with their participants and who delivered them, and the cascade's totals (trainers trained, people they trained, each person counted once). Donors, and ?status=approved, get the trainings as the approvals recorded them.",
          parameters: [project, STATUS_PARAM],
          responses: { "200": json(ref("TrainingList"), "The trainings, by start date."), "400": problem("A wrong status filter."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/programmes/{ref}": {
        get: {
          summary: "A programme: unique beneficiaries of its phases together, outcomes across phases, the phases.",
          parameters: [programme, STATUS_PARAM],
          responses: { "200": json(ref("Programme"), "The programme."), "400": problem("A wrong status filter."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/programmes/{ref}/export.csv": {
        get: {
          summary: "A table of every visible phase as CSV.",
          parameters: [programme, ...EXPORT_PARAMS(EXPORT_KINDS_PROGRAMME)],
          responses: { "200": file("text/csv", "The table."), "400": problem("Unknown kind or delimiter."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/programmes/{ref}/export.xlsx": {
        get: {
          summary: "A table of every visible phase as an Excel workbook.",
          parameters: [programme, ...EXPORT_PARAMS(EXPORT_KINDS_PROGRAMME).filter((p) => p.name !== "delimiter")],
          responses: { "200": file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "The workbook."), "400": problem("Unknown kind."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/programmes/{ref}/iati.xml": {
        get: {
          summary: "The programme as a parent IATI activity with its phases as children.",
          parameters: [programme],
          responses: { "200": file("application/xml", "An iati-activities file."), "422": problem("A phase is not publishable yet."), ...COMMON_ERRORS },
        },
      },
      "/api/v1/data-values": {
        get: {
          summary: "The values of a project the caller may see, by indicator, period, place and options; all of a period unless a limit is given.",
          parameters: [
            required("project", { type: "string" }, "The project's id or code.", "RW-REINT-P4"),
            query("period", { type: "string" }, "A reporting period.", "2026Q2"),
            STATUS_PARAM,
            ...PAGE_PARAMS,
          ],
          responses: { "200": json(list(ref("DataValue")), "A page of values."), "400": problem("A missing project or a malformed period, limit or offset."), ...COMMON_ERRORS },
        },
        put: {
          summary: "Writes every value of the array, or none: each checked like a cell of the grid, a stale version refused.",
          description:
            "Send an `Idempotency-Key` (a UUID made for each change) to make the write safe to send again, as the entry grid's queue does when a connection drops before the answer: the same key with the same body answers what the first write answered, with `Idempotent-Replayed: true`, and writes nothing (no value, no audit entry). Keys are the caller's own and are kept 90 days. Only writes are kept: a refused request wrote nothing, and its key may be sent again.",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              description: "1 to 255 visible ASCII characters, new for each change.",
              schema: { type: "string", minLength: 1, maxLength: 255, pattern: "^[\\x21-\\x7e]+$" },
              example: "5b0a43c1-7a4e-4d0b-9a44-4c1f1e0b6a3d",
            },
          ],
          requestBody: { required: true, content: { "application/json": { schema: { type: "array", minItems: 1, maxItems: 5000, items: ref("DataValueWrite") } } } },
          responses: {
            "200": {
              ...json(
                { type: "object", properties: { values: { type: "array", items: ref("DataValue") }, warnings: { type: "array", items: ref("RowMessage") } } },
                "Written, with new versions (or written before, under the same key).",
              ),
              headers: {
                "Idempotent-Replayed": { description: "`true` when this key and body were written before: nothing was written now.", schema: { type: "string", enum: ["true"] } },
              },
            },
            "400": problem("The body is not JSON, or a malformed Idempotency-Key."),
            "413": problem("The body is larger than 2 MB."),
            "403": problem("Not a manager of the project, or the period is closed."),
            "409": problem("A value changed meanwhile: `conflicts` holds, for each stale row, the current value and `changedBy`, the name of who wrote it; nothing was written."),
            "422": problem("Rows with problems (`errors`, one per row), or an Idempotency-Key already used for another body: nothing was written."),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
      "/api/v1/data-values/export.csv": {
        get: {
          summary: "Every value the caller may see across the portfolio, streamed as CSV.",
          parameters: [query("delimiter", { type: "string", enum: ["comma", "semicolon"] }, "Semicolons for French Excel."), STATUS_PARAM],
          responses: { "200": file("text/csv", "The values."), "400": problem("A wrong delimiter or status."), "401": COMMON_ERRORS["401"] },
        },
      },
    }),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A personal API token, made in the settings." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The session of a signed-in browser (__Secure- prefixed behind HTTPS)." },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["type", "title", "status", "detail"],
          properties: {
            type: { type: "string", enum: Object.values(PROBLEM_TYPES).map((t) => `/api/v1/problems/${t}`) },
            title: { type: "string" },
            status: { type: "integer" },
            detail: { type: "string" },
            errors: { type: "array", items: ref("RowMessage") },
            conflicts: { type: "array", items: { type: "object" } },
            reason: { type: "string", description: "Why a step of the approval was refused, as a stable code." },
            earlier: { type: "array", items: { type: "string" }, description: "The earlier periods still waiting for approval." },
            gaps: { type: "array", items: ref("Gap") },
          },
        },
        Gap: {
          type: "object",
          properties: {
            indicator: { type: "string" },
            location: { type: "string" },
            disaggregation: { type: "string", description: '"" for the total, else the option (sex=female).' },
          },
        },
        RowMessage: { type: "object", properties: { index: { type: ["integer", "null"] }, code: { type: "string" }, field: { type: "string" }, message: { type: "string" } } },
        Figure: { type: "object", properties: { actual: { type: ["number", "null"] }, numerator: { type: ["number", "null"] }, denominator: { type: ["number", "null"] } } },
        Portfolio: {
          type: "object",
          required: ["approvedOnly", "directBeneficiaries", "activeProjects", "projects"],
          properties: {
            approvedOnly: { type: "boolean" },
            directBeneficiaries: { type: "integer" },
            indirectBeneficiaries: { type: ["integer", "null"] },
            trainees: { type: "integer" },
            trainers: { type: "integer" },
            activeProjects: { type: "integer" },
            projects: {
              type: "array",
              items: { type: "object", properties: { code: { type: "string" }, title: { type: "string" }, status: { type: "string" }, main: { type: ["object", "null"] } } },
            },
          },
        },
        Training: {
          type: "object",
          required: ["id", "title", "kind", "topic", "location", "startDate", "endDate", "participants", "rosterSize", "deliveredBy"],
          properties: {
            id: { type: "integer" },
            title: { type: "string" },
            kind: { type: "string", enum: [...TRAINING_KINDS] },
            topic: { type: "string", description: "A trade or subject code: carpentry, welding, business_skills…" },
            location: { type: "object", properties: { code: { type: "string" }, name: { type: "string" } } },
            startDate: { type: "string", format: "date" },
            endDate: { type: "string", format: "date" },
            facilitator: { type: ["string", "null"] },
            participants: { type: "integer", description: "People who took part, from the counts by sex and age group." },
            rosterSize: { type: "integer", description: "Beneficiary IDs on the training's roster." },
            deliveredBy: {
              type: ["object", "null"],
              description: "The training of trainers whose trainers delivered it.",
              properties: { id: { type: "integer" }, title: { type: ["string", "null"] } },
            },
          },
        },
        TrainingList: {
          type: "object",
          required: ["project", "approvedOnly", "trainersTrained", "peopleTrained", "data", "next"],
          properties: {
            project: { type: "string" },
            approvedOnly: { type: "boolean" },
            trainersTrained: { type: "integer" },
            peopleTrained: { type: "integer" },
            data: { type: "array", items: ref("Training") },
            next: { type: "null" },
          },
        },
        ProjectListItem: {
          type: "object",
          required: ["id", "code", "title", "status"],
          properties: {
            id: { type: "integer" },
            code: { type: "string" },
            title: { type: "string" },
            status: { type: "string" },
            country: { type: "string" },
            programme: { type: ["string", "null"] },
            phase: { type: ["integer", "null"] },
            startDate: { type: "string", format: "date" },
            endDate: { type: "string", format: "date" },
            donors: { type: "array", items: { type: "string" } },
          },
        },
        Indicator: {
          type: "object",
          required: ["id", "code", "name", "measure"],
          properties: {
            id: { type: "integer" },
            code: { type: "string" },
            name: { type: "string" },
            measure: { type: "string", enum: ["number", "percentage", "mean_of_ratios"] },
            cumulative: { type: "boolean" },
            baseline: { type: ["number", "null"] },
            target: { type: ["number", "null"] },
            actual: { type: ["number", "null"] },
            numerator: { type: ["number", "null"] },
            denominator: { type: ["number", "null"] },
            progress: { type: ["number", "null"] },
          },
        },
        Project: {
          type: "object",
          required: ["id", "code", "title", "results", "beneficiaries"],
          properties: {
            id: { type: "integer" },
            code: { type: "string" },
            title: { type: "string" },
            status: { type: "string" },
            approvedOnly: { type: "boolean" },
            periods: { type: "array", items: { type: "string" } },
            reportingPeriods: {
              type: "array",
              description: "The ended periods as donors see them: approved, awaiting_approval (a gap, never counted) or not_reported.",
              items: { type: "object", properties: { period: { type: "string" }, state: { type: "string", enum: ["approved", "awaiting_approval", "not_reported"] } } },
            },
            results: {
              type: "array",
              items: {
                type: "object",
                properties: { code: { type: "string" }, type: { type: "string" }, title: { type: "string" }, indicators: { type: "array", items: ref("Indicator") } },
              },
            },
            contextIndicators: { type: "array", items: ref("Indicator") },
            beneficiaries: {
              type: "object",
              properties: {
                direct: { type: "integer" },
                indirect: { type: ["integer", "null"] },
                byService: { type: "object", additionalProperties: { type: "integer" } },
                byLocation: { type: "array", items: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, direct: { type: "integer" } } } },
              },
            },
          },
        },
        Programme: {
          type: "object",
          required: ["id", "code", "directBeneficiaries", "projects"],
          properties: {
            id: { type: "integer" },
            code: { type: "string" },
            title: { type: "string" },
            directBeneficiaries: { type: "integer" },
            indirectBeneficiaries: { type: ["integer", "null"] },
            completedPhases: { type: ["object", "null"] },
            indicators: { type: "array", items: { type: "object" } },
            projects: { type: "array", items: { type: "object" } },
          },
        },
        DataValue: {
          type: "object",
          required: ["indicatorId", "period", "locationCode", "disaggregation", "status"],
          properties: {
            id: { type: "integer" },
            indicatorId: { type: "integer" },
            period: { type: "string" },
            locationCode: { type: "string" },
            disaggregation: { type: "object", additionalProperties: { type: "string" } },
            value: { type: ["number", "null"] },
            numerator: { type: ["number", "null"] },
            denominator: { type: ["number", "null"] },
            status: { type: "string", enum: ["draft", "submitted", "approved", "returned"] },
            comment: { type: ["string", "null"] },
            version: { type: ["integer", "null"] },
          },
        },
        DataValueWrite: {
          type: "object",
          required: ["indicatorId", "period", "locationCode"],
          properties: {
            indicatorId: { type: "integer" },
            period: { type: "string" },
            locationCode: { type: "string" },
            disaggregation: { type: "object", additionalProperties: { type: "string" } },
            value: { type: ["number", "null"] },
            numerator: { type: "number" },
            denominator: { type: "number" },
            comment: { type: ["string", "null"], maxLength: 2000 },
            version: { type: ["integer", "null"], description: "The version read; a stale one gets 409." },
          },
        },
        PeriodState: {
          type: "object",
          properties: {
            project: { type: "string" },
            period: { type: "string" },
            status: { type: "string", enum: ["draft", "submitted", "approved", "returned", "not_reported"] },
            submittedBy: { type: ["integer", "null"] },
            submittedAt: { type: ["string", "null"], format: "date-time" },
            submissionComment: { type: ["string", "null"], description: "Why expected figures were missing at the submission." },
            reviewedBy: { type: ["integer", "null"] },
            reviewedAt: { type: ["string", "null"], format: "date-time" },
            comment: { type: ["string", "null"], description: "The reviewer's comment, or the admin's reason to reopen or mark not reported." },
            approvedBy: { type: ["integer", "null"] },
            approvedAt: { type: ["string", "null"], format: "date-time", description: "The latest approval, whose figures donors see (kept while the period is reopened)." },
          },
        },
        PeriodOverview: {
          allOf: [
            ref("PeriodState"),
            {
              type: "object",
              properties: {
                ended: { type: "boolean" },
                waitingFor: { type: "array", items: { type: "string" }, description: "Earlier periods to approve (or mark not reported) first." },
                gaps: { type: "array", items: ref("Gap") },
                changedSinceApproval: { type: ["object", "null"], properties: { added: { type: "integer" }, changed: { type: "integer" } } },
              },
            },
          ],
        },
        User: {
          type: "object",
          required: ["id", "name", "email", "role", "state"],
          properties: {
            id: { type: "integer" },
            name: { type: "string" },
            email: { type: "string" },
            role: { type: "string", enum: ["admin", "manager", "staff", "donor"] },
            language: { type: ["string", "null"], enum: ["en", "fr", null] },
            projects: { type: "array", items: { type: "string" }, description: "A manager's projects, by code." },
            organisation: { type: ["string", "null"], description: "A donor's organisation, by code: they see the projects it funds." },
            state: { type: "string", enum: ["active", "disabled", "invited", "invitation_expired"] },
            disabledAt: { type: ["string", "null"], format: "date-time" },
            signInLinkExpiresAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        NewUser: {
          type: "object",
          required: ["name", "email", "role", "language"],
          properties: {
            name: { type: "string", maxLength: 200 },
            email: { type: "string", format: "email" },
            role: { type: "string", enum: ["admin", "manager", "staff", "donor"] },
            language: { type: "string", enum: ["en", "fr"] },
            projects: { type: "array", items: { type: "string" }, description: "For a manager: the codes of their projects." },
            organisation: { type: ["string", "null"], description: "For a donor (required): the code of their organisation." },
          },
        },
        UserPatch: {
          type: "object",
          properties: {
            role: { type: "string", enum: ["admin", "manager", "staff", "donor"] },
            projects: { type: "array", items: { type: "string" } },
            organisation: { type: ["string", "null"] },
            disabled: { type: "boolean" },
          },
        },
        Tasks: {
          type: "object",
          properties: {
            today: { type: "string", format: "date" },
            data: {
              type: "array",
              items: {
                type: "object",
                required: ["kind", "project", "period"],
                properties: {
                  kind: { type: "string", enum: ["submit", "approve", "reapprove"] },
                  project: { type: "string" },
                  projectTitle: { type: "string" },
                  period: { type: "string" },
                  status: { type: "string", description: "submit: draft or returned." },
                  dueSince: { type: "string", format: "date", description: "submit: the period's last day." },
                  daysOverdue: { type: "integer", description: "submit: days since the period ended." },
                  submittedAt: { type: ["string", "null"], description: "approve: when it was submitted." },
                  blockedBy: { type: ["string", "null"], description: "approve: an earlier period still waiting." },
                  added: { type: "integer", description: "reapprove: records added since the approval." },
                  changed: { type: "integer", description: "reapprove: records changed or removed since the approval." },
                },
              },
            },
          },
        },
        ImportMatches: {
          type: "object",
          description:
            "For each field (the template's column name), the source column read for it. birth_year may be computed: {age, as_of} or {birth_date}; service may be the 0/1 columns of a select_multiple: {options}.",
          additionalProperties: false,
          properties: {
            external_id: { type: "string" },
            household_id: { type: "string" },
            sex: { type: "string" },
            birth_year: {
              oneOf: [
                { type: "string" },
                { type: "object", properties: { age: { type: "string" }, as_of: { type: "string" } } },
                { type: "object", properties: { birth_date: { type: "string" } } },
              ],
            },
            group: { type: "string" },
            location_code: { type: "string" },
            household_size: { type: "string" },
            service: { oneOf: [{ type: "string" }, { type: "object", properties: { options: { type: "array", items: { type: "string" } } } }] },
            service_date: { type: "string" },
          },
          example: { external_id: "_uuid", sex: "respondent/sex", birth_year: { age: "respondent/age", as_of: "_submission_time" }, service: "assistance/services" },
        },
        ImportValues: {
          type: "object",
          description: "For each coded field (sex, group, location_code, service), each source value and the code it stands for (null: none).",
          propertyNames: { enum: ["sex", "group", "location_code", "service"] },
          additionalProperties: { type: "object", additionalProperties: { type: ["string", "null"] } },
          example: { sex: { F: "female", "2": "female" }, location_code: { Butare: "RW-05-HUY" } },
        },
        ImportMapping: {
          type: "object",
          properties: { id: { type: "integer" }, name: { type: "string" }, matches: ref("ImportMatches"), values: ref("ImportValues"), updatedAt: { type: "string" } },
        },
        ImportMappingWrite: {
          type: "object",
          required: ["name", "matches"],
          properties: {
            name: { type: "string", maxLength: 100 },
            matches: ref("ImportMatches"),
            values: ref("ImportValues"),
            header: { type: "array", items: { type: "string" } },
          },
        },
        DuplicatePerson: {
          type: "object",
          properties: {
            externalId: { type: "string" },
            householdId: { type: ["string", "null"] },
            sex: { type: "string" },
            birthYear: { type: ["integer", "null"] },
            group: { type: "string" },
            location: { type: ["string", "null"] },
            householdSize: { type: ["integer", "null"] },
            services: { type: "array", items: { type: "object" } },
          },
        },
        DuplicateQueue: {
          type: "object",
          properties: {
            project: { type: "string" },
            open: { type: "integer" },
            data: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "integer" },
                  reason: { type: "string", enum: ["same_household", "similar_id"] },
                  status: { type: "string", enum: ["open", "merged", "distinct"] },
                  decidedAt: { type: ["string", "null"] },
                  first: ref("DuplicatePerson"),
                  second: ref("DuplicatePerson"),
                },
              },
            },
          },
        },
        ImportResult: {
          type: "object",
          properties: {
            mode: { type: "string" },
            header: { type: "array", items: { type: "string" } },
            sheets: { type: "array", items: { type: "string" }, description: "An XLSX workbook's sheets." },
            sheet: { type: ["string", "null"] },
            matches: ref("ImportMatches"),
            values: ref("ImportValues"),
            valueCounts: { type: "object", description: "For each coded field, its values with their codes and how many rows give them." },
            unmatched: { type: "array", items: { type: "object", properties: { field: { type: "string" }, value: { type: "string" }, count: { type: "integer" } } } },
            mapping: {
              type: ["object", "null"],
              description: "The saved mapping used, or one saved for a file with this header (used: false).",
              properties: { id: { type: "integer" }, name: { type: "string" }, used: { type: "boolean" } },
            },
            duplicatesFound: { type: "integer", description: "New likely duplicates found by a commit." },
            written: { type: "boolean" },
            counts: { type: "object" },
            summary: { type: "string" },
            warning: { type: ["string", "null"], description: "Services dated in approved periods: they reach donors only once these are approved again." },
            inApprovedPeriods: { type: "array", items: { type: "object", properties: { period: { type: "string" }, records: { type: "integer" } } } },
            rowsToCorrect: { type: "integer", description: "Rows with at least one problem." },
            problemCount: { type: "integer", description: "Problems in all; a row may have several." },
            problems: {
              type: "array",
              description: "The first 1,000 problems.",
              items: { type: "object", properties: { line: { type: "integer" }, code: { type: "string" }, column: { type: ["string", "null"] }, message: { type: "string" } } },
            },
            rows: {
              type: "array",
              description: "The first 100 rows as read, each with its problems and the columns they are about.",
              items: {
                type: "object",
                properties: {
                  line: { type: "integer" },
                  values: { type: "array", items: { type: "string" } },
                  problems: { type: "array", items: { type: "string" } },
                  columns: { type: "array", items: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
  };
}
