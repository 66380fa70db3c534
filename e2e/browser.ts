import fs from "node:fs";
import { chromium } from "@playwright/test";

// Which Chromium the browser tests drive: CHROMIUM_PATH when set, else Debian's /usr/bin/chromium,
// else the one `npx playwright install chromium` downloaded. Playwright's own download fails on
// machines without open internet, hence the system browser first.
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", playwrightChromium()];
  const found = candidates.find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the browser tests. Install one of:",
      "  - Debian or Ubuntu: sudo apt-get install -y chromium",
      "  - elsewhere: npx playwright install chromium",
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
    ].join("\n"),
  );
}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
