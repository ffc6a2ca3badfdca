import { html } from "hono/html";
import type { Locale } from "../core/locale.js";
import { textsFor } from "../core/texts/index.js";
import type { InstallFailure } from "../core/texts/web-texts.js";
import { plainPage } from "./layout.js";

/** The "Add to Slack" page: what Corong is, and the button that starts Slack's OAuth flow at `url`. */
export function installPageHtml(locale: Locale, url: string): string {
  const t = textsFor(locale).web.install;
  return String(
    plainPage(
      locale,
      t.title,
      html`<h1>${t.title}</h1><p>${t.prompt}</p><p><a class="button" href="${url}">${t.button}</a></p>`,
    ),
  );
}

export function installedHtml(locale: Locale, workspace: string): string {
  const t = textsFor(locale).web.install;
  return String(
    plainPage(
      locale,
      t.installedTitle,
      html`<h1>${t.installedTitle}</h1><p>${t.installed(workspace)}</p><p>${t.nextSteps}</p>`,
    ),
  );
}

export function installFailedHtml(locale: Locale, reason: InstallFailure, installPath: string): string {
  const t = textsFor(locale).web.install;
  return String(
    plainPage(
      locale,
      t.failedTitle,
      html`<h1>${t.failedTitle}</h1><p>${t.failed(reason)}</p><p><a class="button" href="${installPath}">${t.tryAgain}</a></p>`,
    ),
  );
}
