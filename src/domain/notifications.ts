/** Where a person with accounts on both platforms wants notifications. */
export const NOTIFY_VIA = ["telegram", "zalo", "both"] as const;
export type NotifyVia = (typeof NOTIFY_VIA)[number];

/** Who a broadcast goes to. */
export type BroadcastAudience =
  | { kind: "all" }
  | { kind: "units"; unitIds: number[] }
  | { kind: "roles"; roles: string[] }
  | { kind: "unregistered"; year: number };
