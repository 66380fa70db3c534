import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectFormContainer } from "@/app/(app)/projects/project-form-container";
import { requireUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";
import { allows } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("projectForm.newTitle") };
}

export default async function NewProjectPage() {
  const user = await requireUser();
  if (!allows(user, "create_project")) notFound();
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("projectForm.newTitle")}</h1>
      <ProjectFormContainer ctx={{ viewer: user }} defaultValues={null} />
    </>
  );
}
