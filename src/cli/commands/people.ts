import { systemClock } from "../../domain/calendar.js";
import { cliActor } from "../../services/audit.js";
import { seedDemo } from "../../services/demo.js";
import { command } from "../context.js";

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
