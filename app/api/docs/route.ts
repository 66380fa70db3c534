import { API_DOCS_POLICY, apiDocsPage } from "@/lib/api/api-docs-page";
import { getTranslator } from "@/server/i18n";

/** GET /api/docs: the API reference to read, drawn from the OpenAPI document. Public, like that document. */
export async function GET() {
  const { t, language } = await getTranslator();
  const page = apiDocsPage(language, { title: t("apiDocs.title"), back: t("apiDocs.back"), raw: t("apiDocs.raw") });
  return new Response(page, { headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": API_DOCS_POLICY, "Cache-Control": "no-store" } });
}
