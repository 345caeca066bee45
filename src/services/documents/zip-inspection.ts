import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";
import { UserError } from "../../domain/user-error.js";

/**
 * What a .docx or .xlsx may hold, inflated. A real plan with photos inflates to ~11 MB and a
 * 50,000-person roster to ~20 MB; the measured zip bombs were 300–400 MB behind a 0.5 MB file.
 */
export const ZIP_LIMITS = { maxEntries: 2_000, maxInflatedBytes: 48 * 1024 * 1024 } as const;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
// The end record is 22 bytes followed by a comment of at most 65,535.
const END_SEARCH_BYTES = 22 + 0xffff;

type Entry = { name: string; method: number; compressedSize: number; declaredSize: number; localHeaderOffset: number };

/**
 * Refuses a zip that could cost more than ZIP_LIMITS to open, before any parser inflates it:
 * the entry count and the declared sizes from the central directory first, then every entry
 * inflated into a counter that stops one byte past what its header declared — a header that
 * lies about its size is refused as soon as it is caught, with nothing kept in memory. What
 * passes inflates, in any reader, to exactly the declared (bounded) sizes.
 */
export async function inspectZip(bytes: Buffer): Promise<void> {
  const entries = centralDirectory(bytes);
  const declaredTotal = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
  if (declaredTotal > ZIP_LIMITS.maxInflatedBytes) throw unsafe(`declares ${declaredTotal} bytes inflated`);
  const names = new Set<string>();
  for (const entry of entries) {
    // Two entries of one name let a reader pick the one that was not checked.
    if (names.has(entry.name)) throw unsafe(`duplicate entry ${entry.name}`);
    names.add(entry.name);
    await checkEntry(bytes, entry);
  }
}

/** The error every refusal over a limit becomes: one message for the user, the reason for the log. */
export function unsafe(reason: string): UserError {
  return new UserError("file-unsafe", { reason });
}

/** Not a zip a reader could open at all (truncated, not a zip, broken records): the file is damaged. */
export class DamagedZip extends Error {}

function centralDirectory(bytes: Buffer): Entry[] {
  const end = findEndRecord(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  // ZIP64 markers: no office document of ours needs them, and they would hide the real figures.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new DamagedZip("zip64");
  if (count > ZIP_LIMITS.maxEntries) throw unsafe(`${count} entries`);
  if (offset + size > end) throw new DamagedZip("central directory out of bounds");
  const entries: Entry[] = [];
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) throw new DamagedZip("broken central directory");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      declaredSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndRecord(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - END_SEARCH_BYTES); at--) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new DamagedZip("no end of central directory");
}

async function checkEntry(bytes: Buffer, entry: Entry): Promise<void> {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_FILE_HEADER) throw new DamagedZip(`no local header for ${entry.name}`);
  const dataStart = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.length) throw new DamagedZip(`${entry.name} runs past the end of the file`);
  if (entry.method === STORED) {
    if (entry.compressedSize !== entry.declaredSize) throw unsafe(`${entry.name} stored with two sizes`);
    return;
  }
  if (entry.method !== DEFLATED) throw unsafe(`${entry.name} uses compression method ${entry.method}`);
  const inflated = await inflatedSize(bytes.subarray(dataStart, dataEnd), entry.declaredSize);
  if (inflated !== entry.declaredSize) throw unsafe(`${entry.name} inflates to ${inflated > entry.declaredSize ? "more" : "less"} than declared`);
}

/** Inflates into a counter, never past one byte more than `limit`; the output is not kept. */
function inflatedSize(compressed: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const inflate = createInflateRaw();
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(new DamagedZip("corrupt deflate data")));
    Readable.from([compressed]).pipe(inflate);
  });
}
