import type { Middleware, Transformer } from "grammy";
import type { Context, ConversationContext } from "./context.js";

/** A held call, and how to send it the usual way through the chain it was made on. */
type Call = { method: string; payload: Record<string, unknown>; send(): Promise<unknown> };

type Slot = { held?: Call; closed: boolean; answer?: string };

// Calls whose answer (a message, or true) no handler reads outside a conversation.
const HOLDABLE = new Set(["sendMessage", "editMessageText", "answerCallbackQuery"]);

/**
 * Telegram lets the answer to a webhook request carry one Bot API call. The last call a handler
 * makes travels that way, in the 200 that confirms the update: one request to Telegram fewer per
 * update (for most commands, the only one), and a reply that goes out exactly when the update is
 * confirmed — an instance that dies first has sent nothing, and the update is delivered again.
 *
 * Each holdable call is held back; any later call first sends the held one the usual way, so the
 * chat sees everything in order. A held call answers `true`, as Telegram answers webhook replies,
 * so outside a conversation no handler may read what a reply returns. Inside a conversation
 * nothing is held (the conversation plugin keeps every answer for its replays): only what the
 * update held before is sent first.
 *
 * The answer is stored with the update's completion (see `take`), so that if the 200 never reaches
 * Telegram — the instance died, the connection broke — the redelivery, whichever instance gets
 * it, answers with the same reply (`replay`): the user gets it once, not never and not twice.
 */
export class WebhookReplies {
  private readonly slots = new Map<number, Slot>();

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
    const slot: Slot = { closed: false };
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
      if (slot) ctx.api.config.use(holdingTransformer(slot, mayHold));
      await next();
    };
  }
}

function holdingTransformer(slot: Slot, mayHold: boolean): Transformer {
  return async (prev, method, payload, signal) => {
    const held = slot.held;
    if (held) {
      slot.held = undefined;
      // Sent through its own chain: a conversation must not record it among its own calls. Its
      // answer goes unread, as a webhook reply's would.
      await held.send();
    }
    if (mayHold && !slot.closed && HOLDABLE.has(method)) {
      slot.held = { method, payload: payload as Record<string, unknown>, send: () => prev(method, payload) };
      return { ok: true, result: true } as Awaited<ReturnType<typeof prev>>;
    }
    return prev(method, payload, signal);
  };
}
