import { Composer } from "grammy";
import * as z from "zod";
import type { Context } from "../src/bot/context.js";
import { parseRole } from "../src/domain/roles.js";
import { addToTeam, teamOf } from "../src/services/inspections/index.js";
import { BODY_ROLES, type BodyRole, bodyMembers, changeBody } from "../src/services/roster/index.js";
import { allowed } from "./guard.js";
import { serviceContextOf } from "./service-context.js";

/** The agency's bodies, managed from chat by the secretariat: /role for the council and the others, /team for inspections. */
export const bodiesCommand = new Composer<Context>();

const CHANGES = { add: "add", them: "add", remove: "remove", bo: "remove", xoa: "remove", chair: "chair", "chu-tich": "chair" } as const;

/** /role; /role council; /role council add C1 C2 …; /role council remove C1; /role council chair C1. */
bodiesCommand.command("role", allowed("role"), async (ctx) => {
  const [roleWord = "", changeWord = "", ...codes] = ctx.match.trim().split(/\s+/);
  if (!roleWord) {
    const lines = [ctx.translateHtml("role-bodies-header")];
    for (const role of BODY_ROLES) lines.push(await membersLine(ctx, role));
    lines.push(ctx.translateHtml("role-usage"));
    return ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
  }
  const role = parseRole(roleWord);
  if (!role || !(BODY_ROLES as readonly string[]).includes(role)) return ctx.say("role-usage");
  const body = role as BodyRole;
  if (!changeWord) return ctx.reply(await membersLine(ctx, body), { parse_mode: "HTML" });
  const change = CHANGES[changeWord.toLowerCase() as keyof typeof CHANGES];
  if (!change || codes.length === 0 || (change === "chair" && body !== "council")) return ctx.say("role-usage");
  const result = await changeBody(ctx.services.db, { role: body, change, staffCodes: codes }, serviceContextOf(ctx));
  const lines = [
    ctx.translateHtml(`role-${change}-done`, { body: ctx.t(`body-${body}`), count: result.changed.length, names: result.changed.join(", ") || "—" }),
  ];
  if (result.unknown.length > 0) lines.push(ctx.translateHtml("role-unknown-codes", { codes: result.unknown.join(", ") }));
  lines.push(await membersLine(ctx, body));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});

async function membersLine(ctx: Context, role: BodyRole): Promise<string> {
  const members = await bodyMembers(ctx.services.db, role);
  const names = members.map((member) => `${member.fullName} (${member.staffCode})${member.chair ? ` — ${ctx.t("role-council_chair")}` : ""}`);
  return ctx.translateHtml("role-members", { body: ctx.t(`body-${role}`), count: members.length, names: names.join("; ") || "—" });
}

const teamArguments = z.tuple([z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)]).rest(z.string());

/** /team N: inspection N's team; /team N add HEAD MEMBER …: give it members (the first heads a team with no head). */
bodiesCommand.command("team", allowed("team"), async (ctx) => {
  const parsed = teamArguments.safeParse(ctx.match.trim().split(/\s+/).filter(Boolean));
  if (!parsed.success) return ctx.say("team-usage");
  const [inspectionId, verb, ...codes] = parsed.data;
  if (verb !== undefined && (!/^(add|them)$/i.test(verb) || codes.length === 0)) return ctx.say("team-usage");
  const lines: string[] = [];
  if (verb !== undefined) {
    const result = await addToTeam(ctx.services.db, { inspectionId, staffCodes: codes }, serviceContextOf(ctx));
    if (result.kind === "not-found") return ctx.say("inspection-unknown", { id: inspectionId });
    lines.push(ctx.translateHtml("team-added", { count: result.added.length, names: result.added.join(", ") || "—" }));
    if (result.unknown.length > 0) lines.push(ctx.translateHtml("role-unknown-codes", { codes: result.unknown.join(", ") }));
  }
  const team = await teamOf(ctx.services.db, inspectionId);
  const names = team.map((member) => `${member.fullName}${member.role === "head" ? ` (${ctx.t("team-head")})` : ""}`);
  lines.push(ctx.translateHtml("team-members", { id: inspectionId, count: team.length, names: names.join("; ") || "—" }));
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML" });
});
