import { Composer } from "grammy";
import type { Context } from "../src/bot/context.js";
import { deliveryStatus, monthLabel, monthOf } from "../src/services/delivery/index.js";
import { allowed } from "./guard.js";
import { replyLines } from "./long-reply.js";

/** /status: each channel's health this month, what it sent and may still send, and who it could not reach. */
export const statusCommand = new Composer<Context>();

const NAMES_SHOWN = 30;

statusCommand.command("status", allowed("status"), async (ctx) => {
  const { config, db, clock } = ctx.services;
  const month = monthOf(clock(), config.displayTimeZone);
  const status = await deliveryStatus(db, month);
  const configured = [...(config.telegram.token ? ["telegram"] : []), ...(config.zalo.token ? ["zalo"] : []), ...(config.zaloOa ? ["zalo_oa"] : [])];
  const lines = [ctx.translateHtml("status-header", { month: monthLabel(month) })];
  if (configured.length === 0) lines.push(ctx.translateHtml("status-no-channels"));
  for (const channel of configured) {
    const record = status.months.find((entry) => entry.channel === channel);
    const reach = status.reach.find((entry) => entry.channel === channel);
    const name = ctx.t(`channel-${channel}`);
    lines.push(
      record?.stoppedAt
        ? ctx.translateHtml("status-channel-stopped", { channel: name, reason: ctx.t(`delivery-reason-${record.stopReason ?? "quota"}`) })
        : ctx.translateHtml("status-channel-working", { channel: name }),
    );
    lines.push(ctx.translateHtml("status-reach", { linked: reach?.linked ?? 0, unreachable: reach?.unreachable ?? 0 }));
    const sent = record?.sent ?? 0;
    if (channel === "zalo")
      lines.push(ctx.translateHtml("status-quota", { sent, limit: config.zalo.monthlyMessages, users: reach?.linked ?? 0, cap: config.zalo.maxUsers }));
    else if (channel === "zalo_oa" && config.zaloOa) {
      const used = record?.allowanceUsed ?? 0;
      lines.push(
        ctx.translateHtml("status-allowance", {
          sent,
          used,
          left: Math.max(0, config.zaloOa.monthlyAllowance - used),
          allowance: config.zaloOa.monthlyAllowance,
        }),
      );
    }
  }
  const unreached = status.unreached.filter((person) => person.rerouted === null);
  const rerouted = status.unreached.length - unreached.length;
  lines.push("", ctx.translateHtml("status-unreached-header", { count: unreached.length, rerouted }));
  for (const person of unreached.slice(0, NAMES_SHOWN)) {
    lines.push(
      ctx.translateHtml("delivery-unreached-line", {
        name: person.name,
        unit: person.unit,
        channel: ctx.t(`channel-${person.channel}`),
        reason: ctx.t(`delivery-reason-${person.reason}`),
      }),
    );
  }
  if (unreached.length > NAMES_SHOWN) lines.push(ctx.translateHtml("delivery-unreached-more", { count: unreached.length - NAMES_SHOWN }));
  await replyLines(ctx, lines);
});
