import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { type ApiClientOptions, Bot, type BotConfig, type Middleware, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { escapeArgs } from "../domain/text.js";
import type { MessageArgs } from "../domain/user-error.js";
import { type ChatUser, type Identity, resolveIdentity } from "../services/accounts/chat-accounts.js";
import { intake } from "../services/platform/intake.js";
import { updateDuration, updatesHandled } from "../metrics.js";
import { type FinishedUpdate, updateFinisher } from "../services/platform/updates.js";
import { commandComposers } from "../../commands/index.js";
import { conversationComposers } from "../../commands/conversations.js";
import type { BotServices, Context, ConversationContext } from "./context.js";
import { postgresConversationStorage } from "./conversation-storage.js";
import { reportHandlerError } from "./errors.js";
import { createI18n, toLocale } from "./i18n.js";
import { InflightUpdates } from "./inflight.js";
import { privateChatsOnly } from "./private-chats-only.js";
import { WebhookReplies } from "./webhook-reply.js";

export type CreateBotOptions = {
  token: string;
  services: BotServices;
  apiRoot?: string;
  /** Given when the platform is not Telegram, so the bot never calls getMe. */
  botInfo?: UserFromGetMe;
  /** Answers the Bot API calls in place of Telegram, for the other platforms. */
  fetch?: ApiClientOptions["fetch"];
  /** The outgoing-call policy (see outgoing-policy.ts), installed on every Api a handler uses. */
  outgoing?: Transformer[];
};

export function createBot({ token, services, apiRoot, botInfo, fetch, outgoing = [] }: CreateBotOptions) {
  const botConfig: BotConfig<Context> = {
    client: { apiRoot: apiRoot ?? services.config.telegram.apiRoot, ...(fetch ? { fetch } : {}) },
    ...(botInfo ? { botInfo } : {}),
  };
  const bot = new Bot<Context>(token, botConfig);
  bot.api.config.use(...outgoing);
  const inflight = new InflightUpdates();
  const webhookReplies = new WebhookReplies(services.logger);
  const i18n = createI18n<Context>((ctx) => ctx.identity?.language ?? toLocale(ctx.from?.language_code) ?? undefined);

  bot.use(inflight.middleware());
  bot.use(measure());
  // Updates of one chat are handled in order; different chats run in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(privateChatsOnly(services, i18n));
  const identities = new Map<number, Identity>();
  // Updates another instance is still handling: a webhook answers them 503, so they come again later.
  const busy = new WeakSet<object>();
  bot.use(intakeUpdate(services, identities, updateFinisher(services.db, services.platform), webhookReplies, busy));
  bot.use(webhookReplies.hold());
  const perUpdate = [attachServices(services), attachIdentity(services, identities), i18n.middleware()];
  bot.use(...perUpdate);
  const reportError = reportHandlerError(i18n, services.logger);
  bot.errorBoundary(
    reportError,
    // Inside a conversation each update gets a fresh context: the same per-update middleware runs there too.
    conversations<Context, ConversationContext>({
      storage: postgresConversationStorage(services.db, services.platform),
      // A conversation builds a fresh Api for each step without the bot's transformers: the policy goes on it here.
      plugins: [installOnApi(outgoing), ...(perUpdate as Middleware<ConversationContext>[]), webhookReplies.release()],
    }),
    ...conversationComposers,
    ...commandComposers,
  );
  bot.catch(reportError);

  /**
   * Handles one update and says how it ended: `busy` when another instance holds it (answer the
   * platform so that it delivers it again), and for a webhook delivery the answer its 200 carries.
   */
  async function handle(update: Update, delivery: "webhook" | "direct" = "direct"): Promise<{ busy: boolean; answer: string }> {
    let answer = "";
    if (delivery === "webhook") answer = await webhookReplies.handle(update.update_id, () => bot.handleUpdate(update));
    else await bot.handleUpdate(update);
    return { busy: busy.has(update), answer };
  }

  return Object.assign(bot, { inflight, i18n, services, handle });
}

export type TdktBot = ReturnType<typeof createBot>;

function installOnApi(transformers: Transformer[]): Middleware<ConversationContext> {
  return async (ctx, next) => {
    ctx.api.config.use(...transformers);
    await next();
  };
}

/** Counts every update by type and outcome and times its handling. */
function measure(): Middleware<Context> {
  return async (ctx, next) => {
    const stop = updateDuration.startTimer();
    try {
      await next();
    } catch (error) {
      ctx.outcome = "error";
      throw error;
    } finally {
      stop();
      const type = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
      updatesHandled.inc({ type, outcome: ctx.outcome ?? "ok" });
    }
  };
}

/**
 * Claims the update (a redelivery does nothing twice, whichever instance gets it) and finds who
 * sent it, in one round trip. The identity is kept for the update, so the per-update middleware
 * (also run for each replayed update inside a conversation) does not look it up again.
 */
function intakeUpdate(
  services: BotServices,
  identities: Map<number, Identity>,
  finishUpdate: (update: FinishedUpdate) => Promise<void>,
  webhookReplies: WebhookReplies,
  busy: WeakSet<object>,
): Middleware<Context> {
  return async (ctx, next) => {
    // Channel posts and the like have no person behind them; the bot has nothing to say there.
    if (!ctx.from || ctx.from.is_bot) return;
    const updateId = ctx.update.update_id;
    const { claim, identity, answer } = await intake(services.db, chatUserOf(ctx, services.platform), updateId);
    if (claim !== "claimed" || !identity) {
      ctx.outcome = "duplicate";
      if (claim === "busy") busy.add(ctx.update);
      if (answer) webhookReplies.replay(updateId, answer);
      services.logger.info({ update_id: updateId, claim }, "update already taken");
      return;
    }
    remember(identities, updateId, identity);
    await next();
    // Done only once handled; if this process dies first, another takes it over after the lease.
    await finishUpdate({ updateId, answer: webhookReplies.take(updateId) });
  };
}

function chatUserOf(
  ctx: { from?: { id: number; first_name: string; last_name?: string }; chat?: { id: number } },
  platform: BotServices["platform"],
): ChatUser {
  return {
    platform,
    externalId: String(ctx.from?.id),
    chatId: String(ctx.chat?.id ?? ctx.from?.id),
    displayName: [ctx.from?.first_name, ctx.from?.last_name].filter(Boolean).join(" "),
  };
}

function remember(identities: Map<number, Identity>, updateId: number, identity: Identity) {
  identities.set(updateId, identity);
  if (identities.size > 10_000) identities.delete(identities.keys().next().value as number);
}

function attachServices(services: BotServices): Middleware<ConversationContext> {
  return async (ctx, next) => {
    ctx.services = services;
    ctx.translateHtml = (key: string, args: MessageArgs = {}) => ctx.t(key, escapeArgs(args));
    ctx.say = (key, args, other) => ctx.reply(ctx.translateHtml(key, args), { parse_mode: "HTML", ...other });
    await next();
  };
}

function attachIdentity(services: BotServices, identities: Map<number, Identity>): Middleware<ConversationContext> {
  return async (ctx, next) => {
    if (!ctx.from || ctx.from.is_bot) return;
    // A conversation replays its earlier updates on every step: their identities are known.
    const known = identities.get(ctx.update.update_id);
    ctx.identity = known ?? (await resolveIdentity(services.db, chatUserOf(ctx, services.platform)));
    if (!known) remember(identities, ctx.update.update_id, ctx.identity);
    await next();
  };
}
