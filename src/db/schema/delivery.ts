// What each channel allows and has spent, and who it could not reach: the delivery policy's record.
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, requiredRef, agencyId, agencyOnly } from "./columns.js";
import { people } from "./identity.js";

/**
 * One channel's month (Asia/Ho_Chi_Minh calendar month, "2026-12"): messages sent, proactive
 * allowance spent, paid messages, and whether the channel stopped for the rest of the month (the
 * Zalo Bot Platform's quota answered). Counted by every instance with single-statement updates.
 */
export const channelMonths = pgTable(
  "channel_months",
  {
    agencyId: agencyId(),
    channel: text("channel").notNull(),
    month: text("month").notNull(),
    sent: integer("sent").notNull().default(0),
    allowanceUsed: integer("allowance_used").notNull().default(0),
    paid: integer("paid").notNull().default(0),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    stopReason: text("stop_reason"),
    /** When the secretariat was warned the month's quota was 80 % spent: once a month. */
    warnedAt: timestamp("warned_at", { withTimezone: true }),
    /** When the secretariat was told the channel stopped: once a month. */
    stopToldAt: timestamp("stop_told_at", { withTimezone: true }),
  },
  (t) => [agencyOnly(), primaryKey({ columns: [t.agencyId, t.channel, t.month] })],
);

/**
 * A person a message could not reach on a channel, and why; the secretariat is told once per
 * person, channel, reason and month (`toldAt`), in one message for all those found together.
 */
export const unreachedPeople = pgTable(
  "unreached_people",
  {
    agencyId: agencyId(),
    id: id(),
    personId: requiredRef("person_id", () => people.id),
    channel: text("channel").notNull(),
    reason: text("reason").notNull(),
    month: text("month").notNull(),
    /** Whether the message went on through another of the person's channels. */
    rerouted: text("rerouted"),
    toldAt: timestamp("told_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    agencyOnly(),
    uniqueIndex("unreached_people_once_idx").on(t.personId, t.channel, t.reason, t.month),
    index("unreached_people_untold_idx").on(t.agencyId, t.toldAt),
  ],
);
