import { pino } from "pino";
import { Dispatcher } from "../src/scheduler/dispatcher.js";
import { enqueue } from "../src/services/outbox.js";
import { telegramSender } from "../src/transports/telegram/index.js";
import { FakeTelegram, TEST_TOKEN } from "../test/support/fake-telegram.js";
import { importRosterText, linkTelegram } from "../test/support/people.js";
import { DRIVERS, log, round, scratchDatabase } from "./support.js";

const RECIPIENTS = 600;
const LIMIT = 30;

/** Dispatcher throughput against the fake Bot API enforcing 30 msg/s (target ≥ 28.5 sustained, no 429). */
export async function dispatch(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "dispatch", recipients: RECIPIENTS, limit: LIMIT };
  for (const driver of DRIVERS) {
    const database = await scratchDatabase(driver);
    const fake = await FakeTelegram.start();
    fake.rateLimitPerSecond = LIMIT;
    const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
    for (let i = 1; i <= RECIPIENTS; i++) lines.push(`U,Đơn vị,S${i},Người ${i},,staff`);
    await importRosterText(database.db, lines.join("\n"));
    for (let i = 1; i <= RECIPIENTS; i++) await linkTelegram(database.db, `S${i}`, 100_000 + i);
    const now = new Date();
    await enqueue(
      database.db,
      Array.from({ length: RECIPIENTS }, (_, i) => ({
        personId: i + 1,
        dedupeKey: `bench:${i}`,
        kind: "bench",
        notBefore: now,
        render: () => ({ text: `Tin số ${i}` }),
      })),
    );
    const dispatcher = new Dispatcher({
      db: database.db,
      send: telegramSender(TEST_TOKEN, fake.apiRoot),
      logger: pino({ level: "silent" }),
      clock: () => new Date(),
      rate: LIMIT,
    });
    log(`${driver}: sending ${RECIPIENTS} messages at ${LIMIT}/s …`);
    const started = performance.now();
    const sent = await dispatcher.drainAll();
    const seconds = (performance.now() - started) / 1000;
    let delivered = 0;
    let duplicates = 0;
    for (let i = 1; i <= RECIPIENTS; i++) {
      const count = fake.unread(100_000 + i).length;
      if (count > 0) delivered++;
      if (count > 1) duplicates += count - 1;
    }
    log(
      `${driver}: ${sent} sent in ${round(seconds)} s = ${round(sent / seconds)} msg/s; 429: ${fake.rateLimited}; lost ${RECIPIENTS - delivered}; duplicates ${duplicates}`,
    );
    figures[`${driver}_msgs_per_s`] = round(sent / seconds);
    figures[`${driver}_http_429`] = fake.rateLimited;
    figures[`${driver}_lost`] = RECIPIENTS - delivered;
    figures[`${driver}_duplicates`] = duplicates;
    await fake.close();
    await database.close();
  }
  return figures;
}
