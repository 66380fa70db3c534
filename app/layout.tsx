import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLanguage } from "@/server/i18n";
import "./globals.css";

// The manifest in the reader's language makes Baseline installable, named in their language.
export async function generateMetadata(): Promise<Metadata> {
  const language = await getLanguage();
  return {
    title: { default: "Baseline", template: "%s · Baseline" },
    description: "Beneficiaries, trainings and outcome indicators of humanitarian and development projects.",
    manifest: `/manifest/${language}.webmanifest`,
    // Named here with the apple icon, or Next.js leaves out app/icon.svg's link and browsers ask for a /favicon.ico there is not.
    icons: { icon: [{ url: "/icon.svg", type: "image/svg+xml" }], apple: [{ url: "/icons/apple-touch-icon.png", sizes: "180x180" }] },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5cad" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await getLanguage();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
