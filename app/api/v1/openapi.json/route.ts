import { openApiDocument } from "@/lib/api/openapi";
import { answerFaults } from "@/server/api/answer-faults";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of every route. Public, like the documentation of any API. */
export const GET = answerFaults(async function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "no-store" } });
});
