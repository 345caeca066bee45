import { describe, expect, it } from "vitest";
import { nextSendableMoment } from "../../src/domain/calendar.js";
import { mayTransition, ownsRegistration } from "../../src/domain/registration-rules.js";
import { COMMAND_GROUPS, COMMANDS, commandsFor, mayUse } from "../../src/domain/roles.js";

describe("who may use what (mayUse)", () => {
  it("lets anyone use what is for anyone, linked people what is for linked people, and roles what names them", () => {
    expect(mayUse("anyone", null)).toBe(true);
    expect(mayUse("linked", null)).toBe(false);
    expect(mayUse("linked", ["staff"])).toBe(true);
    expect(mayUse(["head"], ["staff"])).toBe(false);
    expect(mayUse(["head"], ["staff", "head"])).toBe(true);
    expect(mayUse(["secretariat", "council"], ["council"])).toBe(true);
    expect(mayUse(["head"], null)).toBe(false);
  });

  it("lets an admin use every role's commands", () => {
    expect(mayUse(["secretariat"], ["admin"])).toBe(true);
    expect(mayUse(["head"], ["admin"])).toBe(true);
  });

  it("offers a council member their commands and nobody else's", () => {
    expect(commandsFor(["council"])).toEqual([
      "start",
      "help",
      "lang",
      "me",
      "privacy",
      "notify",
      "vote",
      "candidates",
      "initiative",
      "meetings",
      "register",
      "myregs",
      "report",
      "campaigns",
      "inspections",
      // A mail's files: the service lets a member take an inspection report only if on its team.
      "received",
    ]);
  });
});

describe("when a reminder may go out (nextSendableMoment)", () => {
  // Office hours are 07:30–17:30 in Asia/Ho_Chi_Minh (UTC+7) on working days.
  const none = new Set<string>();

  it("sends at once inside office hours", () => {
    expect(nextSendableMoment(new Date("2024-04-02T10:15:00+07:00"), none).toISOString()).toBe("2024-04-02T03:15:00.000Z");
  });

  it("waits for the office to open, the same morning or the next working one", () => {
    expect(nextSendableMoment(new Date("2024-04-02T06:00:00+07:00"), none).toISOString()).toBe("2024-04-02T00:30:00.000Z");
    // Tuesday 18:00 → Wednesday 07:30.
    expect(nextSendableMoment(new Date("2024-04-02T18:00:00+07:00"), none).toISOString()).toBe("2024-04-03T00:30:00.000Z");
    // Closing time itself is outside.
    expect(nextSendableMoment(new Date("2024-04-02T17:30:00+07:00"), none).toISOString()).toBe("2024-04-03T00:30:00.000Z");
  });

  it("skips the weekend and public holidays", () => {
    // Friday 26/04/2024 evening: Saturday, Sunday, then Monday 29/04 is a working day.
    expect(nextSendableMoment(new Date("2024-04-26T20:00:00+07:00"), none).toISOString()).toBe("2024-04-29T00:30:00.000Z");
    // Monday 29/04 evening with 30/04 and 01/05 off: Thursday 02/05.
    const holidays = new Set(["2024-04-30", "2024-05-01"]);
    expect(nextSendableMoment(new Date("2024-04-29T19:00:00+07:00"), holidays).toISOString()).toBe("2024-05-02T00:30:00.000Z");
    // On the holiday itself, at noon.
    expect(nextSendableMoment(new Date("2024-04-30T12:00:00+07:00"), holidays).toISOString()).toBe("2024-05-02T00:30:00.000Z");
  });
});

describe("whose registration it is, and what may happen to it", () => {
  const employee = { id: 7, unitId: 2, roles: ["staff"] };
  const head = { id: 9, unitId: 2, roles: ["staff", "head"] };

  it("gives a registration to its person, and a unit's collective title to the unit's head only", () => {
    expect(ownsRegistration(employee, { personId: 7, subject: "person", unitId: 2 })).toBe(true);
    expect(ownsRegistration(head, { personId: 7, subject: "person", unitId: 2 })).toBe(false);
    expect(ownsRegistration(head, { personId: null, subject: "unit", unitId: 2 })).toBe(true);
    expect(ownsRegistration(employee, { personId: null, subject: "unit", unitId: 2 })).toBe(false);
    expect(ownsRegistration(head, { personId: null, subject: "unit", unitId: 3 })).toBe(false);
  });

  it("decides only what waits for a decision, and withdraws anything not withdrawn", () => {
    expect(mayTransition("submitted", "approve")).toBe(true);
    expect(mayTransition("approved", "approve")).toBe(false);
    expect(mayTransition("returned", "giveBack")).toBe(false);
    expect(mayTransition("approved", "withdraw")).toBe(true);
    expect(mayTransition("withdrawn", "withdraw")).toBe(false);
  });
});

describe("/help's groups", () => {
  it("put every command of the permission table in exactly one group", () => {
    const grouped = COMMAND_GROUPS.flatMap((group) => group.commands);
    expect([...grouped].sort()).toEqual(Object.keys(COMMANDS).sort());
    expect(new Set(grouped).size).toBe(grouped.length);
  });
});
