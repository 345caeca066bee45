import type { Clock } from "../domain/calendar.js";
import type { Actor } from "./audit.js";
import type { Translate } from "./outbox.js";

/**
 * What a use case needs besides the database: the time (an injected clock, never Date.now), who
 * acts (for the audit row), how to word a notice in its recipient's language, and the time zone
 * dates are shown in. A chat handler builds it once (commands/service-context.ts).
 */
export type ServiceContext = { clock: Clock; actor: Actor; translate: Translate; timeZone: string };

/** The part of it a change that only writes an audit row needs. */
export type AuditContext = Pick<ServiceContext, "clock" | "actor">;

/** The part of it a change that also notifies needs, when it shows no dates. */
export type NoticeContext = Pick<ServiceContext, "clock" | "actor" | "translate">;
