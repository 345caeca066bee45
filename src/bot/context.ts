import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context as BaseContext } from "grammy";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import type { Database } from "../db/client.js";
import type { Clock } from "../domain/calendar.js";
import type { ChannelCapabilities } from "../domain/channels.js";
import type { MessageArgs } from "../domain/user-error.js";
import type { Identity, Platform } from "../services/accounts/chat-accounts.js";
import type { BallotSeal } from "../services/ballots/seal.js";
import type { ServerLinks } from "../services/platform/signed-links.js";

/** What every handler may use; handed to createBot once. */
export type BotServices = {
  db: Database;
  config: Config;
  logger: Logger;
  clock: Clock;
  /** Seals members' ballots while voting is open, under the instances' secret. */
  ballotSeal: BallotSeal;
  platform: Platform;
  /** What the platform can do: how buttons, files and long texts are rendered there. */
  capabilities: ChannelCapabilities;
  /** Links to this server's pages (webhook mode): the upload page, for platforms that cannot take files. */
  links?: ServerLinks;
};

type Extensions = {
  services: BotServices;
  /** Set for every update that reaches a command: the chat account and its person, if linked. */
  identity: Identity;
  /**
   * Replies with a localized HTML message. Every argument is escaped here, so a name like
   * "Nguyễn <Văn> & Co" can never break the markup or inject any. It is always a request of
   * its own (only a button's answer may travel in a webhook answer, see WebhookReplies), so it
   * resolves to the message sent.
   */
  say(key: string, args?: MessageArgs, other?: Parameters<BaseContext["reply"]>[1]): ReturnType<BaseContext["reply"]>;
  /** How handling ended, for metrics, when not simply handled. */
  outcome?: "duplicate" | "error" | "group";
  /** Translates with every argument escaped for HTML, for composing longer messages. */
  translateHtml(key: string, args?: MessageArgs): string;
};

/** The context inside a guided conversation (the same services, no way to enter another one). */
export type ConversationContext = BaseContext & I18nFlavor & Extensions;

/** The context every handler gets. */
export type Context = ConversationFlavor<ConversationContext>;
