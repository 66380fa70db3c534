import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { loadProgramme } from "./load-programme";

// Checked outside the page's loading boundary: a programme the user may not see is a real 404.
export default async function ProgrammeLayout({ children, params }: { children: ReactNode; params: Promise<{ code: string }> }) {
  if (!(await loadProgramme((await params).code))) notFound();
  return children;
}
