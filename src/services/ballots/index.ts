// The council's secret ballot (bỏ phiếu kín): sessions, casting, paper votes, the tally, minutes and the decision.
export * from "./award-decisions.js";
export * from "./closing.js";
export * from "./higher-decisions.js";
export * from "./casting.js";
export * from "./dossiers.js";
export * from "./minutes.js";
export * from "./paper.js";
export * from "./proposal-dossier.js";
export * from "./seal.js";
export * from "./sessions.js";
export * from "./tally.js";
