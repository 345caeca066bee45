// Invites: codes issued and redeemed, the printable sheets, who is still unlinked.
export * from "./codes.js";
export * from "./issue.js";
export * from "./linking.js";
export * from "./sheet-files.js";
export * from "./sheets.js";
