import { eq } from "drizzle-orm";
import * as z from "zod";
import { ConfigError, type ZaloOaConfig } from "../../config.js";
import type { Database } from "../../db/client.js";
import { oaTokens } from "../../db/schema/index.js";
import { safeJson } from "../http/body.js";

// Refreshed this long before it expires (a fifth of its life when that is shorter).
const REFRESH_AHEAD_MS = 5 * 60_000;
// A token this close to its expiry is not sent: it might expire on the way.
const STILL_GOOD_MS = 250;

const tokenAnswer = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

/** Zalo refused the refresh token: the OA's administrator must grant the app access again. */
export class OaAuthorizationError extends ConfigError {}

/**
 * The OA's access token. Zalo's refresh token is single-use, so a refresh happens under the
 * token row's lock (FOR UPDATE), across instances: the first to find the token stale refreshes and
 * writes the new pair before it commits; the others then read that pair. A refresh token is never
 * sent twice. Within a process, one refresh at a time.
 */
export class OaTokens {
  private cached: { accessToken: string; expiresAt: number; refreshAt: number } | undefined;
  private refreshing: Promise<string> | undefined;

  constructor(
    private readonly db: Database,
    private readonly config: ZaloOaConfig,
  ) {}

  /**
   * The current token. Past its refresh moment a refresh starts in the background while the token,
   * still good, keeps being used: sends never stall behind a refresh (a stall bunches them past the
   * rate afterwards). Only a token about to expire waits for the new one.
   */
  async accessToken(): Promise<string> {
    const cached = this.cached;
    const now = Date.now();
    if (cached && now < cached.refreshAt) return cached.accessToken;
    if (cached && now < cached.expiresAt - STILL_GOOD_MS) {
      void this.refresh(undefined).catch(() => undefined);
      return cached.accessToken;
    }
    return this.refresh(undefined);
  }

  /** Zalo refused this token: a fresh one, refreshed unless another caller did so already. */
  refused(token: string): Promise<string> {
    if (this.cached?.accessToken === token) this.cached = undefined;
    return this.refresh(token);
  }

  private refresh(stale: string | undefined): Promise<string> {
    this.refreshing ??= this.refreshUnderLock(stale).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refreshUnderLock(stale: string | undefined): Promise<string> {
    // The first refresh token comes from the settings; later ones only from this row.
    await this.db
      .insert(oaTokens)
      .values({ oaId: this.config.oaId, accessToken: "", refreshToken: this.config.refreshToken, expiresAt: new Date(0) })
      .onConflictDoNothing();
    return this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(oaTokens).where(eq(oaTokens.oaId, this.config.oaId)).for("update");
      if (!row) throw new Error("the OA's token row vanished");
      const now = Date.now();
      const refreshAt = refreshMoment(row.refreshedAt?.getTime() ?? now, row.expiresAt.getTime());
      if (row.accessToken && row.accessToken !== stale && now < refreshAt) {
        this.cached = { accessToken: row.accessToken, expiresAt: row.expiresAt.getTime(), refreshAt };
        return row.accessToken;
      }
      const fresh = await this.exchange(row.refreshToken);
      const refreshedAt = new Date();
      const expiresAt = new Date(refreshedAt.getTime() + fresh.expires_in * 1000);
      await tx
        .update(oaTokens)
        .set({ accessToken: fresh.access_token, refreshToken: fresh.refresh_token, expiresAt, refreshedAt, refreshes: row.refreshes + 1 })
        .where(eq(oaTokens.oaId, this.config.oaId));
      this.cached = { accessToken: fresh.access_token, expiresAt: expiresAt.getTime(), refreshAt: refreshMoment(refreshedAt.getTime(), expiresAt.getTime()) };
      return fresh.access_token;
    });
  }

  /** OAuth v4: the refresh token for a new pair; the old one is spent whatever the answer. */
  private async exchange(refreshToken: string): Promise<z.infer<typeof tokenAnswer>> {
    const response = await fetch(`${this.config.oauthRoot}/v4/oa/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", secret_key: this.config.appSecret },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: this.config.appId, grant_type: "refresh_token" }),
      signal: AbortSignal.timeout(15_000),
    });
    const body = safeJson(await response.text());
    const parsed = tokenAnswer.safeParse(body);
    if (parsed.success) return parsed.data;
    const refusal = z.looseObject({ error: z.coerce.number().optional(), message: z.string().optional(), error_name: z.string().optional() }).safeParse(body);
    const reason = refusal.success
      ? `${refusal.data.error ?? response.status} ${refusal.data.message ?? refusal.data.error_name ?? ""}`.trim()
      : `HTTP ${response.status}`;
    throw new OaAuthorizationError(
      `Configuration error: Zalo refused the OA's refresh token (${reason}); grant the app access to the OA again and set ZALO_OA_REFRESH_TOKEN`,
    );
  }
}

function refreshMoment(issuedAt: number, expiresAt: number): number {
  return expiresAt - Math.min(REFRESH_AHEAD_MS, (expiresAt - issuedAt) / 5);
}
