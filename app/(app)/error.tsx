"use client";

import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

// An error page cannot ask the server for its language: it reads the page's own.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { errors } = typeof document !== "undefined" && document.documentElement.lang === "fr" ? fr : en;
  return (
    <section className="notice" role="alert">
      <h1>{errors.title}</h1>
      <p>{errors.message}</p>
      <button type="button" onClick={reset}>
        {errors.retry}
      </button>
    </section>
  );
}
