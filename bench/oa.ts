import { pino } from "pino";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { chatAccounts, people } from "../src/db/schema/index.js";
import { admitProactive, OA_WINDOW, openWindow } from "../src/services/delivery/index.js";
import { enqueue } from "../src/services/outbox.js";
import { linkAccount, OA_WEBHOOK_SETTINGS } from "../test/support/chat-world.js";
import { FakeZaloOa, OA_LIMITS, oaUserId } from "../test/support/fake-zalo-oa.js";
import { TEST_BALLOT_SECRET } from "../test/support/harness.js";
import { importRosterText } from "../test/support/people.js";
import { freePort } from "../test/support/ports.js";
import { log, round, scratchDatabase } from "./support.js";

const RECIPIENTS = 400;

/**
 * The OA channel: sends a second through the whole system (outbox, pricing, the OA API) against
 * the fake enforcing the 20 a second one guide gives, at the default rate (18) and at 20; and what
 * a 230-person agency's month costs as the delivery policy routes it.
 */
export async function oa(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = { bench: "oa", recipients: RECIPIENTS, documented_limit: OA_LIMITS.sendsPerSecond };
  for (const rate of [18, 20]) {
    const { perSecond, refusals } = await sendAtRate(rate);
    log(`OA at ZALO_OA_RATE=${rate}: ${round(perSecond)} msg/s, ${refusals} sends over the limit`);
    figures[`rate_${rate}_msgs_per_s`] = round(perSecond);
    figures[`rate_${rate}_over_limit`] = refusals;
  }
  Object.assign(figures, await agencyMonth());
  return figures;
}

async function sendAtRate(rate: number): Promise<{ perSecond: number; refusals: number }> {
  const database = await scratchDatabase("pglite");
  const fake = await FakeZaloOa.start();
  fake.sendsPerSecondLimit = OA_LIMITS.sendsPerSecond;
  const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
  for (let n = 1; n <= RECIPIENTS; n++) lines.push(`U,Đơn vị,S${n},Người ${n},,staff`);
  await importRosterText(database.db, lines.join("\n"));
  for (let n = 1; n <= RECIPIENTS; n++) {
    await linkAccount(database.db, "zalo_oa", `S${n}`, oaUserId(n));
    fake.followerSince(n, new Date());
  }
  await database.db.update(chatAccounts).set({ lastInboundAt: new Date() });
  const port = await freePort();
  const app = await createApp(
    loadConfig({
      ...OA_WEBHOOK_SETTINGS(fake.root, port),
      ZALO_OA_RATE: String(rate),
      BALLOT_SECRET: TEST_BALLOT_SECRET,
      LOG_LEVEL: "silent",
    }),
    { database, logger: pino({ level: "silent" }), background: false, listen: { host: "127.0.0.1" } },
  );
  await app.start();
  const everyone = await database.db.select({ id: people.id }).from(people);
  await enqueue(
    database.db,
    everyone.map((person) => ({
      personId: person.id,
      dedupeKey: `bench:${person.id}`,
      kind: "bench",
      notBefore: new Date(0),
      render: () => ({ text: "Nhắc việc" }),
    })),
  );
  log(`sending ${RECIPIENTS} OA messages at ${rate}/s …`);
  const started = performance.now();
  const [dispatcher] = app.dispatchers();
  const sent = (await dispatcher?.drainAll()) ?? 0;
  const seconds = (performance.now() - started) / 1000;
  const refusals = fake.violations.length;
  await app.stop();
  await fake.close();
  await database.close();
  return { perSecond: sent / seconds, refusals };
}

/**
 * A 230-person agency's month on the OA alone, priced by the policy itself (admitProactive on a
 * real database, a simulated clock). Assumed: 15 units with a head each, a council of 9; all
 * linked on the 1st (so every window opens then); the launch broadcast on the 2nd; registration
 * reminders on the 12th, 16th and 18th to the 40 % not yet registered; a task digest to each head
 * every Monday; a ballot opened for the council on the 25th and its result to 60 candidates on
 * the 29th. Half of those who get a message with a button press it the same day (which opens
 * their window again, with its free replies); the default settings (8 free per window, 1,000 a month).
 */
async function agencyMonth(): Promise<Record<string, number>> {
  const database = await scratchDatabase("pglite");
  const db = database.db;
  const size = 230;
  const lines = ["unit_code,unit_name,staff_code,full_name,position,roles"];
  for (let n = 1; n <= size; n++) lines.push(`U${n % 15},Đơn vị ${n % 15},P${n},Người ${n},,${n <= 15 ? "head" : n <= 24 ? "council" : "staff"}`);
  await importRosterText(db, lines.join("\n"));
  const day = (d: number) => new Date(Date.UTC(2027, 2, d, 2, 0, 0));
  for (let n = 1; n <= size; n++) await linkAccount(db, "zalo_oa", `P${n}`, oaUserId(n));
  for (let n = 1; n <= size; n++) await openWindow(db, "zalo_oa", oaUserId(n), day(1));
  const rules = { channel: "zalo_oa", ...OA_WINDOW, freeReplies: 8, monthlyAllowance: 1000, timeZone: "Asia/Ho_Chi_Minh" };
  const cost = { free: 0, allowance: 0, unreachable: 0 };
  let pressing = 0;
  const send = async (d: number, recipients: number[]) => {
    for (const n of recipients) {
      const admitted = await admitProactive(db, rules, oaUserId(n), day(d));
      if ("unreachable" in admitted) cost.unreachable++;
      else {
        cost[admitted.cost]++;
        // Every other recipient presses the message's button that day.
        if (pressing++ % 2 === 0) await openWindow(db, "zalo_oa", oaUserId(n), new Date(day(d).getTime() + 3_600_000));
      }
    }
  };
  const all = Array.from({ length: size }, (_, index) => index + 1);
  const heads = all.slice(0, 15);
  const council = all.slice(15, 24);
  const unregistered = all.filter((n) => n % 5 < 2);
  await send(2, all);
  for (const d of [5, 12, 19, 26]) await send(d, heads);
  for (const d of [12, 16, 18]) await send(d, unregistered);
  await send(25, council);
  await send(29, all.slice(24, 84));
  const total = cost.free + cost.allowance + cost.unreachable;
  log(`a 230-person month on the OA: ${total} messages — ${cost.free} free, ${cost.allowance} from the allowance, ${cost.unreachable} unreachable by the OA`);
  await database.close();
  return { month_messages: total, month_free: cost.free, month_allowance: cost.allowance, month_unreachable: cost.unreachable };
}
