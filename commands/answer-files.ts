import type { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { UserError } from "../src/domain/user-error.js";
import type { UploadKind } from "../src/services/platform/index.js";
import { agencyName } from "../src/services/rules/index.js";
import { receiveDocument, uploadExpected } from "./uploads.js";

export type AnswerFile = { mailId: number; fileName: string; bytes: Buffer; agencyName: string };

/**
 * Takes the file a chat was asked for in answer to another agency's mail (a report on a
 * cross-inspection, a report requested): `send` sends it with the mail's number and this agency's
 * name, and the chat is told where it went — or that no such mail came to this agency.
 */
export function onAnswerFile(
  composer: Composer<Context>,
  kind: UploadKind,
  send: (ctx: Context, file: AnswerFile) => Promise<{ kind: "sent"; to: string } | { kind: "unknown" }>,
  replies: { sent: string; unknown: string },
): void {
  composer.on("message:document", async (ctx, next) => {
    const expected = await uploadExpected(ctx);
    if (expected?.kind !== kind || expected.detail === undefined || !ctx.identity.person) return next();
    try {
      const { fileName, bytes } = await receiveDocument(ctx);
      const sent = await send(ctx, {
        mailId: expected.detail,
        fileName: fileName || "bao-cao.pdf",
        bytes,
        agencyName: await agencyName(ctx.services.db, ctx.services.config.agencyName),
      });
      if (sent.kind === "unknown") return ctx.say(replies.unknown, { id: expected.detail });
      await ctx.say(replies.sent, { to: sent.to, file: fileName });
    } catch (error) {
      if (error instanceof UserError) return ctx.say(error.key, error.args);
      throw error;
    }
  });
}
