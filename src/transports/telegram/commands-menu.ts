import { LOCALES } from "../../bot/i18n.js";
import type { TdktBot } from "../../bot/index.js";
import { commandsFor } from "../../domain/roles.js";

/** The update types the bot handles; Telegram sends nothing else. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** The command menu Telegram shows, per language, for the commands every staff member has. */
export async function publishCommandMenu(bot: TdktBot): Promise<void> {
  const commands = commandsFor(["staff"]).filter((command) => command !== "start");
  for (const locale of LOCALES) {
    await bot.api.setMyCommands(
      commands.map((command) => ({ command, description: bot.i18n.t(locale, `cmd-${command}`) })),
      locale === "vi" ? {} : { language_code: locale },
    );
  }
}
