import { randomInt, randomUUID } from "node:crypto";
import type { Update } from "grammy/types";

/** Who sent a file the platform handed over itself (the upload page, a Zalo OA attachment). */
export type FileSender = { chatId: string; externalId: string; displayName: string };
export type LocalFile = { fileName: string; path: string; size: number };

/**
 * Files on this machine's disk, handed to the handlers as the document message they would have
 * been on Telegram: getFile answers with the path (as a local Bot API server does) while the
 * update is handled.
 */
export class LocalFiles {
  private readonly paths = new Map<string, string>();

  path(fileId: string): string | undefined {
    return this.paths.get(fileId);
  }

  /** Handles the file as a document message through `handle`, then forgets it. */
  async asDocument(sender: FileSender, file: LocalFile, at: Date, handle: (update: Update) => Promise<unknown>): Promise<void> {
    const fileId = `upload-${randomUUID()}`;
    this.paths.set(fileId, file.path);
    const update = {
      // No platform event behind it: a random id of 48 bits, as the plain-text platforms' events have.
      update_id: randomInt(2 ** 48 - 1),
      message: {
        message_id: randomInt(2_000_000_000),
        date: Math.floor(at.getTime() / 1000),
        chat: { id: sender.chatId as unknown as number, type: "private" as const, first_name: sender.displayName },
        from: { id: sender.externalId as unknown as number, is_bot: false, first_name: sender.displayName },
        document: { file_id: fileId, file_unique_id: fileId, file_name: file.fileName, file_size: file.size },
      },
    } satisfies Update;
    try {
      await handle(update);
    } finally {
      this.paths.delete(fileId);
    }
  }
}
