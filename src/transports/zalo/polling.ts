import type { Logger } from "pino";
import type { ZaloClient } from "./client.js";
import { parseZaloEvent } from "./events.js";
import type { ZaloTransport } from "./transport.js";

/**
 * Long polling: one event per getUpdates call. Each event is handled without holding up the
 * next poll (events of one chat still in order); resolves once stopped and everything taken is done.
 */
export async function runZaloPolling(transport: ZaloTransport, client: ZaloClient, logger: Logger, stop: AbortSignal, onReady: () => void): Promise<void> {
  try {
    // Polling and a webhook exclude each other, as on Telegram.
    await client.call("deleteWebhook", {});
  } catch (error) {
    logger.warn({ err: error }, "zalo deleteWebhook failed; polling anyway");
  }
  onReady();
  let backoffMs = 0;
  while (!stop.aborted) {
    let body: unknown;
    try {
      body = await client.getUpdate(stop);
      backoffMs = 0;
    } catch (error) {
      if (stop.aborted) break;
      backoffMs = Math.min(30_000, Math.max(1000, backoffMs * 2));
      logger.warn({ err: error, retry_in_ms: backoffMs }, "zalo getUpdates failed");
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, backoffMs);
        stop.addEventListener(
          "abort",
          () => {
            clearTimeout(timer);
            resolve(undefined);
          },
          { once: true },
        );
      });
      continue;
    }
    if (body === undefined) continue;
    const event = parseZaloEvent(body);
    if (event === "ignored") continue;
    if (!event) {
      logger.warn("zalo event of an unknown shape ignored");
      continue;
    }
    transport.handle(event).catch((error: unknown) => logger.error({ err: error }, "zalo event failed"));
  }
  await transport.drain();
}
