// Inspections (kiểm tra công tác TĐKT): plans read from files, teams, visits and their notices.
export * from "./file.js";
export * from "./inspections.js";
export * from "./visit-notices.js";
export * from "./team.js";
export * from "./visits.js";
