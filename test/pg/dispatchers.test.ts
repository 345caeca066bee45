import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../../src/db/client.js";
import { enqueue, outboxDepth } from "../../src/services/outbox.js";
import { FakeTelegram } from "../support/fake-telegram.js";
import { importRosterText, linkTelegram } from "../support/people.js";
import { createDatabase, dropDatabase, uniqueDatabaseName, urlOfDatabase } from "../support/postgres.js";
import { projectRoot } from "../support/processes.js";

const serverUrl = process.env.DATABASE_URL ?? "";
const RECIPIENTS = 240;

function runWorker(env: Record<string, string>): Promise<{ code: number | null; handled: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/dispatch-worker.ts"], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve) =>
    child.once("close", (code) => resolve({ code, handled: Number((JSON.parse(output || "{}") as { handled?: number }).handled ?? -1) })),
  );
}

describe("two dispatcher processes draining one outbox", () => {
  const name = uniqueDatabaseName("tdkt_dispatchers");
  let database: DatabaseHandle;
  let fake: FakeTelegram;

  beforeAll(async () => {
    await createDatabase(serverUrl, name);
    database = await openDatabase({ databaseUrl: urlOfDatabase(serverUrl, name) });
    await database.migrate();
    fake = await FakeTelegram.start();
    fake.rateLimitPerSecond = 80;
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let i = 1; i <= RECIPIENTS; i++) lines.push(`U,Đơn vị,S${i},Người ${i},,staff`);
    await importRosterText(database.db, lines.join("\n"));
    for (let i = 1; i <= RECIPIENTS; i++) await linkTelegram(database.db, `S${i}`, 20_000 + i);
  });
  afterAll(async () => {
    await fake?.close();
    await database?.close();
    await dropDatabase(serverUrl, name);
  });

  it("sends every notification exactly once, shares the work and keeps to the shared rate", async () => {
    const now = new Date();
    await enqueue(
      database.db,
      Array.from({ length: RECIPIENTS }, (_, i) => ({
        personId: i + 1,
        dedupeKey: `two-processes:${i + 1}`,
        kind: "test",
        notBefore: now,
        render: () => ({ text: `Thông báo số ${i + 1}` }),
      })),
    );
    const env = { DATABASE_URL: urlOfDatabase(serverUrl, name), TELEGRAM_API_ROOT: fake.apiRoot, BROADCAST_RATE: "60" };
    const [first, second] = await Promise.all([runWorker(env), runWorker(env)]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(first.handled + second.handled).toBe(RECIPIENTS);
    expect(Math.min(first.handled, second.handled)).toBeGreaterThan(0);
    for (let i = 1; i <= RECIPIENTS; i++) {
      expect(fake.unread(20_000 + i).map((shown) => shown.text)).toEqual([`Thông báo số ${i}`]);
    }
    expect(fake.rateLimited).toBe(0);
    expect(await outboxDepth(database.db)).toMatchObject({ sent: RECIPIENTS, pending: 0, claimed: 0, sending: 0, unknown: 0, failed: 0 });
  });
});
