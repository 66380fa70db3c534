import { readExportRequest } from "@/server/api/export-request";
import { exportResponse } from "@/server/api/export-response";

/** GET /api/v1/programmes/{id or code}/export.xlsx?kind=tracking|values|trainings|beneficiaries&status=approved */
export async function GET(request: Request, { params }: { params: Promise<{ ref: string }> }) {
  const read = await readExportRequest(request, params, "programme");
  return read instanceof Response ? read : await exportResponse(read, "xlsx");
}
