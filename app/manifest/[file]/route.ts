import { LANGUAGES, type Language } from "@/lib/domain/codes";
import { translatorFor } from "@/lib/i18n/translator";

// The web app manifest, one per language (/manifest/en.webmanifest, /manifest/fr.webmanifest): the
// root layout links the reader's, so that an installed Baseline is named in their language.

export const dynamic = "force-static";
export const dynamicParams = false;
export const generateStaticParams = () => LANGUAGES.map((language) => ({ file: `${language}.webmanifest` }));

const ICONS = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
  { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const language = (await params).file.replace(/\.webmanifest$/, "") as Language;
  const t = translatorFor(language);
  const manifest = {
    id: "/",
    lang: language,
    dir: "ltr",
    name: t("manifest.name"),
    short_name: t("manifest.shortName"),
    description: t("manifest.description"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#0b5cad",
    icons: ICONS,
  };
  return new Response(JSON.stringify(manifest), { headers: { "Content-Type": "application/manifest+json" } });
}
