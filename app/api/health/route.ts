import { isDatabaseHealthy } from "@/db/health";

// Public on purpose: load balancers and the test runner poll it before anyone signs in.
export async function GET() {
  const healthy = await isDatabaseHealthy();
  return Response.json(healthy ? { status: "ok" } : { status: "unavailable" }, {
    status: healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
