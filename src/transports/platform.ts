import type { TdktBot } from "../bot/index.js";
import type { ProgressEdit } from "../scheduler/broadcast-progress.js";
import type { Sender } from "../scheduler/dispatcher.js";
import type { Platform as PlatformName } from "../services/accounts/chat-accounts.js";
import type { WebhookRoute } from "./http/server.js";
import type { UploadReceiver } from "./http/upload-page.js";

/** How a platform's updates reach the webhook server, when it has one: its route, and how to register it. */
export type PlatformWebhook = WebhookRoute & {
  /** Tells the platform where to deliver (and with which secret), at start-up. */
  register(): Promise<void>;
};

/**
 * One chat platform, whatever it is: its bot (the same handlers everywhere), how the outbox
 * reaches it (`sender`, with its own rate key), how a broadcast's progress is shown there,
 * and how it takes updates — `run` (polling, or the console's input) until the signal, or
 * `webhook` for the shared HTTP server.
 */
export type ChatPlatform = {
  name: PlatformName;
  bot: TdktBot;
  /** Absent for the console, which has no notifications. */
  sender?: Sender;
  /** Messages a second this platform accepts from the bot, shared by every instance. */
  rate: number;
  progress?: ProgressEdit;
  /** Checks the platform's credentials before anything starts; throws a ConfigError when refused. */
  verify?(): Promise<void>;
  /** Takes updates until `signal` aborts (or, for the console, until its input ends); calls `onReady` once it does. */
  run(signal: AbortSignal, onReady: () => void): Promise<void>;
  webhook?: PlatformWebhook;
  /** For a platform whose bot cannot take files: where the upload page hands them. */
  uploads?: UploadReceiver;
};
