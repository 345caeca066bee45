// What the chat platforms need from the database: claimed updates, signed links, uploads, bot names, group chats.
export * from "./bot-names.js";
export * from "./downloads.js";
export * from "./group-chats.js";
export * from "./intake.js";
export * from "./signed-links.js";
export * from "./updates.js";
export * from "./upload-intents.js";
export * from "./web-uploads.js";
