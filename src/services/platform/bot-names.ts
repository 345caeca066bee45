import * as z from "zod";
import type { Config } from "../../config.js";

/** What people look for to reach the bot: its Telegram username, its Zalo account name. */
export type BotNames = { telegram: string | undefined; zalo: string | undefined };

const telegramMe = z.object({ result: z.object({ username: z.string().regex(/^\w{3,64}$/) }) });
const zaloMe = z.object({ result: z.object({ account_name: z.string().min(1).max(100) }) });
const asked = new Map<string, Promise<string | undefined>>();

/**
 * The bot's names, as configured or else asked of each platform once per process (a link on a
 * printed invite must name the real bot, never a placeholder); unknown when a platform is not
 * configured or does not answer.
 */
export async function botNames(config: Pick<Config, "telegram" | "zalo">, known: Partial<BotNames> = {}): Promise<BotNames> {
  const { telegram, zalo } = config;
  const [telegramName, zaloName] = await Promise.all([
    known.telegram ??
      telegram.username ??
      (telegram.token ? ask(`${telegram.apiRoot}/bot${telegram.token}/getMe`, telegramMe, (me) => me.result.username) : undefined),
    known.zalo ?? (zalo.token ? ask(`${zalo.apiRoot}/bot${zalo.token}/getMe`, zaloMe, (me) => me.result.account_name) : undefined),
  ]);
  return { telegram: telegramName, zalo: zaloName };
}

function ask<T>(url: string, schema: z.ZodType<T>, pick: (me: T) => string): Promise<string | undefined> {
  let answer = asked.get(url);
  if (!answer) {
    answer = fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}", signal: AbortSignal.timeout(5000) })
      .then(async (response) => {
        const me = schema.safeParse(await response.json());
        return me.success ? pick(me.data) : undefined;
      })
      .catch(() => undefined)
      .then((name) => {
        // Asked again next time: the platform may answer once it is reachable.
        if (name === undefined) asked.delete(url);
        return name;
      });
    asked.set(url, answer);
  }
  return answer;
}
