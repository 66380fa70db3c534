import { listMyTasks } from "@/db/data-entry/tasks";
import { authenticate, jsonOk } from "@/server/api/respond";
import { localized } from "@/lib/i18n/format";
import { answerFaults } from "@/server/api/answer-faults";

/**
 * GET /api/v1/tasks: the caller's to-do list: periods ended and not yet submitted (with how many
 * days overdue), periods waiting for their approval, and approved periods whose records changed since.
 */
export const GET = answerFaults(async function GET() {
  const caller = await authenticate();
  if (caller instanceof Response) return caller;
  const { user, language } = caller;
  const today = new Date().toISOString().slice(0, 10);
  const tasks = await listMyTasks({ viewer: user }, today);
  return jsonOk({
    today,
    data: tasks.map(({ projectTitleEn, projectTitleFr, projectId: _id, ...task }) => ({
      ...task,
      project: task.projectCode,
      projectTitle: localized(language, projectTitleEn, projectTitleFr),
    })),
  });
});
