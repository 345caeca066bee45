import type { ConversationContext } from "../src/bot/context.js";

// Telegram refuses a message over 4096 characters; HTML is counted before its tags are parsed, so
// the limit kept here is lower. A line is one whole HTML fragment, so cutting between lines keeps
// every tag closed.
const PART_LIMIT = 3800;

/**
 * Replies with lines that grow with the data (a 45-candidate tally, a long list) in as many
 * messages as they need, each cut between lines and under Telegram's limit, in order.
 */
export async function replyLines(ctx: ConversationContext, lines: string[]): Promise<void> {
  let part: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (part.length > 0 && length + line.length + 1 > PART_LIMIT) {
      await ctx.reply(part.join("\n"), { parse_mode: "HTML" });
      part = [];
      length = 0;
    }
    part.push(line.length > PART_LIMIT ? `${line.slice(0, PART_LIMIT - 1)}…` : line);
    length += line.length + 1;
  }
  if (part.length > 0) await ctx.reply(part.join("\n"), { parse_mode: "HTML" });
}
