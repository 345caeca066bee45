// The province's view of the agencies one deployment serves: adding them, their figures side by
// side, their clusters, and the mail between them (proposals up, decisions back, cross-inspections).
export * from "./agencies.js";
export * from "./rollup.js";
export * from "./channel-secrets.js";
export * from "./clusters.js";
export * from "./cluster-events.js";
export * from "./cross-inspections.js";
export * from "./inbox.js";
export { type RelatedAgency, relatedAgencies } from "./mail.js";
export * from "./proposals-up.js";
export { receivedProposals } from "./received-proposals.js";
export * from "./upward-reports.js";
export * from "./member-agencies.js";
