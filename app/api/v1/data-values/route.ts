import { listDataValues } from "@/db/data-entry/data-value-list";
import { recordDataValues } from "@/db/data-entry/data-values";
import { getProjectByCode } from "@/db/projects/projects";
import { recordDataValuesSchema } from "@/lib/api/data-values-body";
import { MAX_LIMIT, pageOf, readPage } from "@/lib/api/pagination";
import { MAX_JSON_BYTES, readJsonBody } from "@/server/api/read-body";
import { parseReference } from "@/lib/api/reference";
import { authenticate, jsonError, jsonOk } from "@/server/api/respond";
import { problemMessage, warningMessage } from "@/lib/i18n/problem-message";
import { periodSchema } from "@/lib/periods/period-schema";
import { answerFaults } from "@/server/api/answer-faults";
import { createHash } from "node:crypto";
import { checkIdempotencyKey } from "@/lib/api/idempotency-key";

/**
 * GET /api/v1/data-values?project={id or code}&period=...&limit=&offset=: the values the caller may
 * see, by indicator, period, place and options; all of a period unless a limit is given.
 */
export const GET = answerFaults(async function GET(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t } = caller;
  const url = new URL(request.url);
  const params = url.searchParams;
  const projectRef = params.get("project");
  const period = params.get("period") ?? undefined;
  const page = readPage(url, period === undefined ? MAX_LIMIT : null);
  if (!projectRef || (period !== undefined && !periodSchema.safeParse(period).success) || !page) return jsonError(t, 400, t("api.badQuery"));
  const ctx = { viewer: user };
  const project = await getProjectByCode(ctx, parseReference(projectRef));
  if (!project) return jsonError(t, 404, t("api.projectNotFound", { ref: projectRef }));
  return jsonOk(pageOf(url, await listDataValues(ctx, project.id, { period, approvedOnly: params.get("status") === "approved" }), page));
});

/**
 * PUT /api/v1/data-values: writes every value of the array, or none. With an `Idempotency-Key`, the
 * same key and body again answer as the first time and write nothing (`Idempotent-Replayed: true`).
 */
export const PUT = answerFaults(async function PUT(request: Request) {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, t, language } = caller;
  const key = checkIdempotencyKey(request.headers.get("Idempotency-Key"));
  if (key === false) return jsonError(t, 400, t("api.badIdempotencyKey"));
  const read = await readJsonBody(request);
  if (read.kind === "too_large") return jsonError(t, 413, t("api.tooLarge", { megabytes: MAX_JSON_BYTES / 1024 / 1024 }));
  if (read.kind === "bad_json") return jsonError(t, 400, t("api.badJson"));
  const body = read.value;
  const parsed = recordDataValuesSchema.safeParse(body);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      index: typeof issue.path[0] === "number" ? issue.path[0] : null,
      field: issue.path.slice(1).join("."),
      message: t("api.badJson"),
    }));
    return jsonError(t, 422, t("api.badJson"), { errors });
  }
  const idempotency = key === null ? undefined : { key, requestHash: createHash("sha256").update(JSON.stringify(parsed.data)).digest("hex") };
  const outcome = await recordDataValues({ viewer: user }, parsed.data, { today: new Date().toISOString().slice(0, 10), idempotency });
  switch (outcome.kind) {
    case "key_reused":
      return jsonError(t, 422, t("api.idempotencyKeyReused"));
    case "forbidden":
      return jsonError(t, 403, t("workflow.forbidden"));
    case "conflict":
      return jsonError(t, 409, t("workflow.conflict"), { conflicts: outcome.conflicts.map((c) => ({ index: c.index, message: t("workflow.conflict"), current: c.current, changedBy: c.changedBy })),
      });
    case "invalid":
      return jsonError(t, 422, problemMessage(t, language, outcome.problems[0]!.problem), {
        errors: outcome.problems.map(({ index, problem }) => ({ index, code: problem.code, message: problemMessage(t, language, problem) })),
      });
    case "saved": {
      const answer = jsonOk({
        values: outcome.values,
        warnings: outcome.warnings.map(({ index, warning }) => ({ index, code: warning.code, message: warningMessage(t, language, warning) })),
      });
      if (outcome.replayed) answer.headers.set("Idempotent-Replayed", "true");
      return answer;
    }
  }
});
