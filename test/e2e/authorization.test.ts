import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { BUTTON_HANDLERS } from "../../commands/guard.js";
import type { Action } from "../../src/domain/actions.js";
import { ACTIONS } from "../../src/domain/button-actions.js";
import { type Audience, COMMANDS, mayUse, type Role } from "../../src/domain/roles.js";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { type BotWorld, startBotWorld } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

const commandsDir = new URL("../../commands/", import.meta.url);
const sources = readdirSync(commandsDir)
  .filter((file) => file.endsWith(".ts"))
  .map((file) => ({ file, text: readFileSync(new URL(file, commandsDir), "utf8") }));

// Who the matrix plays: nobody linked, and one person per role.
const PROFILES: { name: string; staffCode: string | null; roles: Role[] | null }[] = [
  { name: "unlinked", staffCode: null, roles: null },
  { name: "employee", staffCode: "E", roles: ["staff"] },
  { name: "unit head", staffCode: "H", roles: ["head"] },
  { name: "council member", staffCode: "C", roles: ["council"] },
  { name: "secretariat", staffCode: "S", roles: ["secretariat"] },
  { name: "admin", staffCode: "A", roles: ["admin"] },
];
const NOT_ALLOWED = /không dành cho vai trò của bạn/;
// Worked out from the table when the year-end came: before it 36, 28, 22, 24, 10, 0; the 4 ballot buttons moved from the
// council to any linked person (a unit's members vote in its bình xét): employee, head and secretariat −4; the 5
// bình xét buttons are the heads': +5 for all but heads; the initiative's file is the initiative council's and the
// secretariat's: +1 for all others.
const REFUSED_BUTTONS: Record<string, number> = { unlinked: 43, employee: 30, "unit head": 19, "council member": 30, secretariat: 11, admin: 0 };

/** Button data a forger could send for this kind of button: values each of its fields accepts. */
function forgedData(button: Action): string {
  const values = button.fields.map((field) => ["1", "vi", "telegram", "all"].find((candidate) => field.safeParse(candidate).success) ?? "1");
  const data = [button.name, ...values].join(":");
  expect(button.decode(data), `no forged data decodes for ${button.name}`).toBeDefined();
  return data;
}
// The first line of the explanation an unlinked person gets instead of a command.
const UNLINKED = /^Chào bạn! Đây là trợ lý công tác thi đua/;

describe("the permission table covers every handler", () => {
  it("guards every command with its own row of COMMANDS", () => {
    const registered = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\.command\("([^"]+)",\s*(allowed\("([^"]+)"\))?/g)].map((match) => ({ file, command: match[1], guard: match[3] })),
    );
    expect(registered.length).toBeGreaterThan(10);
    for (const entry of registered) {
      expect(entry, `${entry.file}: /${entry.command} has no allowed("${entry.command}") guard`).toMatchObject({ guard: entry.command });
      expect(Object.keys(COMMANDS), `/${entry.command} has no row in COMMANDS`).toContain(entry.command);
    }
    // And no row without a handler (the document-driven plan import answers /plan too).
    for (const name of Object.keys(COMMANDS)) expect(registered.map((entry) => entry.command)).toContain(name);
  });

  it("handles every button of the table through its codec, and no button by hand", async () => {
    // Importing the handlers registers them: each kind of button once, and every one of the table.
    await import("../../commands/index.js");
    expect([...BUTTON_HANDLERS].sort()).toEqual(
      Object.values(ACTIONS)
        .map((button) => button.name)
        .sort(),
    );
    expect(sources.length).toBeGreaterThan(10);
    for (const { file, text } of sources.filter((source) => source.file !== "guard.ts")) {
      expect(text, `${file} registers a button handler without onButton`).not.toMatch(/\.callbackQuery\(/);
    }
  });
});

describe.each(DATABASE_KINDS)("who may do what (%s)", (kind) => {
  let database: DatabaseHandle;
  let world: BotWorld;
  let nextChat = 40_000;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await startBotWorld(database.db, { at: "2025-01-06T09:00:00+07:00" });
    world.fake.rateLimitPerSecond = 100_000;
    await importRosterText(
      database.db,
      [
        "unit_code,unit_name,staff_code,full_name,position,roles",
        ...PROFILES.filter((profile) => profile.staffCode).map((profile) => `U,Đơn vị,${profile.staffCode},Người ${profile.name},,${profile.roles?.join(";")}`),
      ].join("\n"),
    );
  });
  afterAll(async () => {
    await world?.close();
    await database?.close();
  });

  /** A fresh chat for each check, so a conversation one command opens cannot swallow the next. */
  const userAs = async (profile: (typeof PROFILES)[number]) => {
    const chat = nextChat++;
    if (profile.staffCode) await linkTelegram(database.db, profile.staffCode, chat);
    return world.fake.user({ id: chat, first_name: profile.name });
  };

  for (const profile of PROFILES) {
    it(`answers each command as the table says for: ${profile.name}`, async () => {
      for (const [command, audience] of Object.entries(COMMANDS) as [string, Audience][]) {
        const user = await userAs(profile);
        const answer = await user.ask(`/${command}`);
        const allowedHere = mayUse(audience, profile.roles);
        // For someone not linked, /start's answer is the explanation of how to link: not a refusal.
        const explainsLinking = profile.roles === null && UNLINKED.test(answer.text) && command !== "start";
        const refused = NOT_ALLOWED.test(answer.text) || explainsLinking;
        expect({ command, refused }).toEqual({ command, refused: !allowedHere });
      }
    });

    it(`refuses forged buttons outside the table for: ${profile.name}`, async () => {
      const refused = Object.values(ACTIONS).filter((button) => !mayUse(button.audience, profile.roles));
      // Counted by hand from the table: 1 button for anyone, 6 for linked people, 3 for heads, 2 for heads and leaders, 11 for the secretariat.
      expect(refused).toHaveLength(REFUSED_BUTTONS[profile.name] ?? -1);
      for (const button of refused) {
        const user = await userAs(profile);
        // Data that decodes, so that only the permission can refuse it.
        user.pressData(1, forgedData(button));
        expect({ action: button.name, answer: (await user.next()).text }).toEqual({
          action: button.name,
          answer: "Nút này không còn hiệu lực. Hãy gõ lại lệnh.",
        });
      }
    });
  }
});
