import { createHash } from "node:crypto";
import type { Database } from "../../db/client.js";
import type { AgencyMailKind } from "../../domain/agency-mail.js";
import { recordAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";
import { sendMail } from "./mail.js";
import { withdrawReminder } from "./notices.js";

/**
 * A file sent back in answer to a mail this agency received (a report on a cross-inspection, a
 * report requested): one mail per file's content, so a file sent twice goes once; the reminder of
 * the answered mail withdrawn; the sending audited.
 */
export async function answerWithFile(
  db: Database,
  answer: {
    to: number;
    answering: number;
    kind: AgencyMailKind;
    payload: unknown;
    file: { fileName: string; bytes: Buffer };
    reminderKey: string;
    action: string;
  },
  context: ServiceContext,
): Promise<void> {
  const digest = createHash("sha256").update(answer.file.bytes).digest("hex").slice(0, 16);
  await db.transaction(async (tx) => {
    const mailId = await sendMail(tx, {
      to: answer.to,
      kind: answer.kind,
      key: `report:${answer.answering}:${digest}`,
      payload: answer.payload,
      files: [answer.file],
      at: context.clock(),
    });
    await withdrawReminder(tx, answer.reminderKey);
    if (mailId !== undefined)
      await recordAudit(tx, {
        at: context.clock(),
        actor: context.actor,
        action: answer.action,
        subject: `mail:${answer.answering}`,
        details: { report: mailId, file: answer.file.fileName },
      });
  });
}
