import { Bot } from "grammy";
import { pino } from "pino";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "../../src/bot/context.js";
import { WebhookReplies } from "../../src/bot/webhook-reply.js";
import { plainBotInfo } from "../../src/transports/plain-text/api.js";
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
    bot.callbackQuery("stale", (ctx) => ctx.answerCallbackQuery({ text: "Nút này không còn hiệu lực." }));
    bot.callbackQuery("edit", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Đã chọn" });
      await ctx.reply("Đã lưu");
    });
    bot.callbackQuery("long", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "Đang xử lý…" });
      await new Promise<void>((resolve) => (finishWork = resolve));
    });
  });
  afterAll(() => fake.close());

  const command = (updateId: number, chatId: number, text: string): Update => ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 0,
      chat: { id: chatId, type: "private", first_name: "A" },
      from: { id: chatId, is_bot: false, first_name: "A" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.length }],
    },
  });

  const press = (updateId: number, chatId: number, data: string): Update => ({
    update_id: updateId,
    callback_query: {
      id: `cb-${chatId}-${updateId}`,
      from: { id: chatId, is_bot: false, first_name: "A" },
      chat_instance: "i",
      data,
      message: { message_id: 1, date: 0, chat: { id: chatId, type: "private", first_name: "A" }, text: "" },
    },
  });

  it("sends every message as a request of its own, whose failure the bot would see, and answers with an empty body", async () => {
    const answer = await replies.handle(1, () => bot.handleUpdate(command(1, 501, "/three")));
    expect(fake.calls.filter((call) => call.payload.chat_id === 501).map((call) => call.payload.text)).toEqual(["một", "hai", "ba"]);
    expect(answer).toBe("");
    expect(fake.unread(501).map((shown) => shown.text)).toEqual(["một", "hai", "ba"]);
  });

  it("answers with an empty body when the handler sent nothing", async () => {
    expect(await replies.handle(2, () => bot.handleUpdate(command(2, 502, "/none")))).toBe("");
  });

  it("carries a button's answer in the webhook answer when it is the last call, and sends it first when a message follows", async () => {
    expect(JSON.parse(await replies.handle(5, () => bot.handleUpdate(press(5, 505, "stale"))))).toEqual({
      method: "answerCallbackQuery",
      callback_query_id: "cb-505-5",
      text: "Nút này không còn hiệu lực.",
    });
    expect(await replies.handle(6, () => bot.handleUpdate(press(6, 506, "edit")))).toBe("");
    expect(fake.unread(506).map((shown) => shown.text)).toEqual(["Đã chọn", "Đã lưu"]);
  });

  it("ends a button's spinner while a handler is still busy with long work", async () => {
    const handling = replies.handle(4, () => bot.handleUpdate(press(4, 504, "long")));
    // Arrives while the handler is still working: it did not wait for the end of the update.
    expect((await fake.nextShown(504)).text).toBe("Đang xử lý…");
    finishWork();
    expect(await handling).toBe("");
  });

  it("holds nothing for an update handled outside a webhook request", async () => {
    await bot.handleUpdate(command(3, 503, "/three"));
    expect(fake.unread(503).map((shown) => shown.text)).toEqual(["một", "hai", "ba"]);
  });
});
