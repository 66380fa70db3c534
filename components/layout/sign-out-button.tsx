"use client";

import { signOut } from "next-auth/react";
import { forgetEntryPages } from "@/components/offline/service-worker";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className="link-button" onClick={() => void forgetEntryPages().finally(() => signOut({ callbackUrl: "/login" }))}>
      {label}
    </button>
  );
}
