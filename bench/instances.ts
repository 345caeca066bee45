import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import path from "node:path";
import { type FakeTelegram, TEST_TOKEN } from "../test/support/fake-telegram.js";
import { INSTANCE_NODE_OPTIONS } from "../test/support/webhook-process.js";
import { round } from "./support.js";

const root = path.resolve(import.meta.dirname, "..");
export const WEBHOOK_SECRET = "bench-webhook-secret-0123456789";

export type Instance = { port: number; child: ChildProcess };

/**
 * Starts the bot as `npm start` and the image run it (the bundle: build it first) in webhook mode,
 * against a fake Bot API, and waits until it is ready.
 */
export async function startInstance(databaseUrl: string, apiRoot: string, port: number, env: Record<string, string> = {}): Promise<Instance> {
  // BENCH_CPU_PROFILE=<dir> writes each instance's V8 CPU profile there when it exits.
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "dist/bundle/main.mjs"], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: databaseUrl,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
      WEBHOOK_SECRET,
      BALLOT_SECRET: "the-benchmark-instances-ballot-secret-0123456789",
      PORT: String(port),
      LOG_LEVEL: "warn",
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? INSTANCE_NODE_OPTIONS,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let attempt = 0; attempt < 200; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { port, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on port ${port} did not become ready`);
}

export async function stopInstance(instance: Instance) {
  // One signal: a second one ends the process before it writes its CPU profile (BENCH_CPU_PROFILE).
  const exited = new Promise((resolve) => instance.child.once("exit", resolve));
  instance.child.kill("SIGTERM");
  await exited;
}

export function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 0);
}

/** CPU time its ended (and waited for) children used, in ms. */
function endedChildrenCpuMs(pid: string): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** CPU time (user + system) a process has used so far, in ms (Linux counts it in 1/100 s). */
export function cpuMs(pid: number | string | undefined): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * CPU time of the local PostgreSQL server's processes (0 when it runs elsewhere), the backends
 * that have ended included: the server's main process counts its ended children's time.
 */
export function postgresCpuMs(): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres") total += cpuMs(pid) + endedChildrenCpuMs(pid);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

// Enough sockets for every concurrent delivery of a benchmark.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * POSTs one update the way Telegram does, and has the fake carry out the reply the answer holds;
 * resolves with the status, or 0 if the connection failed.
 */
export function postUpdate(fake: FakeTelegram, port: number, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/telegram",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": WEBHOOK_SECRET, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const answer = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode === 200 && answer !== "") void fake.executeWebhookAnswer(answer).then(() => resolve(200));
          else resolve(res.statusCode ?? 0);
        });
      },
    );
    req.on("error", () => resolve(0));
    req.end(body);
  });
}
