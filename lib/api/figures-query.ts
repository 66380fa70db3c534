import { z } from "zod";

/** `?status=approved` asks for approved figures only; donors get nothing else anyway. */
export const figuresQuerySchema = z.object({ status: z.literal("approved").optional() });

export function parseFiguresQuery(url: string) {
  const params = new URL(url).searchParams;
  return figuresQuerySchema.safeParse({ status: params.get("status") ?? undefined });
}
