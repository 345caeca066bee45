import type { Conversation } from "@grammyjs/conversations";
import { Composer, InlineKeyboard } from "grammy";
import * as z from "zod";
import type { Context, ConversationContext } from "../src/bot/context.js";
import { formatDate, formatDateTime, localDay } from "../src/domain/calendar.js";
import type { Basis, Refusal, TitleLevel } from "../src/domain/titles.js";
import { recognisedInitiatives } from "../src/services/initiatives.js";
import { catalogueOn, localName, titleName } from "../src/services/rules/index.js";
import {
  liveRegistrations,
  refusalOf,
  registrationChoices,
  registrationsOf,
  type SubmitInput,
  submitRegistration,
} from "../src/services/registrations/index.js";
import { ACTIONS, CONVERSATION_ACTIONS } from "../src/domain/button-actions.js";
import { serviceContextOf, registrationYear } from "./service-context.js";
import { backLabel, cancelLabel, IDLE_LIMIT_MS } from "./conversation-kit.js";
import { allowed, onButton, pressed } from "./guard.js";

// đăng ký danh hiệu thi đua: choose a title → a form of commendation → the basis if the title asks
// for one (CSTĐ: excellent work, an initiative or a research project) → its name → a summary →
// confirm. Back and cancel at every step; 30 idle minutes end it.
export const REGISTER_CONVERSATION = "register";

type Offer = {
  year: number;
  /** The person's recognised initiatives, each with the title levels its scope serves. */
  initiatives: { id: number; title: string; levels: TitleLevel[] }[];
  refusal: Refusal | null;
  titles: { code: string; name: string; subject: "person" | "unit"; level: TitleLevel; bases: Basis[]; refusal: Refusal | null }[];
  forms: { code: string; name: string; subject: "person" | "unit" | "any" }[];
};

/** What the person may choose, as plain data the conversation can replay. */
async function loadOffer(ctx: ConversationContext): Promise<Offer> {
  const person = ctx.identity.person;
  if (!person) return { year: 0, refusal: { key: "unlinked-explain", args: {} }, titles: [], forms: [], initiatives: [] };
  const locale = await ctx.i18n.getLocale();
  const zone = ctx.services.config.displayTimeZone;
  const choices = await registrationChoices(ctx.services.db, person, ctx.services.clock(), zone);
  return {
    year: choices.year,
    initiatives: await recognisedInitiatives(ctx.services.db, person.id),
    refusal: refusalOf(choices.window, zone),
    titles: choices.titles.map(({ title, refusal }) => ({
      code: title.code,
      name: localName(title, locale),
      subject: title.subject,
      level: title.level,
      bases: title.bases,
      refusal: refusal && { key: refusal.key, args: { ...refusal.args, title: localName(title, locale) } },
    })),
    forms: choices.catalogue.forms.map((form) => ({ code: form.code, name: localName(form, locale), subject: form.subject })),
  };
}

