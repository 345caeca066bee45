import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { Context } from "../../src/bot/context.js";
import { WebhookReplies } from "../../src/bot/webhook-reply.js";

type Sent = { method: string; payload: unknown };
type Transformer = (prev: (method: string, payload: unknown) => Promise<unknown>, method: string, payload: unknown) => Promise<unknown>;

/**
 * One update's handler, reduced to what WebhookReplies sees of it: the Api calls it makes, each
 * through the transformer the middleware installed, ending at a Bot API that records them.
 */
function handlerOf(replies: WebhookReplies, updateId: number, where: "update" | "conversation" = "update") {
  const sent: Sent[] = [];
  let sentOne = () => {};
  const transformers: Transformer[] = [];
  const ctx = { update: { update_id: updateId }, api: { config: { use: (transformer: Transformer) => transformers.push(transformer) } } };
  const botApi = async (method: string, payload: unknown) => {
    sent.push({ method, payload });
    sentOne();
    return { ok: true, result: true };
  };
  const call = (method: string, payload: Record<string, unknown>) =>
    transformers.reduce<(m: string, p: unknown) => Promise<unknown>>((prev, transformer) => (m, p) => transformer(prev, m, p), botApi)(method, payload);
  return {
    sent,
    /** Runs the handler body inside the middleware, as grammY would for this update. */
    run: (body: (callApi: typeof call) => Promise<void>) => {
      const middleware = (where === "update" ? replies.hold() : replies.release()) as (c: unknown, next: () => Promise<void>) => Promise<void>;
      return middleware(ctx as unknown as Context, () => body(call));
    },
    /** Resolves at the next call that reaches the Bot API. */
    nextSent: () => new Promise<void>((resolve) => (sentOne = resolve)),
  };
}

describe("replies carried in the webhook answer", () => {
  const replies = new WebhookReplies(pino({ level: "silent" }));

  it("sends every message as a request of its own and answers the webhook with an empty body", async () => {
    const handler = handlerOf(replies, 1);
    const answer = await replies.handle(1, () =>
      handler.run(async (callApi) => {
        await callApi("sendMessage", { chat_id: 501, text: "một" });
        await callApi("sendMessage", { chat_id: 501, text: "hai" });
      }),
    );
    expect(handler.sent.map((call) => call.method)).toEqual(["sendMessage", "sendMessage"]);
    expect(answer).toBe("");
  });

  it("carries a button's answer in the webhook answer when it is the handler's last call", async () => {
    const handler = handlerOf(replies, 2);
    const answer = await replies.handle(2, () =>
      handler.run(async (callApi) => void (await callApi("answerCallbackQuery", { callback_query_id: "q2", text: "Hết hiệu lực" }))),
    );
    expect(handler.sent).toEqual([]);
    expect(JSON.parse(answer)).toEqual({ method: "answerCallbackQuery", callback_query_id: "q2", text: "Hết hiệu lực" });
  });

  it("sends a held button's answer first when a message follows it", async () => {
    const handler = handlerOf(replies, 3);
    const answer = await replies.handle(3, () =>
      handler.run(async (callApi) => {
        await callApi("answerCallbackQuery", { callback_query_id: "q3", text: "Đã chọn" });
        await callApi("sendMessage", { chat_id: 503, text: "Đã lưu" });
      }),
    );
    expect(handler.sent.map((call) => call.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    expect(answer).toBe("");
  });

  it("ends a button's spinner while the handler is still busy with long work", async () => {
    const handler = handlerOf(replies, 4);
    let finishWork = () => {};
    const spinnerEnded = handler.nextSent();
    const handling = replies.handle(4, () =>
      handler.run(async (callApi) => {
        await callApi("answerCallbackQuery", { callback_query_id: "q4", text: "Đang xử lý…" });
        await new Promise<void>((resolve) => (finishWork = resolve));
      }),
    );
    // Arrives while the handler is still working: it did not wait for the end of the update.
    await spinnerEnded;
    expect(handler.sent.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    finishWork();
    expect(await handling).toBe("");
  });

  it("holds nothing inside a guided conversation, whose replays need every answer", async () => {
    const handler = handlerOf(replies, 5, "conversation");
    const answer = await replies.handle(5, () => handler.run(async (callApi) => void (await callApi("answerCallbackQuery", { callback_query_id: "q5" }))));
    expect(handler.sent.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
    expect(answer).toBe("");
  });

  it("holds nothing for an update handled outside a webhook request", async () => {
    const handler = handlerOf(replies, 6);
    await handler.run(async (callApi) => void (await callApi("answerCallbackQuery", { callback_query_id: "q6" })));
    expect(handler.sent.map((call) => call.method)).toEqual(["answerCallbackQuery"]);
  });
});
