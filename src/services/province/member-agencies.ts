import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.js";
import { UserError } from "../../domain/user-error.js";
import { isStoredChannelSetting, STORED_CHANNEL_SETTINGS, sealChannelValue } from "./channel-secrets.js";
import { relatedAgencies } from "./mail.js";

/**
 * The province's administrator in chat: an agency added under the province (its connection cannot
 * write another agency's row, so a function of migration 0046 does, for the province only).
 * Undefined when the code is taken.
 */
export async function addMemberAgency(db: Database, input: { code: string; name: string }): Promise<number | undefined> {
  try {
    const [row] = await queryRows<{ id: number | null }>(db, sql`select tdkt_add_member_agency(${input.code.trim()}, ${input.name.trim()}) as id`);
    return row?.id ?? undefined;
  } catch (error) {
    if (/only the province adds agencies/.test(String((error as { cause?: unknown }).cause ?? error))) throw new UserError("agency-add-not-province");
    throw error;
  }
}

/** Keeps (or, with an empty value, removes) one channel setting of an agency under the province, sealed here. */
export async function setMemberChannel(db: Database, input: { code: string; name: string; value: string }, secret: string): Promise<boolean> {
  if (!isStoredChannelSetting(input.name)) throw new UserError("channel-setting-unknown", { name: input.name, names: STORED_CHANNEL_SETTINGS.join(", ") });
  const member = (await relatedAgencies(db)).find((agency) => agency.relation === "member" && agency.code === input.code.trim().toUpperCase());
  if (!member) return false;
  const sealed = input.value === "" ? null : sealChannelValue(secret, member.id, input.name, input.value);
  const [row] = await queryRows<{ saved: boolean }>(db, sql`select tdkt_set_member_channel(${member.id}, ${input.name}, ${sealed}) as saved`);
  return row?.saved === true;
}

/** The agencies under the province, each with the names (never the values) of the channel settings it keeps. */
export async function memberAgencies(db: Database): Promise<{ id: number; code: string; name: string; channels: string[] }[]> {
  const members = (await relatedAgencies(db)).filter((agency) => agency.relation === "member");
  const channels = await queryRows<{ code: string; name: string }>(db, sql`select code, name from tdkt_member_channels()`);
  return members.map((agency) => ({ ...agency, channels: channels.filter((channel) => channel.code === agency.code).map((channel) => channel.name) }));
}
