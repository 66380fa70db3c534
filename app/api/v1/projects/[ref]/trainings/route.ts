import { readsApproved } from "@/db/registry/registry";
import { listTrainings } from "@/db/trainings/trainings";
import { jsonOk } from "@/server/api/respond";
import { trainingJson } from "@/server/api/trainings-json";
import { countPeopleTrained } from "@/lib/trainings/people-trained";
import { readProjectRequest } from "../read-project";
import { answerFaults } from "@/server/api/answer-faults";

/**
 * GET /api/v1/projects/{id or code}/trainings: the project's trainings as the caller sees them (as
 * the approvals recorded them for donors and with ?status=approved), with the cascade's totals.
 */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readProjectRequest(request, params);
  if (read instanceof Response) return read;
  const { ctx, overview, language, approvedOnly } = read;
  const view = { approvedOnly };
  const { trainings, records } = await listTrainings(ctx, overview.project.id, view);
  const totals = countPeopleTrained(records);
  return jsonOk({
    project: overview.project.code,
    approvedOnly: readsApproved(ctx, view),
    trainersTrained: totals.trainers,
    peopleTrained: totals.trainees,
    data: trainings.map((training) => trainingJson(language, training)),
    next: null,
  });
});
