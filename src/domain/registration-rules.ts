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

/** Someone who may decide registrations, as the roster knows them. */
export type Decider = { id: number; unitId: number; roles: readonly string[] };

/**
 * Who decides a registration (DOMAIN.md): an employee's goes to the heads of their unit; a
 * head's own, a unit's collective title, and any registration of a unit without a head go to the
 * agency's leadership. Nobody decides his own: neither the person registered nor whoever
 * registered it (the head, for a collective title) is ever among its approvers.
 */
export function approversOf(
  registration: { personId: number | null; subject: string; unitId: number; registeredByPersonId: number },
  registrantRoles: readonly string[],
  people: readonly Decider[],
): number[] {
  const own = (person: Decider) => person.id === registration.personId || person.id === registration.registeredByPersonId;
  const heads = people.filter((person) => person.roles.includes("head") && person.unitId === registration.unitId && !own(person));
  const leaders = people.filter((person) => person.roles.includes("leader") && !own(person));
  const byHead = registration.subject === "person" && !registrantRoles.includes("head") && heads.length > 0;
  return (byHead ? heads : leaders).map((person) => person.id);
}