export async function registerConversation(conversation: Conversation<Context, ConversationContext>, ctx: ConversationContext): Promise<void> {
  const offer = await conversation.external(() => loadOffer(ctx));
  if (offer.refusal) {
    await ctx.say(offer.refusal.key, offer.refusal.args);
    return;
  }
  const eligible = offer.titles.filter((title) => !title.refusal);
  const draft: SubmitInput = { subject: "person", titleCode: "", formCode: null, basis: null, initiativeTitle: null };
  type Step = "title" | "form" | "basis" | "initiative" | "summary";
  const afterForm = (title: Offer["titles"][number] | undefined): Step => (title && title.bases.length > 0 ? "basis" : "summary");
  const beforeSummary = (title: Offer["titles"][number] | undefined): Step =>
    draft.basis === "initiative" || draft.basis === "research" ? "initiative" : title && title.bases.length > 0 ? "basis" : "form";
  /** Shows a step's question with its buttons; an invalid answer gets a hint, not the question again. */
  async function showStep(step: Step, title: Offer["titles"][number] | undefined) {
    const keyboard = new InlineKeyboard();
    let prompt: string;
    if (step === "title") {
      const refused = offer.titles.filter((entry) => entry.refusal && entry.refusal.key !== "register-refused-not-registrable");
      prompt = [
        ctx.translateHtml("register-choose-title", { year: String(offer.year) }),
        ...refused.map((entry) => `• ${ctx.translateHtml(entry.refusal?.key ?? "", entry.refusal?.args ?? {})}`),
      ].join("\n");
      for (const entry of eligible) keyboard.text(entry.name, CONVERSATION_ACTIONS.registrationTitle.encode(entry.code)).row();
    } else if (step === "form") {
      prompt = ctx.translateHtml("register-choose-form", { title: title?.name ?? "" });
      for (const form of offer.forms.filter((entry) => entry.subject === "any" || entry.subject === title?.subject)) {
        keyboard.text(form.name, CONVERSATION_ACTIONS.registrationForm.encode(form.code)).row();
      }
      keyboard.text(ctx.t("register-form-none"), CONVERSATION_ACTIONS.registrationForm.encode(NO_FORM)).row();
    } else if (step === "basis") {
      prompt = ctx.translateHtml("register-choose-basis", { title: title?.name ?? "" });
      for (const basis of title?.bases ?? []) keyboard.text(ctx.t(`basis-${basis}`), CONVERSATION_ACTIONS.registrationBasis.encode(basis)).row();
    } else if (step === "initiative") {
      // One's recognised initiatives whose scope serves the title are offered; another is typed.
      const recognised = draft.basis === "initiative" ? offer.initiatives.filter((entry) => title && entry.levels.includes(title.level)) : [];
      const ask = draft.basis === "research" ? "register-ask-research" : recognised.length > 0 ? "register-ask-initiative-choose" : "register-ask-initiative";
      prompt = ctx.translateHtml(ask, { title: title?.name ?? "" });
      for (const initiative of recognised) keyboard.text(initiative.title, CONVERSATION_ACTIONS.registrationInitiative.encode(initiative.id)).row();
    } else {
      const form = offer.forms.find((entry) => entry.code === draft.formCode);
      prompt = ctx.translateHtml("register-summary", {
        title: title?.name ?? "",
        form: form?.name ?? ctx.t("register-form-none"),
        basis: draft.basis ? ctx.t(`basis-${draft.basis}`) : "—",
        initiative: draft.initiativeTitle ?? "—",
      });
      keyboard.text(ctx.t("register-button-confirm"), CONVERSATION_ACTIONS.registrationConfirm.encode()).row();
    }
    if (step !== "title") keyboard.text(backLabel(ctx), CONVERSATION_ACTIONS.registrationBack.encode());
    keyboard.text(cancelLabel(ctx), CONVERSATION_ACTIONS.registrationCancel.encode());
    await ctx.reply(prompt, { parse_mode: "HTML", reply_markup: keyboard });
  }

  let step: Step = "title";
  let prompted: Step | undefined;

  for (;;) {
    const title = offer.titles.find((entry) => entry.code === draft.titleCode);
    if (prompted !== step) {
      prompted = step;
      await showStep(step, title);
    }
    const answer = await conversation.wait({ maxMilliseconds: IDLE_LIMIT_MS });
    const text = answer.message?.text?.trim();
    // Another command ends the conversation and runs as usual.
    if (text?.startsWith("/")) {
      await answer.say("conversation-cancelled");
      await conversation.halt({ next: true });
    }
    if (answer.callbackQuery) await answer.answerCallbackQuery();
    if (pressed(answer, CONVERSATION_ACTIONS.registrationCancel)) {
      await answer.say("conversation-cancelled");
      return;
    }
    if (pressed(answer, CONVERSATION_ACTIONS.registrationBack)) {
      step = step === "summary" ? beforeSummary(title) : step === "initiative" ? "basis" : step === "basis" ? "form" : "title";
      prompted = undefined;
      continue;
    }
    const titleChosen = pressed(answer, CONVERSATION_ACTIONS.registrationTitle);
    if (step === "title" && titleChosen) {
      const chosen = eligible.find((entry) => entry.code === titleChosen[0]);
      if (chosen) {
        Object.assign(draft, { subject: chosen.subject, titleCode: chosen.code, basis: null, initiativeTitle: null });
        step = "form";
        continue;
      }
    }
    const formChosen = pressed(answer, CONVERSATION_ACTIONS.registrationForm);
    if (step === "form" && formChosen) {
      const [code] = formChosen;
      draft.formCode = code === NO_FORM ? null : (offer.forms.find((form) => form.code === code)?.code ?? null);
      step = afterForm(title);
      continue;
    }
    const basisChosen = pressed(answer, CONVERSATION_ACTIONS.registrationBasis);
    if (step === "basis" && basisChosen && title?.bases.includes(basisChosen[0])) {
      draft.basis = basisChosen[0];
      draft.initiativeTitle = null;
      step = draft.basis === "excellent" ? "summary" : "initiative";
      continue;
    }
    const initiativeChosen = pressed(answer, CONVERSATION_ACTIONS.registrationInitiative);
    const recognised = initiativeChosen && offer.initiatives.find((entry) => entry.id === initiativeChosen[0]);
    if (step === "initiative" && recognised) {
      Object.assign(draft, { initiativeTitle: recognised.title, initiativeId: recognised.id });
      step = "summary";
      continue;
    }
    if (step === "initiative" && text) {
      const initiative = initiativeTitle.safeParse(text);
      if (!initiative.success) {
        await answer.say("register-initiative-invalid");
        continue;
      }
      Object.assign(draft, { initiativeTitle: initiative.data, initiativeId: null });
      step = "summary";
      continue;
    }
    if (step === "summary" && pressed(answer, CONVERSATION_ACTIONS.registrationConfirm)) {
      const result = await conversation.external(async () => {
        const person = ctx.identity.person;
        if (!person) return { kind: "refused" as const, refusal: { key: "unlinked-explain", args: {} } };
        const outcome = await submitRegistration(ctx.services.db, person, draft, serviceContextOf(ctx));
        return outcome.kind === "refused" ? outcome : { kind: outcome.kind };
      });
      if (result.kind === "refused") await answer.say(result.refusal.key, result.refusal.args);
      else await answer.say(`register-done-${result.kind}`, { title: title?.name ?? "" });
      return;
    }
    await answer.say(step === "initiative" ? "register-ask-initiative-again" : "conversation-use-buttons");
  }
}

