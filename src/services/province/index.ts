// The province's view of the agencies one deployment serves: adding them, and their figures side by side.
export * from "./agencies.js";
export * from "./rollup.js";
export * from "./channel-secrets.js";
