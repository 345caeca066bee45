import type { Sql } from "postgres";

// A statement with more parameters than this is a bulk write whose text changes with its row
// count: preparing each would leave a statement per row count on every connection.
const MOST_PARAMETERS_PREPARED = 32;

/**
 * drizzle sends every statement it has not been given a name for as an unnamed one, which the
 * server parses and plans again on each run: for the few-row reads of a chat update, planning is
 * most of the server's work (/tasks: 1.5 ms of Postgres CPU per update, 0.4 prepared). postgres.js
 * keeps a prepared statement per distinct text on each connection and recycles connections
 * (max_lifetime), so preparing every statement drizzle writes — fixed texts with $n parameters —
 * costs a bounded cache. Statements without parameters keep the simple protocol (the migrations'
 * multi-statement files need it).
 */
export function preparingEveryStatement<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === "unsafe") {
        return (query: string, parameters: unknown[] = [], options: { prepare?: boolean } = {}) =>
          (value as (query: string, parameters: unknown[], options: object) => unknown).call(target, query, parameters, {
            ...options,
            prepare: parameters.length > 0 && parameters.length <= MOST_PARAMETERS_PREPARED,
          });
      }
      // A transaction's (and a savepoint's) statements run on a client of its own.
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const body = args.pop() as (client: Sql) => unknown;
          return (value as (...all: unknown[]) => unknown).call(target, ...args, (inner: Sql) => body(preparingEveryStatement(inner)));
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
