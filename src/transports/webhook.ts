import { timingSafeEqual } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Gauge } from "prom-client";
import type { Update } from "grammy/types";
import { z } from "zod";
import { busyUpdates, type TdktBot } from "../bot/index.js";
import type { DatabaseHandle } from "../db/client.js";
import { registry } from "../metrics.js";
import { outboxDepth } from "../services/outbox.js";
import { publishCommandMenu } from "./telegram.js";

/** The updates the bot handles; Telegram sends nothing else. */
export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;
const MAX_BODY_BYTES = 1024 * 1024;

// The body is Telegram's; only its shape is checked here, grammY reads the rest.
const updateSchema = z.object({ update_id: z.number().int().nonnegative() }).passthrough();

export type WebhookServer = { port: number; close(): Promise<void> };

/** Whether the header carries the secret, compared in constant time. */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The HTTP side of webhook mode: POST <path> takes Telegram's updates (401 without the secret),
 * GET /healthz says the process is up, /readyz that the database answers and is migrated,
 * /metrics serves Prometheus text. An update is answered 200 only once it has been handled, so
 * one that a dying instance never finished is redelivered by Telegram, to any instance.
 */
export async function startWebhookServer(options: { bot: TdktBot; database: DatabaseHandle; path: string; secret: string; port: number; host?: string }): Promise<WebhookServer> {
  const { bot, database } = options;
  // One gauge per process, reading the database of the server that registered it last.
  registry.removeSingleMetric("tdkt_outbox_depth");
  new Gauge({
    name: "tdkt_outbox_depth",
    help: "Outbox rows by status",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      for (const [status, count] of Object.entries(await outboxDepth(database.db))) this.set({ status }, count);
    },
  });
  let accepting = true;
  const server: Server = createServer((req, res) => void route(req, res));

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (req.method === "GET" && url.pathname === "/healthz") return reply(res, 200, "ok\n");
      if (req.method === "GET" && url.pathname === "/readyz") {
        const ready = accepting && (await database.ready());
        return reply(res, ready ? 200 : 503, ready ? "ready\n" : "not ready\n");
      }
      if (req.method === "GET" && url.pathname === "/metrics") {
        return reply(res, 200, await registry.metrics(), registry.contentType);
      }
      if (req.method === "POST" && url.pathname === options.path) {
        if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], options.secret)) return reply(res, 401, "unauthorized\n");
        if (!accepting) return reply(res, 503, "shutting down\n");
        const body = await readBody(req);
        const parsed = body === undefined ? undefined : updateSchema.safeParse(safeJson(body));
        if (!parsed?.success) return reply(res, 400, "bad update\n");
        const update = parsed.data as unknown as Update;
        await bot.handleUpdate(update);
        // Still being handled elsewhere: not 200, so Telegram delivers it again a little later.
        if (busyUpdates.has(update)) return reply(res, 503, "busy\n");
        return reply(res, 200, "");
      }
      return reply(res, 404, "not found\n");
    } catch (error) {
      // Anything that escaped the bot's error boundary: Telegram will deliver it again.
      bot.services.logger.error({ err: error }, "webhook request failed");
      if (!res.headersSent) reply(res, 500, "error\n");
    }
  }

  server.listen(options.port, options.host ?? "0.0.0.0");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      // Stop taking updates, let those in flight finish, then close the connections.
      accepting = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await bot.inflight.drain();
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Tells Telegram where to deliver, with the secret, the update types and the parallelism. */
export async function registerWebhook(bot: TdktBot, url: string, secret: string): Promise<void> {
  await bot.init();
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], max_connections: 40 });
  await publishCommandMenu(bot);
}

function reply(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": contentType });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