const initiativeTitle = z.string().trim().min(3).max(300);
// The "no form" choice of the form step.
const NO_FORM = "-";

export const registerCommand = new Composer<Context>();

/** /register: straight into the conversation, or first the registration this year already has. */
registerCommand.command("register", allowed("register"), async (ctx) => startRegistration(ctx, false));
onButton(registerCommand, ACTIONS.registrationStart, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startRegistration(ctx, false);
});
onButton(registerCommand, ACTIONS.registrationChange, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startRegistration(ctx, true);
});

async function startRegistration(ctx: Context, change: boolean) {
  const person = ctx.identity.person;
  if (!person) return;
  const zone = ctx.services.config.displayTimeZone;
  if (!change) {
    const year = await registrationYear(ctx);
    const existing = await liveRegistrations(ctx.services.db, year, "person", person.id);
    if (existing.length > 0) {
      const catalogue = await catalogueOn(ctx.services.db, localDay(ctx.services.clock(), zone));
      const locale = await ctx.i18n.getLocale();
      const nameOf = (code: string) => titleName(catalogue, code, locale);
      // Changing (or registering a title of another level, e.g. CSTĐ bộ/tỉnh beside CSTĐCS) goes through /register again.
      const keyboard = new InlineKeyboard().text(ctx.t("register-button-change"), ACTIONS.registrationChange.encode()).row();
      for (const registration of existing) {
        keyboard
          .text(ctx.t("register-button-withdraw-title", { title: nameOf(registration.titleCode) }), ACTIONS.registrationWithdraw.encode(registration.id))
          .row();
      }
      return ctx.say(
        "register-already",
        { title: existing.map((registration) => `${nameOf(registration.titleCode)} (${ctx.t(`status-${registration.status}`)})`).join("; "), status: "" },
        { reply_markup: keyboard },
      );
    }
  }
  await ctx.conversation.enter(REGISTER_CONVERSATION);
}

