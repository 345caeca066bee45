// Files from outside, parsed in a sandbox, and the office's own forms the bot writes; imports waiting for confirmation.
export * from "./chat-upload.js";
export * from "./docx-form.js";
export * from "./file-size.js";
export * from "./official-form.js";
export * from "./pending-imports.js";
export * from "./sandboxed-parse.js";
export * from "./text-document.js";
export * from "./zip-inspection.js";
export * from "./plan-source.js";
