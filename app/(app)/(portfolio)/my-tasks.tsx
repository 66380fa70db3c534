import { TaskList, type TaskItem } from "@/components/tasks/task-list";
import { listMyTasks } from "@/db/data-entry/tasks";
import type { QueryContext } from "@/db/users/viewer";
import { formatDate, formatPeriod, localized } from "@/lib/i18n/format";
import { getTranslator } from "@/server/i18n";
import { allows, ON_THEIR_PROJECTS } from "@/lib/auth/permissions";

/** The signed-in person's to-do list, worded in their language: each task links to the period's page. */
export async function MyTasks({ ctx }: { ctx: QueryContext }) {
  const { t, language } = await getTranslator();
  const today = new Date().toISOString().slice(0, 10);
  // Admins follow every project: they chase submissions and reopen; managers submit and ask for reopenings.
  const admin = allows(ctx.viewer, "reopen");
  const tasks: TaskItem[] = (await listMyTasks(ctx, today)).map((task) => {
    const project = `${task.projectCode} ${localized(language, task.projectTitleEn, task.projectTitleFr)}`;
    const href = `/projects/${encodeURIComponent(task.projectCode)}/entry/${task.period}`;
    const key = `${task.kind}|${task.projectCode}|${task.period}`;
    const period = formatPeriod(language, task.period);
    switch (task.kind) {
      case "submit":
        return {
          key,
          kind: task.kind,
          href,
          title: t(admin ? "tasks.notSubmitted" : task.reopened ? "tasks.reopened" : task.status === "returned" ? "tasks.resubmit" : "tasks.submit", { period, project }),
          detail: t("tasks.overdue", { days: task.daysOverdue }),
          urgent: task.daysOverdue > 30,
        };
      case "approve":
        return {
          key,
          kind: task.kind,
          href,
          title: t("tasks.approve", { period, project }),
          detail: [
            task.submittedAt ? t("tasks.submittedOn", { date: formatDate(language, task.submittedAt) }) : null,
            task.blockedBy ? t("tasks.blocked", { period: formatPeriod(language, task.blockedBy) }) : null,
          ]
            .filter(Boolean)
            .join(", "),
          urgent: false,
        };
      case "reapprove":
        return {
          key,
          kind: task.kind,
          href,
          title: t(admin ? "tasks.reapprove" : "tasks.askReopen", { period, project }),
          detail: t("tasks.changed", { added: task.added, changed: task.changed }),
          urgent: false,
        };
    }
  });
  const entersFigures = allows(ctx.viewer, "enter", ON_THEIR_PROJECTS);
  return <TaskList tasks={tasks} labels={{ title: t("tasks.title"), none: t(entersFigures ? "tasks.none" : "tasks.noneForRole") }} />;
}
