"use client";

import { startTransition, type FormEvent } from "react";

/**
 * Submits a form to its action without React's reset of the form afterwards: a refused save keeps
 * what the person typed, so they correct one field instead of typing everything again.
 */
export function submitKeepingValues(formAction: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
