import type { RegistrationStatus } from "./titles.js";

/** Who holds a registration: the person it is for, or for a collective title the head of its unit. */
export function ownsRegistration(
  person: { id: number; unitId: number; roles: readonly string[] },
  registration: { personId: number | null; subject: string; unitId: number },
): boolean {
  if (registration.personId === person.id) return true;
  return registration.subject === "unit" && registration.unitId === person.unitId && person.roles.includes("head");
}

/** What can happen to a registration, and from which statuses. */
export const TRANSITIONS = {
  // A change or a fix after a return goes back to the approver.
  resubmit: ["submitted", "approved", "returned"],
  withdraw: ["submitted", "approved", "returned"],
  approve: ["submitted"],
  giveBack: ["submitted"],
} as const satisfies Record<string, readonly RegistrationStatus[]>;

export function mayTransition(from: RegistrationStatus, transition: keyof typeof TRANSITIONS): boolean {
  return (TRANSITIONS[transition] as readonly RegistrationStatus[]).includes(from);
}
