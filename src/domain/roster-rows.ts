import type { Role } from "./roles.js";
import type { MessageArgs } from "./user-error.js";

/** A roster row as it came out of the file: its line number and its cells. */
export type RawRow = { line: number; cells: string[] };

/** Codes are stored upper-cased, so "cb01" and "CB01" are one person. */
export type RosterRow = {
  line: number;
  unitCode: string;
  unitName: string;
  staffCode: string;
  fullName: string;
  position: string;
  roles: Role[];
  /** Whether the file had no code and the bot made one (from the name and birth date). */
  codeGenerated: boolean;
  unitCodeGenerated: boolean;
  /** Whether the roles came from a roles column (else from the position alone). */
  rolesGiven: boolean;
};

export type RejectedRow = { line: number; key: string; args: MessageArgs };
