import { z } from "zod";
import { formatDate, systemClock } from "../../domain/calendar.js";
import { cliActor } from "../../services/audit.js";
import { seedDemo } from "../../services/demo.js";
import { createInvite } from "../../services/invites.js";
import { command } from "../context.js";

/** invite <staff_code> */
export const inviteCommand = command({
  words: "invite",
  async run(_input, args, { database, config, print, t }) {
    const invite = await createInvite(database.db, args.needed(0, "<staff_code>"), { clock: systemClock, actor: cliActor });
    const botName = config.telegram.username ?? (await telegramUsername(config.telegram)) ?? "<bot>";
    print(
      t("cli-invite", {
        name: invite.person.fullName,
        date: formatDate(invite.expiresAt, config.displayTimeZone),
        code: invite.code,
        link: `https://t.me/${botName}?start=${invite.code}`,
      }),
    );
  },
});

/** seed demo: a sample agency to try the bot with. */
export const seedDemoCommand = command({
  words: "seed demo",
  async run(_input, _args, { database, print, t }) {
    const result = await seedDemo(database.db, { clock: systemClock, actor: cliActor });
    print(t("cli-seeded", { people: result.people }));
  },
});

/** migrate: opening the database migrates it. */
export const migrateCommand = command({
  words: "migrate",
  async run(_input, _args, { database, print, t }) {
    print(t("cli-migrated", { driver: database.driver }));
  },
});

const getMeResponse = z.object({ result: z.object({ username: z.string().regex(/^\w{3,64}$/) }) });

/** The bot's username for the invite link, when a token is configured. */
async function telegramUsername(telegram: { token: string | undefined; apiRoot: string }): Promise<string | undefined> {
  if (!telegram.token) return undefined;
  try {
    const response = await fetch(`${telegram.apiRoot}/bot${telegram.token}/getMe`, { signal: AbortSignal.timeout(5000) });
    const body = getMeResponse.safeParse(await response.json());
    return body.success ? body.data.result.username : undefined;
  } catch {
    return undefined;
  }
}
