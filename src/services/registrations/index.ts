// Registrations (đăng ký thi đua): submitted and changed, decided and withdrawn, reported, reminded.
export * from "./approvers.js";
export * from "./decisions.js";
export * from "./history.js";
export * from "./reminders.js";
export * from "./reports.js";
export * from "./submit.js";
export * from "./types.js";
export * from "./export.js";
