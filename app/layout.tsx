import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { getLanguage } from "@/server/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Baseline", template: "%s · Baseline" },
  description: "Beneficiaries, trainings and outcome indicators of humanitarian and development projects.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await getLanguage();
  return (
    <html lang={language}>
      <body>{children}</body>
    </html>
  );
}
