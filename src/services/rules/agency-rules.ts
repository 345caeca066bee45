import { eq, inArray } from "drizzle-orm";
import * as z from "zod";
import type { Database } from "../../db/client.js";
import { agencySettings } from "../../db/schema/index.js";
import { type AgencyRules, NO_AGENCY_RULES } from "../../domain/titles.js";
import { recordAudit } from "../audit.js";
import type { AuditContext } from "../context.js";

const source = z.string().trim().min(3).max(200);
const titleCode = z.string().regex(/^[A-Z0-9_]{2,24}$/);
const rulesSchema = z.object({
  initiativeRequired: z.array(z.object({ titleCode, source })).max(20),
  caps: z.array(z.object({ titleCode, ofTitleCode: titleCode, maxPercent: z.number().int().min(1).max(100), source })).max(20),
  // Rules saved before the council's rules existed read as none set.
  councilThresholds: z
    .array(z.object({ titleCode, percent: z.number().int().min(1).max(100), source }))
    .max(20)
    .default([]),
  councilQuorum: z
    .object({ percent: z.number().int().min(1).max(100), source })
    .nullable()
    .default(null),
  unitVote: z
    .object({ percent: z.number().int().min(51).max(100), source })
    .nullable()
    .default(null),
});

/** The settings an agency keeps, by key: the rules, and the name its lists carry. */
const SETTINGS = {
  rules: rulesSchema,
  "agency-name": z.string().trim().min(2).max(200),
  // What a deputy head is when a roster gives positions only: an approver, or staff.
  "deputy-role": z.enum(["head", "staff"]),
} as const;
type Settings = { [K in keyof typeof SETTINGS]: z.output<(typeof SETTINGS)[K]> };

/** One stored setting, or undefined when it was never set (or no longer reads as valid). */
export async function agencySetting<K extends keyof Settings>(db: Database, key: K): Promise<Settings[K] | undefined> {
  const [row] = await db.select({ value: agencySettings.value }).from(agencySettings).where(eq(agencySettings.key, key));
  const parsed = row ? SETTINGS[key].safeParse(row.value) : undefined;
  return parsed?.success ? (parsed.data as Settings[K]) : undefined;
}

/** The agency's rules on top of the national set; none until the secretariat sets some. */
export async function agencyRules(db: Database): Promise<AgencyRules> {
  return (await agencySetting(db, "rules")) ?? NO_AGENCY_RULES;
}

/** The agency's name for its lists: the one set in chat, else AGENCY_NAME, else "". */
export async function agencyName(db: Database, configured: string): Promise<string> {
  return (await agencySetting(db, "agency-name")) ?? configured;
}

/** Stores a setting, checked against its schema, and records who changed it from what. */
export async function saveAgencySetting<K extends keyof Settings>(db: Database, key: K, value: Settings[K], context: AuditContext): Promise<void> {
  const checked = SETTINGS[key].parse(value);
  const now = context.clock();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ value: agencySettings.value })
      .from(agencySettings)
      .where(inArray(agencySettings.key, [key]));
    await tx
      .insert(agencySettings)
      .values({ key, value: checked, updatedAt: now })
      .onConflictDoUpdate({ target: [agencySettings.agencyId, agencySettings.key], set: { value: checked, updatedAt: now } });
    await recordAudit(tx, {
      at: now,
      actor: context.actor,
      action: "agency.setting",
      subject: `setting:${key}`,
      details: { from: before?.value ?? null, to: checked },
    });
  });
}
