// The units' review (bình xét) and its minutes.
export * from "./minutes.js";
export * from "./unit-reviews.js";
