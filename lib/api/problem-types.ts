/** The kinds of problem the API answers, each at `/api/v1/problems/{kind}` (a stable `type`). */
export const PROBLEM_TYPES = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "conflict",
  413: "too-large",
  422: "invalid",
  500: "server-error",
  503: "unavailable",
} as const;
export type ProblemStatus = keyof typeof PROBLEM_TYPES;
