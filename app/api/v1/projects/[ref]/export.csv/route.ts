import { readExportRequest } from "@/server/api/export-request";
import { exportResponse } from "@/server/api/export-response";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/projects/{id or code}/export.csv?kind=tracking|values|trainings|beneficiaries|records&delimiter=comma|semicolon&status=approved */
export const GET = answerFaults(async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readExportRequest(request, params, "project");
  return read instanceof Response ? read : await exportResponse(read, "csv");
});
