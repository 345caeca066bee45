import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Gauge } from "prom-client";
import type { Logger } from "pino";
import type { HttpLimits } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import type { MessageArgs } from "../../domain/user-error.js";
import { registry } from "../../metrics.js";
import { DOWNLOAD_PATH } from "../../services/platform/downloads.js";
import { outboxDepth } from "../../services/outbox.js";
import { UPLOAD_PATH } from "../../services/platform/web-uploads.js";
import { reply, secretMatches } from "./body.js";
import { guardConnections } from "./connection-guard.js";
import { downloadPageHandler } from "./download-page.js";
import { type UploadReceiver, uploadPageHandler } from "./upload-page.js";

/**
 * Where one platform's updates arrive: POST to `path`. The platform checks its own secret and
 * body; `accepting` is false once the server is shutting down (answer so the platform retries).
 */
export type WebhookRoute = {
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, accepting: boolean): Promise<void>;
  /** Resolves once every update this route took has been handled. */
  drain(): Promise<void>;
};

export type WebhookServer = { port: number; close(): Promise<void> };

export type WebhookServerOptions = {
  database: Pick<DatabaseHandle, "db" | "ready">;
  logger: Logger;
  port: number;
  host?: string;
  /** The platforms' webhooks; the server knows them only by path. */
  routes: WebhookRoute[];
  /**
   * Serves the signed links: files that Zalo cannot receive as documents, and the upload page
   * for the platforms whose bots cannot take files (their receivers, by platform name).
   */
  links?: {
    signingKey: string;
    uploads: Partial<Record<string, UploadReceiver>>;
    /** The download page's words, in the default language (the link does not say whose it is). */
    translate: (key: string, args?: MessageArgs) => string;
    now: () => Date;
  };
  /** Timeouts and the connection cap (the configuration's HTTP_* settings). */
  http: HttpLimits;
  /** Bearer token /metrics requires; without one, /metrics answers loopback only. */
  metricsToken?: string;
};

/**
 * The HTTP side of webhook mode: POST to a route's path hands the request to its platform (each
 * refuses what lacks its secret before reading anything); GET /healthz says the process
 * is up, /readyz that the database answers and is migrated, /metrics serves Prometheus text,
 * /downloads/<signed token> the files Zalo cannot receive and /uploads/<signed token> the page
 * that takes files for it. An update is answered 200 only once
 * handled, so one that a dying instance never finished is delivered again, to any instance.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const { database, routes, links } = options;
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
  const limits = options.http;
  // Node's own defaults (no headers deadline worth the name, five minutes for a body, no cap)
  // let a few hundred slow sockets hold the server; these cut a slow client off in seconds.
  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node looks for requests past their deadline (30 s by default).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => void route(req, res),
  );
  guardConnections(server, { maxConnections: limits.maxConnections, silentMs: limits.silentConnectionMs });
  const routeByPath = new Map(routes.map((route) => [route.path, route]));
  const uploadPage = links ? uploadPageHandler(database.db, links.signingKey, links.uploads, links.now) : undefined;
  const downloadPage = links ? downloadPageHandler(database.db, links.signingKey, links.translate, links.now) : undefined;

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      if (req.method === "GET" && url.pathname === "/healthz") return reply(res, 200, "ok\n");
      if (req.method === "GET" && url.pathname === "/readyz") {
        const ready = accepting && (await database.ready());
        return reply(res, ready ? 200 : 503, ready ? "ready\n" : "not ready\n");
      }
      if (req.method === "GET" && url.pathname === "/metrics") {
        if (!metricsAllowed(req, options.metricsToken)) return reply(res, options.metricsToken ? 401 : 403, "forbidden\n");
        return reply(res, 200, await registry.metrics(), registry.contentType);
      }
      if ((req.method === "GET" || req.method === "POST") && uploadPage && url.pathname.startsWith(UPLOAD_PATH)) {
        if (!accepting) return reply(res, 503, "shutting down\n");
        return await uploadPage(req, res, url.pathname.slice(UPLOAD_PATH.length));
      }
      if ((req.method === "GET" || req.method === "POST") && downloadPage && url.pathname.startsWith(DOWNLOAD_PATH)) {
        return await downloadPage(req, res, url.pathname.slice(DOWNLOAD_PATH.length));
      }
      const platformRoute = req.method === "POST" ? routeByPath.get(url.pathname) : undefined;
      if (platformRoute) return await platformRoute.handle(req, res, accepting);
      return reply(res, 404, "not found\n");
    } catch (error) {
      // Anything that escaped the bot's error boundary: the platform will deliver it again.
      options.logger.error({ err: error }, "webhook request failed");
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
      await Promise.all(routes.map((route) => route.drain()));
      server.closeAllConnections();
      await closed;
    },
  };
}

/** With a token, the request must carry it as a bearer token; without one, it must come from this machine. */
function metricsAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token) return secretMatches(req.headers.authorization, `Bearer ${token}`);
  const address = req.socket.remoteAddress ?? "";
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}
