import * as z from "zod";
import { describe, expect, it } from "vitest";
import { action, fields } from "../../src/domain/actions.js";
import { ACTIONS, CONVERSATION_ACTIONS } from "../../src/domain/button-actions.js";

describe("button data codecs", () => {
  const mapPhrase = action("plan:set", ["secretariat"], [fields.id, fields.index, fields.id]);

  it("writes the name and the values, and reads them back typed", () => {
    expect(mapPhrase.encode(12, 0, 7)).toBe("plan:set:12:0:7");
    expect(mapPhrase.decode("plan:set:12:0:7")).toEqual([12, 0, 7]);
    expect(ACTIONS.registrationStart.encode()).toBe("reg:start");
    expect(ACTIONS.registrationStart.decode("reg:start")).toEqual([]);
  });

  it("reads nothing from forged, stale or foreign data", () => {
    expect(mapPhrase.decode("plan:set:12:0")).toBeUndefined();
    expect(mapPhrase.decode("plan:set:12:0:7:9")).toBeUndefined();
    expect(mapPhrase.decode("plan:set:-1:0:7")).toBeUndefined();
    expect(mapPhrase.decode("plan:set:abc:0:7")).toBeUndefined();
    expect(mapPhrase.decode("plan:ext:12:0")).toBeUndefined();
    expect(ACTIONS.notifyVia.decode("notify:set:email")).toBeUndefined();
    // A name that begins like another's is not the other's.
    expect(CONVERSATION_ACTIONS.broadcastUnit.decode("bc:units:done")).toBeUndefined();
    expect(CONVERSATION_ACTIONS.broadcastUnitsDone.decode("bc:units:done")).toEqual([]);
  });

  it("refuses to write data Telegram would refuse or that would not read back", () => {
    const long = action("x", "anyone", [z.string()]);
    expect(() => long.encode("a".repeat(63))).toThrow(/64 bytes/);
    expect(() => long.encode("a:b")).toThrow(/":"/);
    // Vietnamese letters count in bytes: 21 × 3 bytes + "x:" is over 64.
    expect(() => long.encode("ữ".repeat(21))).toThrow(/64 bytes/);
    expect(long.encode("ữ".repeat(20))).toBe(`x:${"ữ".repeat(20)}`);
  });

  it("gives every kind of button its own name", () => {
    const names = [...Object.values(ACTIONS), ...Object.values(CONVERSATION_ACTIONS)].map((button) => button.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
