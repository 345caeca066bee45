import { cliActor } from "../src/services/audit.js";
import { ballotTally } from "../src/services/ballots/tally.js";
import { createBallotSession, openBallot } from "../src/services/ballots/sessions.js";
import { closeBallot } from "../src/services/ballots/closing.js";
import { ballotSeal } from "../src/services/ballots/seal.js";
import { TEST_BALLOT_SECRET } from "../test/support/harness.js";
import { launchCampaign } from "../src/services/campaigns/campaigns.js";
import { queryRows } from "../src/db/client.js";
import { sql } from "drizzle-orm";
import { startChatWorld } from "../test/support/chat-world.js";
import { nextWith } from "../test/support/fake-telegram.js";
import { importRosterText } from "../test/support/people.js";
import { DRIVERS, log, round, scratchDatabase } from "./support.js";

// The close opens the ballots the bot sealed: with the bot's own secret (the test harness's).
const seal = ballotSeal(TEST_BALLOT_SECRET);

const MEMBERS = 50;
const CANDIDATES = 500;
const TARGET_P99_MS = 200;

// 50 votes in 2 minutes arrive about one every 2.4 s; four members pressing "submit" in the same
// instant is already far more than a meeting room produces.
const AT_ONCE = 4;

/**
 * 50 council members vote on 500 candidates through the fake Telegram API, four at a time: each
 * opens the ballot, marks one candidate "disagree" and submits. Prints the time per vote (press
 * of "submit" to the bot's answer), p50 and p99, against a p99 target of 200 ms, and the same for
 * all 50 at once (a burst no real council makes) for comparison.
 */
export async function vote(): Promise<Record<string, unknown>> {
  const figures: Record<string, unknown> = {
    bench: "vote",
    members: MEMBERS,
    candidates: CANDIDATES,
    target_p99_ms: TARGET_P99_MS,
  };
  const roster = [
    "unit_code,unit_name,staff_code,full_name,position,roles",
    ...Array.from({ length: MEMBERS }, (_, index) => `HD,Hội đồng,C${index + 1},Thành Viên ${index + 1},,council`),
    ...Array.from({ length: CANDIDATES }, (_, index) => `P${index % 10},Phòng ${index % 10},S${index + 1},Cán Bộ ${index + 1},,staff`),
  ].join("\n");
  for (const driver of DRIVERS) {
    const database = await scratchDatabase(driver);
    await importRosterText(database.db, roster);
    const campaign = await launchCampaign(
      database.db,
      { year: 2025, title: "2025", deadlineAt: new Date("2025-01-30T16:59:59Z") },
      { clock: () => new Date("2025-01-06T02:00:00Z"), actor: cliActor },
    );
    await database.db.execute(sql`insert into registrations (year, campaign_id, subject, person_id, unit_id, title_code, level, status, registered_by_person_id, created_at, updated_at)
      select 2025, ${campaign.id}, 'person', p.id, p.unit_id, 'CSTDCS', 'co-so', 'approved', p.id, now(), now() from people p where p.staff_code like 'S%'`);
    const world = await startChatWorld("telegram", database.db, { at: "2026-01-20T09:00:00+07:00", rateLimitPerSecond: 100_000 });
    const members = await queryRows<{ code: string }>(database.db, sql`select staff_code as code from people where 'council' = any(roles) order by id`);
    for (const [index, member] of members.entries()) await world.link(database.db, member.code, 30_000 + index);
    const context = { clock: world.clock.now, actor: cliActor };
    const session = await createBallotSession(database.db, { year: 2025, title: "Bench" }, context);
    await openBallot(database.db, session.id, { ...context, translate: (_locale, key) => key });
    const latencies: number[] = [];
    const burst: number[] = [];
    const voteAs = async (index: number, into: number[]) => {
      const user = world.user({ id: 30_000 + index, first_name: `C${index + 1}` });
      const ballot = await user.ask(`/vote ${session.id}`);
      user.press(ballot, `Đổi ${1 + (index % 20)}`);
      const marked = await user.next();
      const pressedAt = performance.now();
      user.press(marked, "📨 Nộp phiếu");
      await nextWith(user, into === burst ? "Bạn đã bỏ phiếu" : "Đã nhận phiếu");
      into.push(performance.now() - pressedAt);
    };
    const started = performance.now();
    for (let start = 0; start < members.length; start += AT_ONCE) {
      await Promise.all(members.slice(start, start + AT_ONCE).map((_member, offset) => voteAs(start + offset, latencies)));
    }
    const totalMs = performance.now() - started;
    // The burst: everyone presses submit again at once (each is refused: one ballot per member).
    await Promise.all(members.map((_member, index) => voteAs(index, burst)));
    burst.sort((a, b) => a - b);
    await closeBallot(database.db, seal, session.id, context);
    const tally = await ballotTally(database.db, session.id);
    const voted = tally === "not-closed" ? 0 : tally.voted;
    latencies.sort((a, b) => a - b);
    const at = (share: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))] ?? 0, 1);
    const burstP99 = round(burst[Math.min(burst.length - 1, Math.floor(0.99 * burst.length))] ?? 0, 1);
    log(
      `${driver}: ${voted}/${MEMBERS} ballots on ${CANDIDATES} candidates in ${round(totalMs / 1000, 1)} s, ${AT_ONCE} at a time; per vote p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; all ${MEMBERS} at once (refused as second ballots): p99 ${burstP99} ms`,
    );
    figures[`${driver}_burst_p99_ms`] = burstP99;
    figures[`${driver}_total_s`] = round(totalMs / 1000, 1);
    figures[`${driver}_p50_ms`] = at(0.5);
    figures[`${driver}_p99_ms`] = at(0.99);
    figures[`${driver}_p99_ratio_to_target`] = round(at(0.99) / TARGET_P99_MS, 2);
    figures[`${driver}_voted`] = voted;
    await world.close();
    await database.close();
  }
  return figures;
}
