// The roster: the office's list read and applied, departures, people by role.
export * from "./bodies.js";
export * from "./changes.js";
export * from "./departures.js";
export * from "./discipline.js";
export * from "./file.js";
export * from "./import.js";
export * from "./people-by-role.js";
