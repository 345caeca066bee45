// The year's plan (kế hoạch): read from a file, saved, its tasks and the units' reports.
export * from "./file.js";
export * from "./plans.js";
export * from "./task-reports.js";
export * from "./tasks.js";
export * from "./preview-lines.js";
