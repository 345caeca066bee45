import { randomInt } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { CONSOLE_CAPABILITIES } from "../../domain/channels.js";
import type { BotServices } from "../../bot/context.js";
import { createBot } from "../../bot/index.js";
import { renderNumberedChoices } from "../../domain/numbered-choices.js";
import { resolveIdentity } from "../../services/accounts/chat-accounts.js";
import { cliActor } from "../../services/audit.js";
import { hasDemoAgency, linkConsoleAccount, seedDemo } from "../../services/demo.js";
import { seedDemoYear } from "../../services/demo-year.js";
import { plainBotInfo, type PlainOutgoing, plainTextFetch } from "../plain-text/api.js";
import { chatOfCallbackQuery, rememberChoices, repromptText, updateFromLine } from "../plain-text/choices.js";
import type { ChatPlatform } from "../platform.js";

const CONSOLE_USER = { id: 1_000_001, is_bot: false, first_name: "console" } as const;
const CONSOLE_CHAT = { id: CONSOLE_USER.id, type: "private" as const, first_name: "console" };
const CONSOLE_ACCOUNT = {
  platform: "console",
  externalId: String(CONSOLE_USER.id),
  chatId: String(CONSOLE_USER.id),
  displayName: "console",
} as const;
const CONSOLE_BOT = plainBotInfo(1, "tdkt_console_bot");

/**
 * A local chat on stdin/stdout, acting as the demo secretariat member: the same plain-text
 * platform as Zalo (options listed with numbers, remembered in Postgres and chosen by number,
 * "số N" or label), and the end of input ends it.
 */
export function consolePlatform(
  services: Omit<BotServices, "platform" | "capabilities">,
  io: { input: Readable; output: Writable } = { input: process.stdin, output: process.stdout },
): ChatPlatform {
  const consoleServices: BotServices = { ...services, platform: "console", capabilities: CONSOLE_CAPABILITIES };
  let locale = "vi";
  const print = (line: string): void => {
    io.output.write(`${line}\n`);
  };
  const t = (key: string, args?: Record<string, string | number>) => bot.i18n.t(locale, key, args);
  const showChoices = async (text: string, outgoing: { messageId: number; choices: { label: string; data: string }[] }) => {
    if (outgoing.choices.length === 0) return print(text);
    const offered = await rememberChoices(services.db, "console", CONSOLE_ACCOUNT.chatId, outgoing.choices, outgoing.messageId);
    print(`${text}\n\n${renderNumberedChoices(offered, t("plain-choose-hint"))}`);
  };
  const bot = createBot({
    token: "console",
    services: consoleServices,
    botInfo: CONSOLE_BOT,
    fetch: plainTextFetch({
      async deliver(outgoing: PlainOutgoing) {
        switch (outgoing.kind) {
          case "document":
            print(t("console-document", { name: outgoing.file.fileName }));
            if (outgoing.caption) print(outgoing.caption);
            return;
          case "notice":
            return print(outgoing.text);
          case "choices":
            return outgoing.choices.length === 0 ? undefined : showChoices(t("plain-choices-updated"), outgoing);
          default:
            return showChoices(outgoing.text, outgoing);
        }
      },
      chatOfCallbackQuery,
      unsupported: (method) => services.logger.warn({ method }, "a Bot API call the console cannot carry out"),
    }),
  });

  async function run(_signal: AbortSignal, onReady: () => void): Promise<void> {
    if (!(await hasDemoAgency(services.db))) {
      await seedDemo(services.db, { clock: services.clock, actor: cliActor });
      // The try-out's year: plan tasks, a campaign, a meeting and a visit, so each command shows something.
      const translate = (language: string, key: string, args?: Record<string, string | number>) => bot.i18n.t(language, key, args);
      await seedDemoYear(services.db, { clock: services.clock, actor: cliActor, translate, timeZone: services.config.displayTimeZone });
    }
    await linkConsoleAccount(services.db, services.clock, CONSOLE_ACCOUNT.externalId);
    const identity = await resolveIdentity(services.db, CONSOLE_ACCOUNT);
    locale = identity.language ?? "vi";
    onReady();
    print(t("console-welcome", { name: identity.person?.fullName ?? "", unit: identity.person?.unitName ?? "" }));
    // Update ids must not repeat across runs or between two consoles started in the same
    // millisecond, or the de-duplication would swallow them: a random start, 47 bits.
    let updateId = randomInt(2 ** 47);
    const lines = createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const rawLine of lines) {
      const text = rawLine.trim();
      if (!text) continue;
      updateId++;
      const read = await updateFromLine(services.db, {
        platform: "console",
        updateId,
        chatId: CONSOLE_ACCOUNT.chatId,
        from: CONSOLE_USER,
        chat: CONSOLE_CHAT,
        date: Math.floor(Date.now() / 1000),
        text,
        messageId: updateId % 2_000_000_000,
      });
      if ("update" in read) await bot.handleUpdate(read.update);
      else print(repromptText(t, read.reprompt));
      locale = (await resolveIdentity(services.db, CONSOLE_ACCOUNT)).language ?? "vi";
    }
    await bot.inflight.drain();
  }

  return { name: "console", bot, rate: 1, run };
}
