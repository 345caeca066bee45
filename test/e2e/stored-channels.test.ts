import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, queryRows } from "../../src/db/client.js";
import { TEST_TOKEN } from "../support/fake-telegram.js";
import { startWebhookBot } from "../support/webhook-process.js";

/** An agency's bot whose token the province's administrator keeps in the database (issue 39: channels as data). */
describe("channel credentials kept in the database", () => {
  let world: Awaited<ReturnType<typeof startWebhookBot>>;
  beforeAll(async () => {
    world = await startWebhookBot({ tokenIn: "database" });
  });
  afterAll(async () => world?.close());

  it("starts the agency's bot with the token it keeps, sealed: the bot answers, the database holds no token in the clear", async () => {
    expect((await world.secretariat.ask("/me")).text).toContain("Trần Thị Thu Hà");
    world.bot.child.kill("SIGTERM");
    await world.bot.finished;
    const database = await openDatabase({ dataDir: world.dataDir });
    const rows = await queryRows<{ name: string; sealed: string }>(database.db, sql`select name, sealed from agency_channels`);
    await database.close();
    expect(rows.map((row) => row.name)).toEqual(["TELEGRAM_BOT_TOKEN"]);
    expect(rows[0]?.sealed).not.toContain(TEST_TOKEN);
    expect(rows[0]?.sealed).toMatch(/^v1:/);
  });
});
