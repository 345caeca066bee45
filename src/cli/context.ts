import * as z from "zod";
import { createI18n, DEFAULT_LOCALE, toLocale } from "../bot/i18n.js";
import type { Config } from "../config.js";
import type { DatabaseHandle } from "../db/client.js";
import { UserError } from "../domain/user-error.js";
import type { Translate } from "../services/outbox.js";

/** A command's words, positional arguments and flags, as typed after `npm run tdkt --`. */
export type Args = {
  positional: string[];
  /** The value after a flag (`--year 2024`): "" when the flag ends the line, undefined when absent. */
  flag(name: string): string | undefined;
  /** Whether a flag without a value (`--dry-run`) was given. */
  has(name: string): boolean;
  /** The positional argument at `index`, or a refusal naming what is missing. */
  needed(index: number, name: string): string;
};

/** What every command gets: the configuration, the printer and the translations. */
export type CliDeps = { config: Config; print(line: string): void; t(key: string, args?: Record<string, string | number>): string; translate: Translate };

/**
 * One command of the admin CLI. `read` parses its files before the database opens (a hostile file
 * then costs a refusal and the parser's memory, never the embedded database's on top); `run` does
 * the work through the services.
 */
export type CliCommand<Input = undefined> = {
  words: string;
  /** Flags that take no value. */
  switches?: readonly string[];
  read?(args: Args): Promise<Input>;
  run(input: Input, args: Args, deps: CliDeps & { database: DatabaseHandle }): Promise<void>;
};

/** Erases a command's input type for the registry; each command still checks its own. */
export const command = <Input>(definition: CliCommand<Input>) => definition as unknown as CliCommand<unknown>;

/** Splits what follows the command's words into positional arguments and flags. */
export function parseArgs(tokens: string[], switches: readonly string[] = []): Args {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const given = new Set<string>();
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as string;
    if (!token.startsWith("--")) positional.push(token);
    else if (switches.includes(token)) given.add(token);
    else values.set(token, tokens[++index] ?? "");
  }
  return {
    positional,
    flag: (name) => values.get(name),
    has: (name) => given.has(name),
    needed(index, name) {
      const value = positional[index];
      if (!value) throw new UserError("cli-missing-argument", { argument: name });
      return value;
    },
  };
}

const year = z.coerce.number().int().min(2000).max(2100);

/** A `--year` flag, if given; a refusal when it is not a year. */
export function yearFlag(args: Args): number | undefined {
  const given = args.flag("--year");
  if (given === undefined) return undefined;
  const parsed = year.safeParse(given);
  if (!parsed.success) throw new UserError("cli-bad-year", { value: given });
  return parsed.data;
}

/** The CLI speaks the language of TDKT_LANG, else of the shell's LANG, else Vietnamese. */
export function cliTranslations(env: NodeJS.ProcessEnv = process.env) {
  const i18n = createI18n();
  const language = z
    .string()
    .max(50)
    .optional()
    .catch(undefined)
    .parse(env.TDKT_LANG ?? env.LANG);
  const locale = toLocale(language) ?? DEFAULT_LOCALE;
  const translate: Translate = (wanted, key, args) => i18n.t(wanted, key, args);
  return { t: (key: string, args?: Record<string, string | number>) => i18n.t(locale, key, args), translate };
}
