import type { ChatTestUser, ChatWorld } from "./chat-world.js";
import type { Shown } from "./fake-telegram.js";

/**
 * The next file the bot sends this user and its bytes: on Telegram the document itself, on Zalo
 * (which carries no files) fetched from the download link its message gives.
 */
export async function nextFile(world: ChatWorld, user: ChatTestUser, fileNamePattern: RegExp): Promise<{ shown: Shown; name: string; bytes: Buffer }> {
  for (;;) {
    const shown = await user.next();
    if (world.platform === "telegram") {
      if (shown.kind === "document" && shown.fileName && fileNamePattern.test(shown.fileName))
        return { shown, name: shown.fileName, bytes: shown.fileBytes ?? Buffer.alloc(0) };
      continue;
    }
    const link = /📎 Tải tệp (\S+) tại: (\S+)/.exec(shown.text);
    if (link && fileNamePattern.test(link[1] ?? "")) {
      // The link's page asks for a press (a POST) before it gives the file, once.
      const response = await fetch(link[2] ?? "", { method: "POST" });
      return { shown, name: link[1] ?? "", bytes: Buffer.from(await response.arrayBuffer()) };
    }
  }
}
