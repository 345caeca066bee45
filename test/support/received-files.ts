import type { ChatTestUser, ChatWorld } from "./chat-world.js";
import type { Shown } from "./fake-telegram.js";

/**
 * The next file the bot sends this user and its bytes: on Telegram the document itself, on Zalo
 * (which carries no files) what the fake fetched from the message's download link, as the person
 * would (the link gives its file once).
 */
export async function nextFile(world: ChatWorld, user: ChatTestUser, fileNamePattern: RegExp): Promise<{ shown: Shown; name: string; bytes: Buffer }> {
  for (;;) {
    const shown = await user.next();
    // Telegram, and the OA for the kinds it carries, send the file itself; the others a link to it.
    if (world.platform === "telegram" || (shown.kind === "document" && shown.fileName)) {
      if (shown.kind === "document" && shown.fileName && fileNamePattern.test(shown.fileName))
        return { shown, name: shown.fileName, bytes: shown.fileBytes ?? Buffer.alloc(0) };
      continue;
    }
    const link = /📎 Tải tệp (\S+) tại: (\S+)/.exec(shown.text);
    if (link && shown.kind === "document" && fileNamePattern.test(link[1] ?? ""))
      return { shown, name: link[1] ?? "", bytes: shown.fileBytes ?? Buffer.alloc(0) };
  }
}
