import { createDeflateRaw, crc32 } from "node:zlib";

/** One entry of a hand-built zip: its name, its deflated bytes, and the sizes the headers claim. */
type BombEntry = { name: string; deflated: Buffer; crc: number; inflatedSize: number; declaredSize?: number };

/**
 * Deflates `repeat` copies of `chunk` (wrapped in `head`/`tail`) without ever holding the whole
 * inflated text: what a 400 MB document.xml costs to make is one chunk and the compressed output.
 */
async function deflateRepeated(head: string, chunk: string, repeat: number, tail: string): Promise<{ deflated: Buffer; crc: number; inflatedSize: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const output: Buffer[] = [];
  deflate.on("data", (part: Buffer) => output.push(part));
  const finished = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  let inflatedSize = 0;
  const write = (text: string) => {
    const bytes = Buffer.from(text);
    crc = crc32(bytes, crc);
    inflatedSize += bytes.length;
    return deflate.write(bytes) ? Promise.resolve() : new Promise((resolve) => deflate.once("drain", resolve));
  };
  await write(head);
  const perBlock = Math.max(1, Math.floor((1 << 20) / Math.max(1, chunk.length)));
  const block = chunk.repeat(perBlock);
  for (let written = 0; written < repeat; written += perBlock) await write(written + perBlock <= repeat ? block : chunk.repeat(repeat - written));
  await write(tail);
  deflate.end();
  await finished;
  return { deflated: Buffer.concat(output), crc, inflatedSize };
}

async function small(name: string, text: string): Promise<BombEntry> {
  return { name, ...(await deflateRepeated(text, "", 0, "")) };
}

/** A zip of these entries, with each entry's declared size as given (a lie, if it differs). */
function zipOf(entries: BombEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const declared = entry.declaredSize ?? entry.inflatedSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.deflated.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.deflated.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + entry.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;

/**
 * A .docx whose word/document.xml inflates to `megabytes` MB of paragraphs. `lie` declares it
 * as 2 KB in both headers, as a bomb built to slip past a size check would.
 */
export async function docxBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const paragraph = "<w:p><w:r><w:t>Kế hoạch thi đua khen thưởng năm 2024</w:t></w:r></w:p>";
  const document = await deflateRepeated(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`,
    paragraph,
    Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(paragraph)),
    "</w:body></w:document>",
  );
  return zipOf([await small("[Content_Types].xml", CONTENT_TYPES), { name: "word/document.xml", ...document, ...(options.lie ? { declaredSize: 2048 } : {}) }]);
}

/** An .xlsx whose one shared string holds `megabytes` MB of text (the cell text of a roster bomb). */
export async function xlsxBomb(megabytes: number, options: { lie?: boolean } = {}): Promise<Buffer> {
  const strings = await deflateRepeated(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`,
    "Nguyễn Văn An Phòng Nghiệp vụ ",
    Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength("Nguyễn Văn An Phòng Nghiệp vụ ")),
    "</t></si></sst>",
  );
  return zipOf([
    await small("[Content_Types].xml", CONTENT_TYPES),
    await small(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="DS" sheetId="1"/></sheets></workbook>`,
    ),
    { name: "xl/sharedStrings.xml", ...strings, ...(options.lie ? { declaredSize: 4096 } : {}) },
  ]);
}

/** A zip with `count` tiny entries: cheap to send, costly to list. */
export async function zipWithEntries(count: number): Promise<Buffer> {
  const entry = await small("x.xml", "<x/>");
  return zipOf(Array.from({ length: count }, (_, index) => ({ ...entry, name: `part/${index}.xml` })));
}
