import { describe, expect, it } from "vitest";
import { DATABASE_KINDS, openTestDatabase } from "../support/databases.js";
import { startBotWorld } from "../support/harness.js";

describe.each(DATABASE_KINDS)("when something breaks (%s)", (kind) => {
  it("tells the user to try again, in Vietnamese and without any technical detail, and keeps running", async () => {
    const database = await openTestDatabase(kind);
    const world = await startBotWorld(database.db);
    try {
      const user = world.fake.user({ id: 4242, first_name: "Lan" });
      expect((await user.ask("/help")).text).toContain("/start");
      await database.close();
      const answer = await user.ask("/me");
      expect(answer.text).toBe("Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút.");
      expect((await user.ask("/help")).text).toBe(answer.text);
      expect(world.fake.violations).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
