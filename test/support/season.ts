import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { cliActor } from "../../src/services/audit.js";
import { launchCampaign } from "../../src/services/campaigns/campaigns.js";
import { type ChatTestUser, type ChatWorld, startChatWorld, type TestPlatform } from "./chat-world.js";
import { type DatabaseKind, openTestDatabase } from "./databases.js";
import { importRosterText } from "./people.js";

/**
 * A registration season for the tests of the describe it is called in: the roster imported, each
 * chat linked, the 2025 campaign launched on Monday 06/01/2025 with registration until 30/01, and
 * any message the platform would refuse failing the test. Read its fields inside tests and hooks.
 */
export function registrationSeason<Code extends string>(platform: TestPlatform, kind: DatabaseKind, roster: string, chats: Record<Code, number>) {
  const season = {} as { database: DatabaseHandle; world: ChatWorld; user(code: Code): ChatTestUser };
  season.user = (code) => season.world.user({ id: chats[code], first_name: code });
  beforeAll(async () => {
    season.database = await openTestDatabase(kind);
    season.world = await startChatWorld(platform, season.database.db, { at: "2025-01-06T09:00:00+07:00", rateLimitPerSecond: 1000 });
    await importRosterText(season.database.db, roster);
    for (const [code, chat] of Object.entries(chats) as [Code, number][]) await season.world.link(season.database.db, code, chat);
    await launchCampaign(
      season.database.db,
      { year: 2025, title: "Phong trào thi đua năm 2025", deadlineAt: new Date("2025-01-30T23:59:59+07:00") },
      { clock: season.world.clock.now, actor: cliActor },
    );
  });
  afterAll(async () => {
    await season.world?.close();
    await season.database?.close();
  });
  afterEach(() => expect(season.world.violations).toEqual([]));
  return season;
}
