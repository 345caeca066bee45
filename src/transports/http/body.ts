import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1024 * 1024;

/** Whether the header carries the secret, compared in constant time. */
export function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request body as text, or undefined beyond 1 MB (no platform sends that much). */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  return (await readBytes(req, MAX_BODY_BYTES))?.toString("utf8");
}

/** The request body, or undefined once it passes `limit` bytes. */
export async function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function reply(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType = "text/plain; charset=utf-8",
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": contentType, ...headers });
  res.end(body);
}

/** A file part of a multipart body. */
export type UploadedPart = { name: string; size: number; bytes: Buffer };

/**
 * The fields of a Bot API request body: JSON, multipart (files as UploadedPart) or form-encoded.
 * grammY's multipart writes `filename=<name>` unquoted, which the platform's FormData parser
 * refuses; this reads it as Telegram does.
 */
export function parseApiPayload(contentType: string, body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  if (contentType.startsWith("application/json")) return JSON.parse(body.toString("utf8")) as Record<string, unknown>;
  if (!contentType.startsWith("multipart/form-data")) return Object.fromEntries(new URLSearchParams(body.toString("utf8")));
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
  if (!boundary) return {};
  const payload: Record<string, unknown> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    // Skip the CRLF after the boundary and the one before the next.
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, headerEnd).toString("utf8");
    const content = part.subarray(headerEnd + 4);
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? "";
    const fileName = /filename="?([^"\r\n]*)"?/.exec(headers)?.[1];
    payload[name] =
      fileName === undefined ? content.toString("utf8") : ({ name: fileName, size: content.length, bytes: Buffer.from(content) } satisfies UploadedPart);
    start = next;
  }
  // grammY sends a file as attach://<id> in its field and the bytes under the id.
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === "string" && value.startsWith("attach://")) payload[key] = payload[value.slice("attach://".length)];
  }
  return payload;
}
