import type { Middleware, Transformer } from "grammy";
import type { Logger } from "pino";
import type { Context, ConversationContext } from "./context.js";

/** A held call, and how to send it the usual way through the chain it was made on. */
type Call = { method: string; payload: Record<string, unknown>; send(): Promise<unknown> };

type Slot = {
  held?: Call;
  /** Sends the held call if the handler is still busy after HOLD_AT_MOST_MS. */
  timer?: ReturnType<typeof setTimeout>;
  /** Held calls sent the usual way, in order; later calls wait for them. */
  sending: Promise<void>;
  closed: boolean;
  answer?: string;
};

// Only a call whose failure nobody would miss may travel in the webhook answer: Telegram reports
// nothing back for it, so a refused message there (a 429 after a burst, a 400) would be lost
// without a trace. Ending a button's spinner is such a call; every message goes as a request of
// its own, whose failure the bot sees, retries (429) and logs.
const HOLDABLE = new Set(["answerCallbackQuery"]);

// A handler still busy after this is doing long work (an import, an export): what it said so far
// ("Đang xử lý…", the end of a button's spinner) must be on screen, not wait for the end.
const HOLD_AT_MOST_MS = 250;

/**
 * Telegram lets the answer to a webhook request carry one Bot API call. The last harmless call a
 * handler makes (see HOLDABLE: a button's answer) travels that way, in the 200 that confirms the
 * update: one request to Telegram fewer for every button pressed.
 *
 * Each holdable call is held back; the next call, or a quarter of a second without one, first
 * sends it the usual way, so the chat sees everything in order and in time. A held call answers
 * `true`, as Telegram answers webhook replies, so outside a conversation no handler may read what
 * a reply returns. Inside a conversation
 * nothing is held (the conversation plugin keeps every answer for its replays): only what the
 * update held before is sent first.
 *
 * The answer is stored with the update's completion (see `take`), so that if the 200 never reaches
 * Telegram — the instance died, the connection broke — the redelivery, whichever instance gets
 * it, answers the same way (`replay`).
 */
export class WebhookReplies {
  private readonly slots = new Map<number, Slot>();

  constructor(private readonly logger: Pick<Logger, "warn">) {}

  /**
   * Handles one update delivered by webhook; resolves with the body of the 200 that confirms it:
   * the held call as Telegram expects it (`{"method": …, …parameters}`), or "" for none.
   */
  async handle(updateId: number, handleUpdate: () => Promise<void>): Promise<string> {
    // The same update in flight twice on this instance: the second is a duplicate and says nothing.
    if (this.slots.has(updateId)) {
      await handleUpdate();
      return "";
    }
    const slot: Slot = { closed: false, sending: Promise.resolve() };
    this.slots.set(updateId, slot);
    try {
      await handleUpdate();
    } finally {
      this.slots.delete(updateId);
    }
    return slot.answer ?? this.close(slot) ?? "";
  }

  /**
   * Ends holding for an update its handler is done with: what was held becomes the webhook
   * answer, returned here to be stored; undefined when nothing is held or the update did not
   * come by webhook. Later calls of the update go out the usual way.
   */
  take(updateId: number): string | undefined {
    const slot = this.slots.get(updateId);
    return slot ? this.close(slot) : undefined;
  }

  /** Answers a redelivered update with what its first delivery answered. */
  replay(updateId: number, answer: string): void {
    const slot = this.slots.get(updateId);
    if (slot) slot.answer = answer;
  }

  private close(slot: Slot): string | undefined {
    if (slot.closed) return slot.answer;
    slot.closed = true;
    clearTimeout(slot.timer);
    const held = slot.held;
    slot.held = undefined;
    if (held) slot.answer = JSON.stringify({ ...held.payload, method: held.method }, (_key, value: unknown) => value ?? undefined);
    return slot.answer;
  }

  /** For the update's own context: holds its calls as described above. */
  hold(): Middleware<Context> {
    return this.install(true);
  }

  /** For the contexts inside a conversation: sends what the update held before each of their calls. */
  release(): Middleware<ConversationContext> {
    return this.install(false);
  }

  private install(mayHold: boolean): Middleware<ConversationContext> {
    return async (ctx, next) => {
      const slot = this.slots.get(ctx.update.update_id);
      if (slot) ctx.api.config.use(this.holdingTransformer(slot, mayHold));
      await next();
    };
  }

  private holdingTransformer(slot: Slot, mayHold: boolean): Transformer {
    return async (prev, method, payload, signal) => {
      await this.sendHeld(slot);
      if (mayHold && !slot.closed && HOLDABLE.has(method)) {
        slot.held = { method, payload: payload as Record<string, unknown>, send: () => prev(method, payload) };
        slot.timer = setTimeout(() => void this.sendHeld(slot), HOLD_AT_MOST_MS);
        return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
      }
      return prev(method, payload, signal);
    };
  }

  /**
   * Sends the held call the usual way, through the chain it was made on (a conversation must not
   * record it among its own calls); resolves once everything held before has gone out. Its
   * answer goes unread, as a webhook reply's would.
   */
  private sendHeld(slot: Slot): Promise<void> {
    const held = slot.held;
    if (held) {
      slot.held = undefined;
      clearTimeout(slot.timer);
      slot.sending = slot.sending
        .then(() => held.send())
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn({ err: error, method: held.method }, "a held reply could not be sent"),
        );
    }
    return slot.sending;
  }
}
