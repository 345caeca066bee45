import type { IncomingMessage, ServerResponse } from "node:http";
import type { ZaloOaConfig } from "../../config.js";
import { readBody, reply, safeJson } from "../http/body.js";
import type { PlatformWebhook } from "../platform.js";
import { parseOaEvent, signatureMatches, signedTimestamp } from "./events.js";
import type { OaTransport } from "./transport.js";

/** Where the OA's events arrive on the shared server; the URL is set in Zalo's developer console. */
export const ZALO_OA_WEBHOOK_PATH = "/zalo-oa";

/**
 * The OA's webhook: the signature over the raw body checked first (401, nothing acted on,
 * otherwise), then the event; 200 once handled (Zalo retries anything else, and wants an answer
 * within 2 seconds), 503 when another instance still handles it.
 */
export function zaloOaWebhook(transport: OaTransport, config: ZaloOaConfig, verify: () => Promise<void>): PlatformWebhook {
  return {
    path: ZALO_OA_WEBHOOK_PATH,
    handle: (req, res, accepting) => handleOaEvent(transport, config, req, res, accepting),
    drain: () => transport.drain(),
    // Zalo takes the webhook's address in its console, not through the API: start-up checks the tokens instead.
    register: verify,
  };
}

async function handleOaEvent(transport: OaTransport, config: ZaloOaConfig, req: IncomingMessage, res: ServerResponse, accepting: boolean): Promise<void> {
  const answer = (status: number, body: unknown) => reply(res, status, JSON.stringify(body), "application/json");
  if (!accepting) return reply(res, 503, "shutting down\n");
  const raw = await readBody(req);
  if (raw === undefined) return answer(400, { error: -1, message: "bad body" });
  const body = safeJson(raw);
  if (!signatureMatches(config, req.headers["x-zevent-signature"], raw, signedTimestamp(req.headers.timestamp, body))) {
    return answer(401, { error: -1, message: "unauthorized" });
  }
  const event = parseOaEvent(body);
  if (!event) return answer(400, { error: -1, message: "bad event" });
  if (event === "ignored") return answer(200, { error: 0 });
  const { busy } = await transport.handle(event);
  answer(busy ? 503 : 200, { error: busy ? -1 : 0 });
}
