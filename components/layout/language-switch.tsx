"use client";

import { usePathname } from "next/navigation";
import { chooseLanguage } from "@/app/language-actions";
import type { Language } from "@/lib/domain/codes";

/** English | Français. A plain form: it works before the page's JavaScript has loaded. */
export function LanguageSwitch({ current, label }: { current: Language; label: string }) {
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
