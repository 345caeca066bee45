import { createHmac } from "node:crypto";

/**
 * The reference of a ballot cast in the clear, in a session opened before ballots were sealed
 * (migration 0030): a keyed hash of the member under the session's own key, erased at its close.
 */
export function legacyBallotRef(key: string, sessionId: number, personId: number): string {
  return createHmac("sha256", key).update(`${sessionId}:${personId}`).digest("base64url");
}
