import { Bot } from "grammy";
import { pino } from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/bot/context.js";
import { WebhookReplies } from "../../src/bot/webhook-reply.js";
import { plainBotInfo } from "../../src/transports/reroute.js";
import { FakeTelegram, TEST_TOKEN } from "../support/fake-telegram.js";

describe("replies carried in the webhook answer", () => {
  let fake: FakeTelegram;
  const replies = new WebhookReplies(pino({ level: "silent" }));
  // The long work of the "/long" handler ends when the test says so.
  let finishWork = () => {};
  let bot: Bot<Context>;

  beforeAll(async () => {
    fake = await FakeTelegram.start();
    bot = new Bot<Context>(TEST_TOKEN, { client: { apiRoot: fake.apiRoot }, botInfo: plainBotInfo(42, "tdkt_test_bot") });
    bot.use(replies.hold());
    bot.command("three", async (ctx) => {
      await ctx.reply("một");
      await ctx.reply("hai");
      await ctx.reply("ba");
    });
    bot.command("none", () => {});
    bot.command("long", async (ctx) => {
      await ctx.reply("Đang xử lý…");
      await new Promise<void>((resolve) => (finishWork = resolve));
      await ctx.reply("Xong");
    });
  });
  afterAll(() => fake.close());

  const command = (updateId: number, chatId: number, text: string): Update => ({
    update_id: updateId,
    message: { message_id: updateId, date: 0, chat: { id: chatId, type: "private", first_name: "A" }, from: { id: chatId, is_bot: false, first_name: "A" }, text, entities: [{ type: "bot_command", offset: 0, length: text.length }] },
  });

  it("sends every message but the last at once, and the last in the answer, so the chat reads them in order", async () => {
    const answer = await replies.handle(1, () => bot.handleUpdate(command(1, 501, "/three")));
    expect(fake.calls.map((call) => call.payload.text)).toEqual(["một", "hai"]);
    expect(JSON.parse(answer)).toEqual({ method: "sendMessage", chat_id: 501, text: "ba" });
    await fake.executeWebhookAnswer(answer);
    expect(fake.unread(501).map((shown) => shown.text)).toEqual(["một", "hai", "ba"]);
  });

  it("answers with an empty body when the handler sent nothing", async () => {
    expect(await replies.handle(2, () => bot.handleUpdate(command(2, 502, "/none")))).toBe("");
  });

  it("shows what a handler busy with long work said so far, and only the end comes in the answer", async () => {
    const handling = replies.handle(4, () => bot.handleUpdate(command(4, 504, "/long")));
    // Arrives while the handler is still working: it did not wait for the end of the update.
    expect((await fake.nextShown(504)).text).toBe("Đang xử lý…");
    finishWork();
    expect(JSON.parse(await handling)).toEqual({ method: "sendMessage", chat_id: 504, text: "Xong" });
  });

  it("holds nothing for an update handled outside a webhook request", async () => {
    await bot.handleUpdate(command(3, 503, "/three"));
    expect(fake.unread(503).map((shown) => shown.text)).toEqual(["một", "hai", "ba"]);
  });
});
