import { Link } from "../ui/link";

/** One thing to do, worded by the page: what, why now, and where to do it. */
export type TaskItem = { key: string; kind: "submit" | "approve" | "reapprove"; href: string; title: string; detail: string; urgent: boolean };

/** The to-do list of the home page: submissions first, the longest overdue first, then approvals. */
export function TaskList({ tasks, labels }: { tasks: TaskItem[]; labels: { title: string; none: string } }) {
  return (
    <section className="card tasks" aria-labelledby="tasks-title">
      <h2 id="tasks-title">{labels.title}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{labels.none}</p>
      ) : (
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.key} className={`task task-${task.kind}${task.urgent ? " task-urgent" : ""}`}>
              <Link href={task.href}>{task.title}</Link> <span className="muted small">{task.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
