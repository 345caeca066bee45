// The database schema, one file per area; drizzle-kit and the queries read it from here.
export * from "./broadcasts.js";
export * from "./delivery.js";
export * from "./identity.js";
export * from "./inspections.js";
export * from "./outbox.js";
export * from "./plans.js";
export * from "./platform.js";
export * from "./registrations.js";
export * from "./ballots.js";
export * from "./initiatives.js";
export * from "./reviews.js";
export * from "./agencies.js";
export * from "./province.js";
