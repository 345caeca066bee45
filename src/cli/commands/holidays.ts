import { parseLocalDateTime, systemClock } from "../../domain/calendar.js";
import { UserError } from "../../domain/user-error.js";
import { cliActor } from "../../services/audit.js";
import { addHoliday, listHolidays } from "../../services/rules/holidays.js";
import { command } from "../context.js";

/** holiday add <yyyy-mm-dd> <name> */
export const addHolidayCommand = command({
  words: "holiday add",
  async run(_input, args, { database, print, t }) {
    const day = args.needed(0, "<yyyy-mm-dd>");
    const name = args.positional.slice(1).join(" ").trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || "error" in parseLocalDateTime(day.split("-").reverse().join("/"))) {
      throw new UserError("cli-bad-day", { value: day });
    }
    if (!name) throw new UserError("cli-missing-argument", { argument: "<name>" });
    await addHoliday(database.db, day, name, { clock: systemClock, actor: cliActor });
    print(t("cli-holiday-added", { day, name }));
  },
});

/** holiday list */
export const listHolidaysCommand = command({
  words: "holiday list",
  async run(_input, _args, { database, print }) {
    for (const holiday of await listHolidays(database.db, systemClock())) print(`${holiday.day}  ${holiday.name}`);
  },
});
