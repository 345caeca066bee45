import { open } from "node:fs/promises";
import { UserError } from "../../domain/user-error.js";
import { fileTooLarge } from "./file-size.js";

/** The largest file the bot takes from a chat; Telegram's own download limit is 20 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * The bytes of a file a user sent, fetched from the platform's file URL — never more than
 * MAX_UPLOAD_BYTES, whatever the platform or a forged file_size claimed.
 */
export async function downloadUpload(url: string): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) }).catch(() => {
    throw new UserError("upload-download-failed");
  });
  if (!response.ok || !response.body) throw new UserError("upload-download-failed");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) throw fileTooLarge(size, MAX_UPLOAD_BYTES);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** A file a local Bot API server keeps on this machine's disk, read with the same limit. */
export async function readLocalUpload(filePath: string): Promise<Buffer> {
  const handle = await open(filePath, "r").catch(() => {
    throw new UserError("upload-download-failed");
  });
  try {
    const { size } = await handle.stat();
    if (size > MAX_UPLOAD_BYTES) throw fileTooLarge(size, MAX_UPLOAD_BYTES);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
