import { eq } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { chatAccounts } from "../../db/schema/index.js";

/** The kinds of file a secretariat member sends: what the command they last typed asked for. */
export const UPLOAD_KINDS = ["roster", "plan", "holidays", "inspection", "task-report", "initiative", "cluster-report", "upward-report"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

const EXPECTED_FOR_MS = 60 * 60 * 1000;

/** Remembers for an hour which kind of file this chat was asked for (a .csv could be a roster or holidays). */
export async function expectUpload(db: Database, accountId: number, kind: UploadKind, now: Date, detail?: number): Promise<void> {
  await db
    .update(chatAccounts)
    .set({ awaitingUpload: detail === undefined ? kind : `${kind}:${detail}`, awaitingUploadUntil: new Date(now.getTime() + EXPECTED_FOR_MS) })
    .where(eq(chatAccounts.id, accountId));
}

/** The kind of file this chat was asked for within the hour (and what for: a task's id), if any. */
export async function expectedUpload(db: Database, accountId: number, now: Date): Promise<{ kind: UploadKind; detail: number | undefined } | undefined> {
  const [row] = await db
    .select({ kind: chatAccounts.awaitingUpload, until: chatAccounts.awaitingUploadUntil })
    .from(chatAccounts)
    .where(eq(chatAccounts.id, accountId));
  if (!row?.kind || !row.until || row.until.getTime() <= now.getTime()) return undefined;
  const [name, detail] = row.kind.split(":");
  const kind = UPLOAD_KINDS.find((known) => known === name);
  return kind && { kind, detail: detail === undefined ? undefined : Number(detail) };
}
