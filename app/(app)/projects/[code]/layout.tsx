import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadProject } from "./load-project";

// Checked here, outside any loading boundary (the overview's is in its own route group), so that a
// project the user may not see, or a page of it they may not open, answers with a real 404 status
// before anything is streamed.
export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  const { overview } = await loadProject((await params).code);
  if (!overview) notFound();
  return children;
}
