import * as z from "zod";
import type { ZaloOaConfig } from "../../config.js";
import { safeJson } from "../http/body.js";
import type { OaTokens } from "./tokens.js";

/** Zalo's answers when the access token is no longer good: refreshed and tried once more. */
const TOKEN_ERRORS = new Set([-216, -220, -124]);

const oaAnswer = z.looseObject({ error: z.coerce.number(), message: z.string().optional(), data: z.unknown().optional() });

export class OaApiError extends Error {
  constructor(
    readonly errorCode: number | undefined,
    description: string,
    /** False when the request may never have reached Zalo, or its answer was lost. */
    readonly answered = true,
  ) {
    super(description);
  }
}

/** The Official Account API: JSON or multipart with the access token in a header; `error` 0 is success. */
export class OaClient {
  constructor(
    private readonly config: ZaloOaConfig,
    readonly tokens: OaTokens,
    private readonly timeoutMs = 30_000,
  ) {}

  /** POSTs JSON (or a form) to a path of the API; refreshes the token once when Zalo says it expired. */
  async call(path: string, body: Record<string, unknown> | FormData): Promise<unknown> {
    let token = await this.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(path, body, token);
      } catch (error) {
        if (attempt > 0 || !(error instanceof OaApiError) || !TOKEN_ERRORS.has(error.errorCode ?? 0)) throw error;
        token = await this.tokens.refused(token);
      }
    }
  }

  private async once(path: string, body: Record<string, unknown> | FormData, token: string): Promise<unknown> {
    let response: Response;
    let text: string;
    const form = body instanceof FormData;
    try {
      response = await fetch(`${this.config.apiRoot}${path}`, {
        method: "POST",
        headers: { access_token: token, ...(form ? {} : { "content-type": "application/json" }) },
        body: form ? body : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw new OaApiError(undefined, `${path}: ${error instanceof Error ? error.message : String(error)}`, false);
    }
    const parsed = oaAnswer.safeParse(safeJson(text));
    if (!parsed.success) throw new OaApiError(response.status, `${path}: HTTP ${response.status}, not an OA API answer`, response.status < 500);
    if (parsed.data.error !== 0) throw new OaApiError(parsed.data.error, `${path}: ${parsed.data.error} ${parsed.data.message ?? "refused"}`);
    return parsed.data.data;
  }

  /** Sends a consultation message (message/cs) to a follower. */
  sendMessage(userId: string, message: Record<string, unknown>): Promise<unknown> {
    return this.call("/v3.0/oa/message/cs", { recipient: { user_id: userId }, message });
  }

  /** Uploads a file for a file message; Zalo answers with the token that message names. */
  async uploadFile(fileName: string, bytes: Uint8Array): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(bytes)]), fileName);
    const data = z.looseObject({ token: z.string().min(1) }).safeParse(await this.call("/v2.0/oa/upload/file", form));
    if (!data.success) throw new OaApiError(undefined, "upload/file: no token in the answer");
    return data.data.token;
  }
}
