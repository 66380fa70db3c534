"use client";

import { signOut } from "next-auth/react";
import { forgetEntryPages } from "@/components/offline/service-worker";
import { useHydrated } from "@/components/ui/use-hydrated";

export function SignOutButton({ label }: { label: string }) {
  const hydrated = useHydrated();
  return (
    <button type="button" className="link-button" disabled={!hydrated} onClick={() => void forgetEntryPages().finally(() => signOut({ callbackUrl: "/login" }))}>
      {label}
    </button>
  );
}
