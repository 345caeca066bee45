import type { IncomingMessage, ServerResponse } from "node:http";
import * as z from "zod";
import { ConfigError } from "../../config.js";
import { readBody, reply, safeJson, secretMatches } from "../http/body.js";
import type { PlatformWebhook } from "../platform.js";
import type { ZaloClient } from "./client.js";
import { parseZaloEvent } from "./events.js";
import type { ZaloTransport } from "./transport.js";

/**
 * Zalo's webhook: the secret header compared in constant time (401, nothing read, otherwise),
 * the body with or without its `{ok, result}` wrapper, 200 once handled.
 */
export function zaloWebhook(transport: ZaloTransport, client: ZaloClient, url: string, secret: string): PlatformWebhook {
  return {
    path: new URL(url).pathname,
    handle: (req, res, accepting) => handleZaloEvent(transport, secret, req, res, accepting),
    drain: () => transport.drain(),
    register: () => registerZaloWebhook(client, url, secret),
  };
}

async function handleZaloEvent(transport: ZaloTransport, secret: string, req: IncomingMessage, res: ServerResponse, accepting: boolean): Promise<void> {
  const answer = (status: number, body: unknown) => reply(res, status, JSON.stringify(body), "application/json");
  if (!secretMatches(req.headers["x-bot-api-secret-token"], secret)) return answer(401, { ok: false, description: "unauthorized" });
  if (!accepting) return reply(res, 503, "shutting down\n");
  const body = await readBody(req);
  const event = body === undefined ? undefined : parseZaloEvent(safeJson(body));
  if (!event) return answer(400, { ok: false, description: "bad event" });
  if (event === "ignored") return answer(200, { ok: true });
  const { busy } = await transport.handle(event);
  answer(busy ? 503 : 200, { ok: !busy });
}

/** Tells Zalo where to deliver events, with the secret it must send back. */
export async function registerZaloWebhook(client: ZaloClient, url: string, secret: string): Promise<void> {
  const result = webhookInfoSchema.safeParse(await client.call("setWebhook", { url, secret_token: secret }));
  // Zalo answers with the webhook it now has: anything else means events would go elsewhere.
  if (!result.success || result.data.url !== url) {
    throw new ConfigError(
      `Configuration error: Zalo did not confirm the webhook ${url} (it answered ${JSON.stringify(result.success ? result.data : "no webhook")})`,
    );
  }
}

const webhookInfoSchema = z.looseObject({ url: z.string(), updated_at: z.number().optional() });
