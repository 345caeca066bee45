import { createHash, timingSafeEqual } from "node:crypto";
import * as z from "zod";
import type { ZaloOaConfig } from "../../config.js";
import { plainBotInfo } from "../plain-text/api.js";

const zaloId = z.union([z.string().trim().min(1).max(128), z.number().int()]).transform(String);
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(Number);

const attachment = z.looseObject({
  type: z.string().max(30),
  payload: z.looseObject({ url: z.url().max(2000).optional(), name: z.string().max(300).optional(), size: z.coerce.number().optional() }).optional(),
});

const fromUser = {
  sender: z.looseObject({ id: zaloId }),
  timestamp,
};

/** The events of the Official Account's webhook the bot acts on; any other is acknowledged and ignored. */
const oaEventSchema = z.discriminatedUnion("event_name", [
  z.looseObject({ event_name: z.literal("user_send_text"), ...fromUser, message: z.looseObject({ msg_id: zaloId, text: z.string().max(20_000) }) }),
  z.looseObject({
    event_name: z.enum(["user_send_file", "user_send_image", "user_send_sticker", "user_send_gif", "user_send_audio", "user_send_video", "user_send_location"]),
    ...fromUser,
    message: z.looseObject({ msg_id: zaloId, attachments: z.array(attachment).max(20).optional() }),
  }),
  z.looseObject({ event_name: z.enum(["follow", "unfollow"]), follower: z.looseObject({ id: zaloId }), timestamp }),
]);

export type OaEvent = z.infer<typeof oaEventSchema>;
export type OaFollowEvent = { event_name: "follow" | "unfollow"; follower: { id: string }; timestamp: number };
export type OaUserEvent = {
  event_name: string;
  sender: { id: string };
  timestamp: number;
  message: { msg_id: string; text?: string; attachments?: z.infer<typeof attachment>[] };
};

/** Follow and unfollow carry a follower; every other event a sender and a message. */
export function isFollowEvent(event: OaEvent): event is OaEvent & OaFollowEvent {
  return event.event_name === "follow" || event.event_name === "unfollow";
}

const anyEvent = z.looseObject({ event_name: z.string().min(1).max(100) });

/** A webhook body: an event the bot acts on, "ignored" for another well-formed event, undefined for no event. */
export function parseOaEvent(body: unknown): OaEvent | "ignored" | undefined {
  const event = oaEventSchema.safeParse(body);
  if (event.success) return event.data;
  return anyEvent.safeParse(body).success ? "ignored" : undefined;
}

/** The person an event is from. */
export function userOf(event: OaEvent): string {
  return isFollowEvent(event) ? event.follower.id : (event as OaUserEvent).sender.id;
}

/** A 48-bit id for de-duplication: a redelivered event maps to the same number. */
export function oaUpdateId(event: OaEvent): number {
  const identity = isFollowEvent(event) ? `${userOf(event)}:${event.timestamp}` : (event as OaUserEvent).message.msg_id;
  return Number.parseInt(createHash("sha256").update(`oa:${event.event_name}:${identity}`).digest("hex").slice(0, 12), 16);
}

/**
 * Zalo signs each delivery: X-ZEvent-Signature is "mac=" and the SHA-256 of the app id (or, per
 * one guide, the OA id: ZALO_OA_SIGNATURE_ID), the raw body, the event's timestamp and the OA
 * secret key. Checked on the raw bytes before anything in the body is acted on.
 */
export function signatureMatches(config: ZaloOaConfig, header: string | string[] | undefined, rawBody: string, eventTimestamp: string): boolean {
  if (typeof header !== "string") return false;
  const given = header.replace(/^mac=/i, "").trim().toLowerCase();
  const id = config.signatureId === "oa_id" ? config.oaId : config.appId;
  const expected = createHash("sha256").update(`${id}${rawBody}${eventTimestamp}${config.secretKey}`).digest("hex");
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

/** The timestamp a body carries, as signed (a header `timestamp` when Zalo sends one). */
export function signedTimestamp(header: string | string[] | undefined, body: unknown): string {
  if (typeof header === "string" && /^\d{1,16}$/.test(header)) return header;
  const value = (body as { timestamp?: unknown } | undefined)?.timestamp;
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}

export const ZALO_OA_BOT_INFO = plainBotInfo(3, "tdkt_zalo_oa");
