import { readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { ACTIONS, type Audience, COMMANDS, mayUse, type Role } from "../../src/domain/roles.js";
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

  it("guards every button with a row of ACTIONS", () => {
    const buttons = sources.flatMap(({ file, text }) => [...text.matchAll(/\.callbackQuery\(([^\n]*)/g)].map((match) => ({ file, line: match[1] ?? "" })));
    expect(buttons.length).toBeGreaterThan(10);
    for (const button of buttons) {
      const guard = /allowedAction\(([^)]*)\)/.exec(button.line)?.[1];
      expect(guard, `${button.file}: a callbackQuery without allowedAction: ${button.line}`).toBeDefined();
    }
    const used = sources.flatMap(({ text }) => [...text.matchAll(/allowedAction\(`?"?([^`")]+)/g)].map((match) => match[1]));
    for (const action of Object.keys(ACTIONS)) {
      expect(
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text holds a template such as `plan:${action}` literally.
        used.some((entry) => entry === action || (entry?.includes("${action}") && action.startsWith(entry.split("${")[0] ?? ""))),
        `ACTIONS.${action} is used by no handler`,
      ).toBe(true);
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
      for (const [action, audience] of Object.entries(ACTIONS) as [string, Audience][]) {
        if (mayUse(audience, profile.roles)) continue;
        const user = await userAs(profile);
        user.pressData(1, `${action}:1`);
        expect({ action, answer: (await user.next()).text }).toEqual({ action, answer: "Nút này không còn hiệu lực. Hãy gõ lại lệnh." });
      }
    });
  }
});
