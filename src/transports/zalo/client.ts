import * as z from "zod";
import { ConfigError } from "../../config.js";
import { safeJson } from "../http/body.js";

const POLL_TIMEOUT_SECONDS = 30;

const apiAnswerSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});

export class ZaloApiError extends Error {
  constructor(
    readonly errorCode: number | undefined,
    description: string,
    /** False when the request may never have reached Zalo, or its answer was lost. */
    readonly answered = true,
  ) {
    super(description);
  }
}

/** The Zalo Bot Platform's HTTP API: POST <root>/bot<token>/<method> with a JSON body. */
export class ZaloClient {
  constructor(
    private readonly token: string,
    private readonly apiRoot: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async call(method: string, body: Record<string, unknown>, signal?: AbortSignal, timeoutMs = this.timeoutMs): Promise<unknown> {
    let response: Response;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(timeoutMs);
      response = await fetch(`${this.apiRoot}/bot${this.token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      throw new ZaloApiError(undefined, `${method}: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    const parsed = apiAnswerSchema.safeParse(safeJson(text));
    if (!parsed.success) throw new ZaloApiError(response.status, `${method}: HTTP ${response.status}, not a Bot API answer`, response.status < 500);
    if (!parsed.data.ok) throw new ZaloApiError(parsed.data.error_code ?? response.status, `${method}: ${parsed.data.description ?? "refused"}`);
    return parsed.data.result;
  }

  /**
   * Asks Zalo who the bot is, so that a wrong token stops start-up with one line instead of a
   * bot that polls in silence. Only a refusal of the token counts; an unreachable Zalo does not.
   */
  async checkToken(): Promise<void> {
    try {
      await this.call("getMe", {}, undefined, 10_000);
    } catch (error) {
      if (error instanceof ZaloApiError && error.answered && (error.errorCode === 401 || error.errorCode === 403 || error.errorCode === 404)) {
        throw new ConfigError(`Configuration error: ZALO_BOT_TOKEN was refused by Zalo (${error.message})`);
      }
    }
  }

  /** One event, or undefined when none came within the timeout (Zalo answers 408 then). */
  async getUpdate(signal: AbortSignal): Promise<unknown> {
    try {
      return await this.call("getUpdates", { timeout: String(POLL_TIMEOUT_SECONDS) }, signal, (POLL_TIMEOUT_SECONDS + 15) * 1000);
    } catch (error) {
      if (error instanceof ZaloApiError && error.errorCode === 408) return undefined;
      throw error;
    }
  }
}
