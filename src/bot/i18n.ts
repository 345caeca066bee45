import path from "node:path";
import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { MessageArgs } from "../domain/user-error.js";

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";

const localesDirectory = path.resolve(import.meta.dirname, "../../locales");

/** The one Fluent catalogue: the bot, the CLI and the console all translate through it. */
export function createI18n<C extends Context>(localeNegotiator?: (ctx: C) => string | undefined): I18n<C> {
  return new I18n<C>({
    defaultLocale: DEFAULT_LOCALE,
    directory: localesDirectory,
    useSession: false,
    // Unicode isolation marks around variables would show up as garbage in Telegram.
    fluentBundleOptions: { useIsolating: false },
    ...(localeNegotiator ? { localeNegotiator } : {}),
  });
}

/** Maps whatever a platform reports ("en-US", "vi", undefined) to a locale we have. */
export function toLocale(code: string | null | undefined): Locale | undefined {
  const base = code?.toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === base);
}

export type Translate = (key: string, args?: MessageArgs) => string;
