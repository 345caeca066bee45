/** Where a person with accounts on both platforms wants notifications. */
export const NOTIFY_VIA = ["telegram", "zalo", "both"] as const;
export type NotifyVia = (typeof NOTIFY_VIA)[number];

/** Who a broadcast goes to. */
export type BroadcastAudience =
  | { kind: "all" }
  | { kind: "units"; unitIds: number[] }
  | { kind: "roles"; roles: string[] }
  | { kind: "unregistered"; year: number };

/** Where one copy of a notification stands: see the outbox's state machine in DESIGN.md. */
export const OUTBOX_STATUSES = ["pending", "claimed", "sending", "sent", "failed", "unknown", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** What one copy of a notification shows, whatever the platform. */
export type OutboxPayload = {
  text: string;
  parseMode?: "HTML";
  buttons?: { text: string; data: string }[][];
  /** A document already on Telegram, re-sent by its file_id with the text as caption. */
  documentFileId?: string;
};

export const BROADCAST_STATUSES = ["draft", "sending", "cancelled", "done"] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];
