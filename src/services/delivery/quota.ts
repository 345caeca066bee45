import type { Database } from "../../db/client.js";
import type { Clock } from "../../domain/calendar.js";
import type { Translate } from "../outbox.js";
import { claimWarning, countSent, monthOf, stopForMonth, stoppedFor } from "./months.js";
import { warnSecretariatOfQuota } from "./unreached.js";

/** The share of a monthly quota at which the secretariat is warned. */
export const QUOTA_WARNING_SHARE = 0.8;

/**
 * A channel with a monthly message ceiling (the Zalo Bot Platform's 3,000): every message sent is
 * counted; at 80 % the secretariat is warned once; at the ceiling, or when the platform answers
 * that the quota is spent, the channel stops for the rest of the month and its messages go on
 * through each person's other channels.
 */
export class MonthlyQuota {
  constructor(
    private readonly db: Database,
    private readonly channel: string,
    readonly limit: number,
    private readonly context: { clock: Clock; translate: Translate; timeZone: string },
  ) {}

  private month(): string {
    return monthOf(this.context.clock(), this.context.timeZone);
  }

  /** Whether the channel has stopped for this month. */
  async spent(): Promise<boolean> {
    return (await stoppedFor(this.db, this.channel, this.month())) !== undefined;
  }

  /** One message went out. */
  async count(): Promise<void> {
    const month = this.month();
    const sent = await countSent(this.db, this.channel, month);
    if (sent >= Math.ceil(this.limit * QUOTA_WARNING_SHARE) && (await claimWarning(this.db, this.channel, month, this.context.clock()))) {
      await warnSecretariatOfQuota(this.db, this.context, this.channel, month, { sent, limit: this.limit });
    }
    if (sent >= this.limit) await this.exhausted();
  }

  /** The platform says the quota is spent (or the count reached it): nothing more this month. */
  async exhausted(): Promise<void> {
    await stopForMonth(this.db, this.channel, this.month(), "quota", this.context.clock());
  }
}
