"use client";

import { usePathname } from "next/navigation";
import type { Language } from "@/lib/domain/codes";

/** English | Français. A plain form: it works before the page's JavaScript has loaded. */
export function LanguageSwitch({ current, label, chooseLanguage }: { current: Language; label: string; chooseLanguage: (form: FormData) => Promise<void> }) {
  const pathname = usePathname();
  return (
    <form action={chooseLanguage} className="language-switch" aria-label={label}>
      <input type="hidden" name="returnTo" value={pathname} />
      <button type="submit" name="language" value="en" lang="en" aria-pressed={current === "en"}>
        English
      </button>
      <button type="submit" name="language" value="fr" lang="fr" aria-pressed={current === "fr"}>
        Français
      </button>
    </form>
  );
}
