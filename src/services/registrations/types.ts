import type { registrationEvents, registrations } from "../../db/schema/index.js";
import type { PersonProfile } from "../accounts/chat-accounts.js";

export type Registration = typeof registrations.$inferSelect;
export type RegistrationEvent = typeof registrationEvents.$inferSelect;

export type Registrant = Pick<PersonProfile, "id" | "unitId" | "unitName" | "roles" | "fullName">;
