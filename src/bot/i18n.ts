import { readFileSync } from "node:fs";
import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { MessageArgs } from "../domain/user-error.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

const localesDirectory = path.resolve(import.meta.dirname, "../../locales");

let sources: Map<Locale, string> | undefined;

/** The one Fluent catalogue: the bot, the CLI and the console all translate through it. */
export function createI18n<C extends Context>(localeNegotiator?: (ctx: C) => string | undefined): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    useSession: false,
    // Unicode isolation marks around variables would show up as garbage in Telegram.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
  // Read here rather than through the plugin's `directory`, which walks it with a Deno shim of
  // forty modules: a twentieth of a second of every start (patches/@grammyjs+i18n defers loading it).
  sources ??= new Map(LOCALES.map((locale) => [locale, readFileSync(path.join(localesDirectory, `${locale}.ftl`), "utf8")]));
  for (const [locale, source] of sources) i18n.loadLocaleSync(locale, { source });
  return i18n;
}

/** Maps whatever a platform reports ("en-US", "vi", undefined) to a locale we have. */
export function toLocale(code: string | null | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === base);
}

export type Translate = (key: string, args?: MessageArgs) => string;
