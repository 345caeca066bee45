import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { type ChatWorld, startChatWorld, type TestPlatform } from "./chat-world.js";
import { type DatabaseKind, openTestDatabase } from "./databases.js";
import { importRosterText } from "./people.js";

/**
 * A chat world for the tests of the describe it is called in: a fresh database with the roster
 * imported, the given staff codes linked to their chats, and any message the platform would
 * refuse failing the test. Read its fields inside tests and hooks.
 */
export function worldWith(
  platform: TestPlatform,
  kind: DatabaseKind,
  options: { roster: string; links: Record<string, number>; at: string; mode?: "polling" | "webhook" },
) {
  const setup = {} as { database: DatabaseHandle; world: ChatWorld };
  beforeAll(async () => {
    setup.database = await openTestDatabase(kind);
    setup.world = await startChatWorld(platform, setup.database.db, { at: options.at, ...(options.mode ? { mode: options.mode } : {}) });
    await importRosterText(setup.database.db, options.roster);
    for (const [code, chat] of Object.entries(options.links)) await setup.world.link(setup.database.db, code, chat);
  });
  afterAll(async () => {
    await setup.world?.close();
    await setup.database?.close();
  });
  afterEach(() => expect(setup.world.violations).toEqual([]));
  return setup;
}
