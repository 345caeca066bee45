import type { Middleware } from "grammy";

/** Counts updates being handled, so shutdown can wait for them to finish. */
export class InflightUpdates {
  private count = 0;
  private waiters: (() => void)[] = [];

  middleware(): Middleware {
    return async (_ctx, next) => {
      this.count++;
      try {
        await next();
      } finally {
        this.count--;
        if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
      }
    };
  }

  /** Resolves once no update is being handled. */
  drain(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
