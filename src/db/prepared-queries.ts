import type { Database } from "./client.js";

/**
 * drizzle writes a query's SQL text anew every time it runs; for the reads every chat update
 * makes, writing it was a tenth of the bot's CPU (profile of /tasks). A query built with
 * `sql.placeholder` and `.prepare()` is written once per database handle (or transaction, whose
 * statements must run on its own connection) and then run with new values.
 */
export function builtOncePerDatabase<Query>(build: (db: Database) => Query): (db: Database) => Query {
  const built = new WeakMap<Database, Query>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
