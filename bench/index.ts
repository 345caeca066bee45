import { broadcast } from "./broadcast.js";
import { coldStart } from "./cold-start.js";
import { dispatch } from "./dispatch.js";
import { hostileFiles } from "./hostile-files.js";
import { invites } from "./invites.js";
import { vote } from "./vote.js";
import { oa } from "./oa.js";
import { province } from "./province.js";
import { sweep } from "./sweep.js";
import { webhook } from "./webhook.js";
import { rosterImport } from "./roster-import.js";
import { rush } from "./rush.js";
import { loadavg } from "node:os";
import { log, round } from "./support.js";

/** `npm run bench -- <name…>`: each benchmark prints its progress, then one JSON line of figures. */
const BENCHES: Record<string, (() => Promise<Record<string, unknown>>) | string> = {
  "roster-import": rosterImport,
  "cold-start": coldStart,
  sweep,
  dispatch,
  rush,
  broadcast,
  webhook,
  "hostile-files": hostileFiles,
  invites,
  vote,
  oa,
  province,
};

const requested = process.argv.slice(2);
const names = requested.length > 0 && !requested.includes("all") ? requested : Object.keys(BENCHES);
const suiteStarted = performance.now();
let failed = false;
for (const name of names) {
  const bench = BENCHES[name];
  if (bench === undefined) {
    log(`unknown benchmark ${name}; known: ${Object.keys(BENCHES).join(", ")}`);
    failed = true;
    continue;
  }
  if (typeof bench === "string") {
    log(JSON.stringify({ bench: name, status: "not built yet", arrives_with: bench }));
    continue;
  }
  // Figures on a loaded 2-core machine say little without the load they were taken under.
  const loadStart = loadavg().map((value) => round(value, 2));
  log(`== ${name} on ${process.env.DATABASE_URL ? "PGlite and Postgres" : "PGlite"} (load ${loadStart.join(" ")})`);
  const figures = await bench();
  log(JSON.stringify({ ...figures, load_start: loadStart, load_end: loadavg().map((value) => round(value, 2)) }));
}
log(JSON.stringify({ bench: "suite", names, minutes: round((performance.now() - suiteStarted) / 60_000, 1), target_minutes: 15 }));
process.exit(failed ? 1 : 0);
