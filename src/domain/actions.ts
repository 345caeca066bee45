import * as z from "zod";
import type { Audience } from "./roles.js";

// Telegram refuses callback data over 64 bytes.
const MAX_DATA_BYTES = 64;

/** The fields button data may carry. */
export const fields = {
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  index: z.coerce.number().int().min(0).max(1000),
  /** A catalogue code, a locale, an option: letters, digits, "_" and "-". */
  code: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/),
};

export type Fields = readonly z.ZodType[];
export type Values<F extends Fields> = { [K in keyof F]: z.output<F[K]> };

/**
 * One kind of button: its name, who may press it, and the typed values its data carries. The
 * keyboard builds the data with `encode`, the handler is registered for `pattern` and reads
 * `decode`, the guard checks `audience`: one definition, used by all three.
 */
export type Action<F extends Fields = Fields> = {
  readonly name: string;
  readonly audience: Audience;
  readonly fields: F;
  /** Matches the data of this action's buttons, and only theirs (the name and as many fields). */
  readonly pattern: RegExp;
  encode(...values: Values<F>): string;
  /** The values, or undefined for data that is not this action's or does not parse (forged, stale). */
  decode(data: string): Values<F> | undefined;
};

export function action<const F extends Fields>(name: string, audience: Audience, fieldList: F): Action<F> {
  const tuple = z.tuple(fieldList as unknown as [z.ZodType, ...z.ZodType[]]);
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^${escaped}${":[^:]*".repeat(fieldList.length)}$`);
  return {
    name,
    audience,
    fields: fieldList,
    pattern,
    encode(...values) {
      const parts = (values as unknown[]).map(String);
      if (parts.some((part) => part.includes(":"))) throw new Error(`button data of ${name} cannot hold ":"`);
      const data = [name, ...parts].join(":");
      if (Buffer.byteLength(data) > MAX_DATA_BYTES) throw new Error(`button data over ${MAX_DATA_BYTES} bytes: ${data}`);
      return data;
    },
    decode(data) {
      if (!pattern.test(data)) return undefined;
      const values = data.slice(name.length + 1).split(":");
      if (fieldList.length === 0) return [] as unknown as Values<F>;
      const parsed = tuple.safeParse(values);
      return parsed.success ? (parsed.data as Values<F>) : undefined;
    },
  };
}
