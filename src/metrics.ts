import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/** The process's Prometheus metrics, served at GET /metrics. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: "tdkt_" });

export const updatesHandled = new Counter({
  name: "tdkt_updates_total",
  help: "Updates handled, by type and outcome",
  labelNames: ["type", "outcome"] as const,
  registers: [registry],
});

export const updateDuration = new Histogram({
  name: "tdkt_update_duration_seconds",
  help: "Time to handle one update",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const sendsTotal = new Counter({
  name: "tdkt_sends_total",
  help: "Outbox sends, by result",
  labelNames: ["result"] as const,
  registers: [registry],
});

export const rateLimitedTotal = new Counter({
  name: "tdkt_telegram_429_total",
  help: "Answers 429 Too Many Requests from the Bot API",
  registers: [registry],
});
