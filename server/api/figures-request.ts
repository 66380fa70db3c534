import "server-only";
import { z } from "zod";
import { authenticate, jsonError, type ApiCaller } from "./respond";
import { parseReference } from "../../lib/api/reference";

/** `?status=approved` asks for approved figures only; donors get nothing else anyway. */
const figuresQuerySchema = z.object({ status: z.literal("approved").optional() });

export type FiguresRequest = ApiCaller & { ref: string | number; rawRef: string; approvedOnly: boolean };

/** What every read of figures starts with: the caller (or 401), the query (or 400), the project or programme asked for. */
export async function readFiguresRequest(request: Request, params: Promise<{ ref: string }>): Promise<FiguresRequest | Response> {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const query = figuresQuerySchema.safeParse({ status: new URL(request.url).searchParams.get("status") ?? undefined });
  if (!query.success) return jsonError(caller.t, 400, caller.t("api.badStatus"));
  const { ref } = await params;
  return { ...caller, ref: parseReference(ref), rawRef: decodeURIComponent(ref), approvedOnly: query.data.status === "approved" };
}
