import type { BotServices } from "../../bot/context.js";
import type { ZaloOaConfig } from "../../config.js";
import type { ChannelCapabilities } from "../../domain/channels.js";
import { OA_WINDOW } from "../../services/delivery/index.js";
import type { ServerLinks } from "../../services/platform/signed-links.js";
import type { ChatPlatform } from "../platform.js";
import { OaClient } from "./client.js";
import { oaSender } from "./sender.js";
import { OaTokens } from "./tokens.js";
import { createOaTransport } from "./transport.js";
import { zaloOaWebhook } from "./webhook.js";

export { ZALO_OA_WEBHOOK_PATH } from "./webhook.js";

/** What the OA can do: five buttons of 100 characters a message, files of the configured kinds both ways. */
export function oaCapabilities(config: ZaloOaConfig): ChannelCapabilities {
  return {
    buttons: { max: 5, titleLimit: 100 },
    edits: false,
    filesOut: { extensions: config.fileTypes, maxBytes: config.fileMaxBytes },
    filesIn: true,
    textLimit: 2000,
  };
}

/**
 * The Zalo Official Account: webhook only (its events come to /zalo-oa of the shared server),
 * tokens refreshed through Postgres, the delivery policy's windows and allowance on every
 * proactive message. It cannot edit, so a broadcast's progress arrives as its final report.
 */
export function zaloOaPlatform(
  services: Omit<BotServices, "platform" | "capabilities">,
  config: ZaloOaConfig,
  options: { downloads: ServerLinks | undefined; onUnsupported: ((method: string) => void) | undefined },
): ChatPlatform {
  const tokens = new OaTokens(services.db, config);
  const client = new OaClient(config, tokens);
  const transport = createOaTransport(services, {
    client,
    capabilities: oaCapabilities(config),
    ...(options.downloads ? { downloads: options.downloads } : {}),
    ...(options.onUnsupported ? { onUnsupported: options.onUnsupported } : {}),
  });
  const verify = async () => {
    await tokens.accessToken();
  };
  return {
    name: "zalo_oa",
    bot: transport.bot,
    sender: oaSender(transport.outbound, services.db, services.clock, {
      channel: "zalo_oa",
      ...OA_WINDOW,
      freeReplies: config.freeReplies,
      monthlyAllowance: config.monthlyAllowance,
      timeZone: services.config.displayTimeZone,
    }),
    rate: config.rate,
    progress: async (target, view, finished) => {
      if (finished) await transport.outbound.sendPayload(target.chatId, { text: view.text, parseMode: "HTML", buttons: view.buttons }, target.messageId);
    },
    verify,
    run: async () => {
      throw new Error("the Zalo OA runs in webhook mode only");
    },
    webhook: zaloOaWebhook(transport, config, async () => {}),
  };
}
