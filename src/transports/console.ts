import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Update } from "grammy/types";
import { createBot } from "../bot/index.js";
import type { BotServices } from "../bot/context.js";
import { resolveIdentity } from "../services/accounts.js";
import { cliActor } from "../services/audit.js";
import { hasDemoAgency, linkConsoleAccount, seedDemo } from "../services/demo.js";
import type { ChatPlatform } from "./platform.js";
import { type Choice, commandEntities, plainBotInfo, type PlainOutgoing, plainTextFetch } from "./reroute.js";

const CONSOLE_USER = { id: 1_000_001, is_bot: false, first_name: "console" } as const;
const CONSOLE_ACCOUNT = {
  platform: "console",
  externalId: String(CONSOLE_USER.id),
  chatId: String(CONSOLE_USER.id),
  displayName: "console",
} as const;
const CONSOLE_BOT = plainBotInfo(1, "tdkt_console_bot");

/**
 * A local chat on stdin/stdout, acting as the demo secretariat member: each line is a message,
 * a number presses the matching button of the last keyboard, and the end of input ends it.
 */
export function consolePlatform(
  services: Omit<BotServices, "platform">,
  io: { input: Readable; output: Writable } = { input: process.stdin, output: process.stdout },
): ChatPlatform {
  const consoleServices: BotServices = { ...services, platform: "console" };
  let choices: Choice[] = [];
  let locale = "vi";
  const print = (line: string) => io.output.write(`${line}\n`);
  const bot = createBot({
    token: "console",
    services: consoleServices,
    botInfo: CONSOLE_BOT,
    fetch: plainTextFetch({
      async deliver(outgoing: PlainOutgoing) {
        if (outgoing.kind === "document") {
          print(bot.i18n.t(locale, "console-document", { name: outgoing.file.fileName }));
          if (outgoing.caption) print(outgoing.caption);
          return;
        }
        print(outgoing.text);
        if (outgoing.kind === "notice") return;
        choices = outgoing.choices;
        if (choices.length > 0) {
          print(bot.i18n.t(locale, "console-choose"));
          for (const [index, choice] of choices.entries()) print(`  ${index + 1}. ${choice.label}`);
        }
      },
    }),
  });

  async function run(_signal: AbortSignal, onReady: () => void): Promise<void> {
    if (!(await hasDemoAgency(services.db))) await seedDemo(services.db, { clock: services.clock, actor: cliActor });
    await linkConsoleAccount(services.db, services.clock, CONSOLE_ACCOUNT.externalId);
    const identity = await resolveIdentity(services.db, CONSOLE_ACCOUNT);
    locale = identity.language ?? "vi";
    onReady();
    print(
      bot.i18n.t(locale, "console-welcome", {
        name: identity.person?.fullName ?? "",
        unit: identity.person?.unitName ?? "",
      }),
    );
    // Update ids must not repeat across runs, or the de-duplication would swallow them.
    let updateId = Date.now() * 100;
    let messageId = 0;
    const lines = createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const rawLine of lines) {
      const line = rawLine.trim();
      if (!line) continue;
      const chosen = /^\d+$/.test(line) ? choices[Number(line) - 1] : undefined;
      const update: Update = chosen
        ? {
            update_id: ++updateId,
            callback_query: {
              id: String(updateId),
              from: CONSOLE_USER,
              chat_instance: "console",
              data: chosen.data,
              message: { message_id: messageId, date: now(), chat: { id: CONSOLE_USER.id, type: "private", first_name: "console" }, text: "" },
            },
          }
        : {
            update_id: ++updateId,
            message: {
              message_id: ++messageId,
              date: now(),
              chat: { id: CONSOLE_USER.id, type: "private", first_name: "console" },
              from: CONSOLE_USER,
              text: line,
              ...commandEntities(line),
            },
          };
      await bot.handleUpdate(update);
      locale = (await resolveIdentity(services.db, CONSOLE_ACCOUNT)).language ?? "vi";
    }
    await bot.inflight.drain();
  }

  return { name: "console", bot, rate: 1, run };
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
