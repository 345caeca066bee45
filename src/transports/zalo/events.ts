import { createHash } from "node:crypto";
import * as z from "zod";
import { plainBotInfo } from "../plain-text/api.js";

const zaloId = z.union([z.string().trim().min(1).max(128), z.number().int()]).transform(String);

const zaloMessageSchema = z.looseObject({
  message_id: zaloId,
  from: z.looseObject({ id: zaloId, display_name: z.string().max(300).optional(), name: z.string().max(300).optional(), is_bot: z.boolean().optional() }),
  chat: z.looseObject({ id: zaloId, chat_type: z.string().max(30).optional() }),
  date: z.number().optional(),
  text: z.string().max(20_000).optional(),
});

const zaloEventSchema = z.looseObject({ event_name: z.string().min(1).max(100), message: zaloMessageSchema });
// What any event has: Zalo sends some (message.unsupported.received, future kinds) without a
// message the bot could answer; they are acknowledged and ignored, never refused.
const anyEventSchema = z.looseObject({ event_name: z.string().min(1).max(100) });

export type ZaloEvent = z.infer<typeof zaloEventSchema>;

/**
 * A webhook body or a getUpdates result, bare or in its `{ok, result}` wrapper: an event the bot
 * can answer, "ignored" for a well-formed event it has nothing to do with, or undefined for a
 * body that is no event at all.
 */
export function parseZaloEvent(body: unknown): ZaloEvent | "ignored" | undefined {
  const wrapped = z.looseObject({ ok: z.boolean(), result: z.unknown() }).safeParse(body);
  const candidate = wrapped.success ? wrapped.data.result : body;
  const event = zaloEventSchema.safeParse(candidate);
  if (event.success) return event.data;
  return anyEventSchema.safeParse(candidate).success ? "ignored" : undefined;
}

/**
 * Zalo events have no update id; the event name and message id identify one, so a redelivered
 * event maps to the same number and the usual de-duplication applies. 48 bits: a safe integer.
 */
export function zaloUpdateId(event: Pick<ZaloEvent, "event_name"> & { message: { message_id: string } }): number {
  return Number.parseInt(createHash("sha256").update(`${event.event_name}:${event.message.message_id}`).digest("hex").slice(0, 12), 16);
}

export const ZALO_BOT_INFO = plainBotInfo(2, "tdkt_zalo_bot");
