import { databaseHealth } from "@/db/health";

// Public on purpose: load balancers and the test runner poll it before anyone signs in.
export async function GET() {
  const health = await databaseHealth();
  return Response.json(health.healthy ? { status: "ok", engine: health.engine } : { status: "unavailable" }, {
    status: health.healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
