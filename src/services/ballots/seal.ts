import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Seals a member's marks while voting is open, under a key only the running instances hold
 * (BALLOT_SECRET): the database keeps who voted beside a sealed ballot, and whoever reads the
 * database, its WAL or a backup without that secret learns that a member voted, never how. The
 * marks are a bitmap of one bit per candidate, so every sealed ballot of a session has the same
 * length whatever it says.
 */
export type BallotSeal = {
  /** The member's ballot reference in a session: the same every time, and nothing without the secret. */
  reference(sessionId: number, personId: number): string;
  seal(sessionId: number, candidates: number, disagree: number[]): string;
  /** The positions a sealed ballot disagrees with; throws on a ballot sealed under another secret. */
  open(sessionId: number, sealed: string): number[];
};

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function ballotSeal(secret: string): BallotSeal {
  const keyOf = (sessionId: number, purpose: "seal" | "reference") => Buffer.from(hkdfSync("sha256", secret, `tdkt-ballot-${sessionId}`, purpose, 32));
  return {
    reference: (sessionId, personId) => createHmac("sha256", keyOf(sessionId, "reference")).update(String(personId)).digest("base64url"),
    seal(sessionId, candidates, disagree) {
      const bitmap = Buffer.alloc(Math.max(1, Math.ceil(candidates / 8)));
      for (const position of disagree) {
        if (position >= 1 && position <= candidates)
          bitmap.writeUInt8(bitmap.readUInt8((position - 1) >> 3) | (1 << ((position - 1) & 7)), (position - 1) >> 3);
      }
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", keyOf(sessionId, "seal"), iv);
      const body = Buffer.concat([cipher.update(bitmap), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
    },
    open(sessionId, sealed) {
      const bytes = Buffer.from(sealed, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", keyOf(sessionId, "seal"), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      const bitmap = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
      const positions: number[] = [];
      for (let bit = 0; bit < bitmap.length * 8; bit++) if ((bitmap[bit >> 3] ?? 0) & (1 << (bit & 7))) positions.push(bit + 1);
      return positions;
    },
  };
}
