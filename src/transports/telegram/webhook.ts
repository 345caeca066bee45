import type { Update } from "grammy/types";
import * as z from "zod";
import type { TdktBot } from "../../bot/index.js";
import { readBody, reply, safeJson, secretMatches } from "../http/body.js";
import type { PlatformWebhook } from "../platform.js";
import { ALLOWED_UPDATES, publishCommandMenu } from "./commands-menu.js";

// The body is Telegram's; only its shape is checked here, grammY reads the rest.
const updateSchema = z.object({ update_id: z.number().int().nonnegative() }).passthrough();

/**
 * Telegram's webhook: the secret header compared in constant time (401, nothing read), the
 * update handled before the 200, whose body may carry the bot's answer (see WebhookReplies).
 */
export function telegramWebhook(bot: TdktBot, url: string, secret: string, maxConnections: number): PlatformWebhook {
  return {
    path: new URL(url).pathname,
    async handle(req, res, accepting) {
      if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], secret)) return reply(res, 401, "unauthorized\n");
      if (!accepting) return reply(res, 503, "shutting down\n");
      const body = await readBody(req);
      const parsed = body === undefined ? undefined : updateSchema.safeParse(safeJson(body));
      if (!parsed?.success) return reply(res, 400, "bad update\n");
      const { busy, answer } = await bot.handle(parsed.data as unknown as Update, "webhook");
      // Still being handled elsewhere: not 200, so Telegram delivers it again a little later.
      if (busy) return reply(res, 503, "busy\n");
      return answer ? reply(res, 200, answer, "application/json") : reply(res, 200, "");
    },
    drain: () => bot.inflight.drain(),
    register: () => registerWebhook(bot, url, secret, maxConnections),
  };
}

/**
 * Tells Telegram where to deliver, with the secret, the update types and the parallelism. The
 * parallelism bounds the updates in flight, and so the replies a kill -9 can make twice (an update
 * answered but not yet recorded is delivered again): see WEBHOOK_MAX_CONNECTIONS.
 */
export async function registerWebhook(bot: TdktBot, url: string, secret: string, maxConnections: number): Promise<void> {
  await bot.init();
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: maxConnections });
  await publishCommandMenu(bot);
}