/** /myregs: my registrations this year with status and history; change or withdraw before the deadline. */
registerCommand.command("myregs", allowed("myregs"), async (ctx) => {
  const person = ctx.identity.person;
  if (!person) return;
  const zone = ctx.services.config.displayTimeZone;
  const locale = await ctx.i18n.getLocale();
  const now = ctx.services.clock();
  const choices = await registrationChoices(ctx.services.db, person, now, zone);
  // "/myregs 2025": last year's registrations and what came of them (the decision is in the next year).
  const asked = /^20\d\d$/.test(ctx.match.trim()) ? Number(ctx.match.trim()) : choices.year;
  const mine = await registrationsOf(ctx.services.db, person, asked);
  // The campaign and its deadline first: staff look them up here.
  const campaign = choices.window.kind === "not-launched" ? undefined : choices.window.campaign;
  const daysLeft = campaign ? Math.max(0, Math.ceil((campaign.deadlineAt.getTime() - now.getTime()) / 86_400_000)) : 0;
  const campaignLine = campaign
    ? ctx.translateHtml("myregs-campaign", {
        campaign: campaign.title,
        deadline: formatDate(campaign.deadlineAt, zone),
        state: choices.window.kind === "open" ? ctx.t("myregs-campaign-open", { days: daysLeft }) : ctx.t("myregs-campaign-closed"),
      })
    : ctx.translateHtml("myregs-campaign-none", { year: String(choices.year) });
  if (mine.length === 0) {
    const keyboard = new InlineKeyboard().text(ctx.t("registration-reminder-button"), ACTIONS.registrationStart.encode());
    return ctx.reply([campaignLine, ctx.translateHtml("myregs-none", { year: String(asked) })].join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
  }
  const keyboard = new InlineKeyboard();
  const lines = [campaignLine, ctx.translateHtml("myregs-header", { year: String(asked) })];
  for (const { registration, events } of mine) {
    const title = choices.catalogue.titles.find((entry) => entry.code === registration.titleCode);
    const form = choices.catalogue.forms.find((entry) => entry.code === registration.formCode);
    lines.push(
      "",
      ctx.translateHtml("myregs-line", {
        title: title ? localName(title, locale) : registration.titleCode,
        status: ctx.t(`status-${registration.status}`),
        form: form ? localName(form, locale) : "—",
        initiative: registration.initiativeTitle ?? "—",
      }),
    );
    if (registration.returnReason && registration.status === "returned")
      lines.push(ctx.translateHtml("myregs-return-reason", { reason: registration.returnReason }));
    for (const event of events)
      lines.push(
        ctx.translateHtml("myregs-event", {
          when: formatDateTime(event.at, zone),
          action: ctx.t(`registration-action-${event.action}`),
          reason: event.reason ?? "",
        }),
      );
    if (asked === choices.year && registration.status !== "withdrawn" && choices.window.kind === "open" && registration.subject === "person") {
      keyboard.text(ctx.t(registration.status === "returned" ? "register-button-fix" : "register-button-change"), ACTIONS.registrationChange.encode());
      keyboard.text(ctx.t("register-button-withdraw"), ACTIONS.registrationWithdraw.encode(registration.id)).row();
    }
  }
  await ctx.reply(lines.join("\n"), { parse_mode: "HTML", reply_markup: keyboard });
});
