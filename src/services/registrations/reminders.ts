import { ACTIONS } from "../../domain/button-actions.js";
import { formatDate, localDay } from "../../domain/calendar.js";
import { escapeHtml } from "../../domain/text.js";
import type { Database } from "../../db/client.js";
import { campaignOfYear } from "../campaigns/campaigns.js";
import { enqueue, type Notification, type Translate } from "../outbox.js";
import { unregisteredPeople } from "./reports.js";

/** Reminds everyone not registered yet; at most once per person per day however often it is pressed. */
export async function remindUnregistered(db: Database, context: { now: Date; year: number; translate: Translate; timeZone: string; notBefore: Date }) {
  const campaign = await campaignOfYear(db, context.year);
  if (!campaign) return [];
  const personIds = await unregisteredPeople(db, context.year);
  const today = localDay(context.now, context.timeZone);
  return enqueue(
    db,
    personIds.map((personId) =>
      registrationReminder({
        personId,
        dedupeKey: `register-reminder:${context.year}:${today}:person:${personId}`,
        notBefore: context.notBefore,
        campaign: { title: campaign.title, deadline: formatDate(campaign.deadlineAt, context.timeZone) },
        translate: context.translate,
      }),
    ),
  );
}

/** "You have not registered yet", with a button that starts /register. */
export function registrationReminder(input: {
  personId: number;
  dedupeKey: string;
  notBefore: Date;
  campaign: { title: string; deadline: string };
  translate: Translate;
}): Notification {
  return {
    personId: input.personId,
    dedupeKey: input.dedupeKey,
    kind: "registration-reminder",
    notBefore: input.notBefore,
    render: (locale) => ({
      parseMode: "HTML",
      text: input.translate(locale, "registration-reminder", { deadline: input.campaign.deadline, campaign: escapeHtml(input.campaign.title) }),
      buttons: [[{ text: input.translate(locale, "registration-reminder-button"), data: ACTIONS.registrationStart.encode() }]],
    }),
  };
}
