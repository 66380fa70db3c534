"use client";

import { useState } from "react";

/** A one-time sign-in link, shown once, to copy and hand to the person. */
export function SignInLink({ link, labels }: { link: { url: string; expires: string }; labels: { intro: string; expires: string; copy: string; copied: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="sign-in-link" role="status">
      <p>{labels.intro}</p>
      <p>
        <code>{link.url}</code>{" "}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link.url).then(() => setCopied(true));
          }}
        >
          {copied ? labels.copied : labels.copy}
        </button>
      </p>
      <p className="muted small">{labels.expires.replace("{date}", link.expires)}</p>
    </div>
  );
}
