import { Composer, InlineKeyboard, InputFile } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { ACTIONS } from "../src/domain/button-actions.js";
import { formatDate } from "../src/domain/calendar.js";
import { MAX_INITIATIVE_SCORE } from "../src/domain/initiatives.js";
import { foldForMatching } from "../src/domain/text.js";
import type { TitleLevel } from "../src/domain/titles.js";
import { UserError } from "../src/domain/user-error.js";
import { attachInitiativeFile, declareInitiative, initiativeById, initiativesOf, initiativesToReview, reviewInitiative } from "../src/services/initiatives.js";
import { serviceContextOf, thisYear } from "./service-context.js";
import { allowed, onButton } from "./guard.js";
import { offerUpload, receiveDocument, uploadExpected } from "./uploads.js";

/**
 * Initiatives (sáng kiến). An employee: /initiative Title | summary (then, optionally, its file);
 * /initiative alone lists theirs. The initiative council: /initiatives (what waits),
 * /initiatives ok N SCORE SCOPE, /initiatives return N reason.
 */
export const initiativesCommand = new Composer<Context>();

const declaration = z.object({ title: z.string().trim().min(3).max(300), summary: z.string().trim().min(3).max(2000) });

initiativesCommand.command("initiative", allowed("initiative"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const text = ctx.match.trim();
  if (!text) {
    const mine = await initiativesOf(ctx.services.db, person.id);
    if (mine.length === 0) return ctx.say("initiative-none");
    const lines = [ctx.translateHtml("initiative-mine-header")];
    for (const entry of mine)
      lines.push(
        ctx.translateHtml(`initiative-mine-${entry.status}`, {
          id: entry.id,
          title: entry.title,
          scope: ctx.t(`initiative-scope-${entry.scope ?? "co-so"}`),
          score: entry.score ?? 0,
          reason: entry.reason ?? "",
        }),
      );
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  }
  const [title = "", ...summary] = text.split("|");
  const parsed = declaration.safeParse({ title, summary: summary.join("|") });
  if (!parsed.success) return ctx.say("initiative-usage");
  const year = thisYear(ctx);
  const id = await declareInitiative(ctx.services.db, { personId: person.id, unitId: person.unitId, year, ...parsed.data }, serviceContextOf(ctx));
  await offerUpload(ctx, "initiative", "initiative-declared", { id, args: { id, title: parsed.data.title } });
});

initiativesCommand.on("message:document", async (ctx, next) => {
  const person = ctx.identity.person;
  const expected = person && (await uploadExpected(ctx));
  if (!person || expected?.kind !== "initiative" || expected.detail === undefined) return next();
  try {
    const { fileName, bytes } = await receiveDocument(ctx);
    const attached = await attachInitiativeFile(ctx.services.db, { id: expected.detail, personId: person.id, fileName: fileName || "sang-kien", bytes });
    await ctx.say(attached ? "initiative-file-received" : "initiative-file-too-late", { id: expected.detail, file: fileName });
  } catch (error) {
    if (error instanceof UserError) return ctx.say(error.key, error.args);
    throw error;
  }
});

const SCOPES: Record<string, TitleLevel> = { "co so": "co-so", coso: "co-so", bo: "bo-tinh", tinh: "bo-tinh", "bo tinh": "bo-tinh", "toan quoc": "toan-quoc" };
const number = z.coerce.number().int().positive();
const score = z.coerce.number().int().min(0).max(MAX_INITIATIVE_SCORE);

initiativesCommand.command("initiatives", allowed("initiatives"), async (ctx) => {
  const [verb = "", idWord, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  if (verb === "ok" || verb === "return") {
    const id = number.safeParse(idWord);
    if (!id.success) return ctx.say("initiatives-usage");
    let input: Parameters<typeof reviewInitiative>[1];
    if (verb === "ok") {
      const points = score.safeParse(rest[0]);
      const scope = SCOPES[foldForMatching(rest.slice(1).join(" ").replace(/-/g, " "))];
      if (!points.success || !scope) return ctx.say("initiatives-usage");
      input = { id: id.data, outcome: "recognised", scope, score: points.data };
    } else {
      const reason = z.string().trim().min(3).max(500).safeParse(rest.join(" "));
      if (!reason.success) return ctx.say("initiatives-usage");
      input = { id: id.data, outcome: "returned", reason: reason.data };
    }
    const reviewed = await reviewInitiative(ctx.services.db, input, serviceContextOf(ctx));
    if (reviewed === "not-waiting") return ctx.say("initiatives-not-waiting", { id: id.data });
    return ctx.say(`initiatives-${reviewed.status}`, {
      id: reviewed.id,
      title: reviewed.title,
      scope: ctx.t(`initiative-scope-${reviewed.scope ?? "co-so"}`),
      score: reviewed.score ?? 0,
    });
  }
  const waiting = await initiativesToReview(ctx.services.db);
  if (waiting.length === 0) return ctx.say("initiatives-none");
  const lines = [ctx.translateHtml("initiatives-header", { count: waiting.length })];
  const keyboard = new InlineKeyboard();
  for (const entry of waiting.slice(0, 30)) {
    lines.push(
      ctx.translateHtml("initiatives-line", { id: entry.id, title: entry.title, author: entry.author, unit: entry.unit, summary: entry.summary.slice(0, 200) }),
    );
    if (entry.has_file) keyboard.text(ctx.t("initiatives-button-file", { id: entry.id }), ACTIONS.initiativeFile.encode(entry.id)).row();
  }
  lines.push(ctx.translateHtml("initiatives-usage"));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});

onButton(initiativesCommand, ACTIONS.initiativeFile, async (ctx, [id]) => {
  await ctx.answerCallbackQuery();
  const initiative = await initiativeById(ctx.services.db, id);
  if (!initiative?.fileBase64) return ctx.say("initiatives-no-file", { id });
  await ctx.replyWithDocument(new InputFile(Buffer.from(initiative.fileBase64, "base64"), initiative.fileName ?? `sang-kien-${id}`), {
    caption: ctx.translateHtml("initiatives-file-caption", {
      id,
      title: initiative.title,
      date: formatDate(initiative.createdAt, ctx.services.config.displayTimeZone),
    }),
    parse_mode: "HTML",
  });
});
