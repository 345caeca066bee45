// Chat accounts and the people behind them: identity, settings, the data a person may see and change.
export * from "./chat-accounts.js";
export * from "./privacy.js";
