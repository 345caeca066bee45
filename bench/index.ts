import { broadcast } from "./broadcast.js";
import { coldStart } from "./cold-start.js";
import { dispatch } from "./dispatch.js";
import { hostileFiles } from "./hostile-files.js";
import { invites } from "./invites.js";
import { vote } from "./vote.js";
import { sweep } from "./sweep.js";
import { webhook } from "./webhook.js";
import { rosterImport } from "./roster-import.js";
import { rush } from "./rush.js";
import { log } from "./support.js";

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
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(BENCHES);
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
  log(`== ${name} on ${process.env.DATABASE_URL ? "PGlite and Postgres" : "PGlite"}`);
  log(JSON.stringify(await bench()));
}
process.exit(failed ? 1 : 0);
