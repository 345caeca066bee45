import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase, queryRows, retryOnLostConnection } from "../../src/db/client.js";
import { outbox } from "../../src/db/schema/index.js";
import { enqueue } from "../../src/services/outbox.js";
import { type BotWorld, startBotWorld, testDispatcher } from "../support/harness.js";
import { importRosterText, linkTelegram } from "../support/people.js";

// A private PostgreSQL cluster this test starts, restarts and stops, so a restart hurts nobody else.
const version = readdirSync("/usr/lib/postgresql").sort().at(-1) ?? "";
const bin = (name: string) => `/usr/lib/postgresql/${version}/bin/${name}`;
const asPostgres = (...args: string[]) => execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe" });

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("PostgreSQL restarted in the middle of traffic", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "tdkt-pg-"));
  const dataDir = path.join(dir, "data");
  let port = 0;
  let database: DatabaseHandle;
  let world: BotWorld;
  const pgCtl = (...args: string[]) => asPostgres(bin("pg_ctl"), "-D", dataDir, "-l", path.join(dir, "log"), "-w", ...args);

  beforeAll(async () => {
    expect(existsSync(bin("initdb")), `no PostgreSQL server binaries under /usr/lib/postgresql`).toBe(true);
    chmodSync(dir, 0o755);
    chownSync(dir, 101, 104);
    port = await freePort();
    asPostgres(bin("initdb"), "-D", dataDir, "-U", "postgres", "--auth=trust");
    pgCtl("-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start");
    database = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await database.migrate();
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let i = 1; i <= 30; i++) lines.push(`U,Đơn vị,P${i},Người ${i},,staff`);
    await importRosterText(database.db, lines.join("\n"));
    for (let i = 1; i <= 30; i++) await linkTelegram(database.db, `P${i}`, 61_000 + i);
    world = await startBotWorld(database.db, { at: "2025-03-03T09:00:00+07:00" });
    world.fake.rateLimitPerSecond = 100_000;
  }, 120_000);

  afterAll(async () => {
    await world?.close();
    await database?.close();
    try {
      pgCtl("-m", "immediate", "stop");
    } catch {
      // already stopped
    }
  });

  it("keeps the bot running: an update during the outage gets 'please try again', later ones are answered", async () => {
    const user = world.fake.user({ id: 61_001, first_name: "Một" });
    expect((await user.ask("/me")).text).toContain("Người 1");
    pgCtl("-m", "fast", "stop");
    expect((await user.ask("/me")).text).toBe("Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau ít phút.");
    pgCtl("-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "start");
    expect((await user.ask("/me")).text).toContain("Người 1");
  });

  it("lets the outbox resume after a restart with nothing lost and nothing sent twice", async () => {
    const now = new Date("2025-03-03T02:00:00Z");
    await enqueue(
      database.db,
      Array.from({ length: 30 }, (_, i) => ({
        personId: i + 1,
        dedupeKey: `restart:${i + 1}`,
        kind: "restart",
        notBefore: now,
        render: () => ({ text: `Tin ${i + 1}` }),
      })),
    );
    const before = world.fake.received.length;
    // Short leases: what the interrupted drain had claimed comes back within a second.
    const dispatcher = testDispatcher(world, database.db, undefined, 1000);
    // Restart the server while the first batch is going out.
    const draining = dispatcher.drainAll().catch(() => 0);
    pgCtl("-m", "fast", "restart", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`);
    await draining;
    // The surviving dispatcher (here: the next drain) takes over what the outage interrupted.
    await retryOnLostConnection(() => testDispatcher(world, database.db, undefined, 1000).drainAll());
    const rows = await database.db.select({ status: outbox.status }).from(outbox).where(eq(outbox.kind, "restart"));
    const count = (status: string) => rows.filter((row) => row.status === status).length;
    const counts = { sent: count("sent"), unknown: count("unknown"), pending: count("pending"), claimed: count("claimed"), sending: count("sending") };
    const arrived = world.fake.received.slice(before).map((entry) => String(entry.text));
    // Every notification is accounted for: sent, or unknown if its request was cut off mid-flight.
    expect(counts.pending + counts.claimed + counts.sending).toBe(0);
    expect(counts.sent + counts.unknown).toBe(30);
    // None reached Telegram twice, and every one marked sent did reach it.
    expect(new Set(arrived).size).toBe(arrived.length);
    expect(arrived.length).toBeGreaterThanOrEqual(counts.sent);
    const [total] = await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from outbox where kind = 'restart'`);
    expect(total?.count).toBe(30);
  });
});
