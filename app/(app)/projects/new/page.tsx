import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectFormContainer } from "@/app/(app)/projects/project-form-container";
import { requireUser } from "@/server/auth/session";
import { getTranslator } from "@/server/i18n";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t("projectForm.newTitle") };
}

export default async function NewProjectPage() {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t("projectForm.newTitle")}</h1>
      <ProjectFormContainer ctx={{ viewer: user }} defaultValues={null} />
    </>
  );
}
