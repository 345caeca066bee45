// Rules as data: the title catalogue, the agency's own rules, holidays.
export * from "./agency-rules.js";
export * from "./catalogue.js";
export * from "./holidays.js";
