import type { Locale } from "../locale.js";
import { en } from "./en.js";
import { id } from "./id.js";
import type { Texts } from "./texts.js";

export type { MenuCommand, Texts } from "./texts.js";

const BY_LOCALE: Record<Locale, Texts> = { en, id };

export function textsFor(locale: Locale): Texts {
  return BY_LOCALE[locale];
}
