import type { BotServices } from "../../bot/context.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { ChatPlatform } from "../platform.js";
import { ZaloClient } from "./client.js";
import { zaloSender } from "./outbound.js";
import { runZaloPolling } from "./polling.js";
import { createZaloTransport } from "./transport.js";
import { zaloWebhook } from "./webhook.js";

export type { ZaloTransport } from "./transport.js";

/**
 * Zalo's Bot Platform: a token refused by getMe stops start-up; long polling, or the webhook of
 * the shared HTTP server. Zalo cannot edit a message, so a broadcast's progress arrives only as
 * its final report, as a new message.
 */
export function zaloPlatform(
  services: Omit<BotServices, "platform" | "capabilities">,
  token: string,
  options: { downloads: ServerLinks | undefined; onUnsupported: ((method: string) => void) | undefined },
): ChatPlatform {
  const { config } = services;
  const client = new ZaloClient(token, config.zalo.apiRoot);
  const transport = createZaloTransport(services, {
    client,
    ...(options.downloads ? { downloads: options.downloads } : {}),
    ...(options.onUnsupported ? { onUnsupported: options.onUnsupported } : {}),
  });
  const { mode } = config;
  return {
    name: "zalo",
    bot: transport.bot,
    sender: zaloSender(transport.outbound),
    rate: config.zalo.rate,
    progress: async (target, view, finished) => {
      if (finished) await transport.outbound.sendPayload(target.chatId, { text: view.text, parseMode: "HTML", buttons: view.buttons }, target.messageId);
    },
    verify: () => client.checkToken(),
    run: (signal, onReady) => runZaloPolling(transport, client, services.logger, signal, onReady),
    ...(mode.kind === "webhook" ? { webhook: zaloWebhook(transport, client, mode.zalo.url, mode.zalo.secret) } : {}),
    uploads: transport.uploads,
  };
}
