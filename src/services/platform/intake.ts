import { sql } from "drizzle-orm";
import { type Database, queryRows, retryOnLostConnection, timestamp } from "../../db/client.js";
import { type ChatUser, conversationKey, type Identity, identityFromRow, type IdentityRow, resolveIdentity } from "../accounts/chat-accounts.js";
import { type Claim, UPDATE_LEASE_MS } from "./updates.js";

/**
 * What an incoming update needs before it is handled — its claim (see Claim), who sent it and the
 * state of a conversation open in the chat, or, for a redelivery of one already handled, the
 * webhook answer it got then. An update seen the first time takes one round trip (this runs for
 * every update, on every instance); a redelivery a second one.
 */
export async function intake(db: Database, user: ChatUser, updateId: number): Promise<{ claim: Claim; identity: Identity | undefined; answer?: string }> {
  const lease = new Date(Date.now() + UPDATE_LEASE_MS);
  const stateKey = conversationKey(user.platform, user.chatId);
  // The first statement of every update: it absorbs the dead connections a server restart leaves.
  const [row] = await retryOnLostConnection(() =>
    queryRows<IdentityRow & { claimed: number; conversationState: unknown }>(
      db,
      sql`with claim as (
          insert into processed_updates (platform, update_id, lease_until) values (${user.platform}, ${updateId}, ${timestamp(lease)})
          on conflict (agency_id, platform, update_id) do update set lease_until = excluded.lease_until
            where processed_updates.lease_until < now()
          returning 1
        )
        select (select count(*) from claim)::int as "claimed",
               a.id::int as "accountId", a.language, a.blocked, a.conversation_active as "conversationActive", a.menu_roles as "menuRoles",
               p.id::int as "personId", p.staff_code as "staffCode", p.full_name as "fullName", p.position, array_to_json(p.roles) as roles, p.active,
               u.id::int as "unitId", u.code as "unitCode", u.name as "unitName",
               s.value as "conversationState"
        from (select 1) as one
        left join chat_accounts a on a.platform = ${user.platform} and a.external_id = ${user.externalId}
        left join people p on p.id = a.person_id
        left join units u on u.id = p.unit_id
        left join conversation_states s on a.conversation_active and s.key = ${stateKey}`,
    ),
  );
  if (!row?.claimed) return earlierClaim(db, user.platform, updateId);
  const claim: Claim = "claimed";
  // A first contact needs its account created, a returning blocked user unblocking: the slow path.
  if (row.accountId === null || row.blocked) return { claim, identity: await resolveIdentity(db, user) };
  const { identity } = identityFromRow(row);
  if (identity.conversationActive) identity.conversationState = { key: stateKey, value: row.conversationState };
  return { claim, identity };
}

/**
 * A redelivery: whether another instance still handles the update or has answered it. Read apart,
 * only then, so that the statement every update runs reads no row of this table, whose every
 * update adds one: its cached plan, made while the table was young, would scan them all (a
 * sequential scan grew by a millisecond per 17,000 updates before autoanalyze caught up).
 */
async function earlierClaim(db: Database, platform: string, updateId: number): Promise<{ claim: Claim; identity: undefined; answer?: string }> {
  const [earlier] = await queryRows<{ inProgress: boolean; answer: string | null }>(
    db,
    sql`select lease_until is not null as "inProgress", answer from processed_updates where platform = ${platform} and update_id = ${updateId}`,
  );
  if (earlier?.inProgress) return { claim: "busy", identity: undefined };
  return { claim: "done", identity: undefined, ...(earlier?.answer ? { answer: earlier.answer } : {}) };
}
