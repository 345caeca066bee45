import JSZip from "jszip";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A cell: its paragraphs, and how many columns it spans or rows it starts merging. */
export type DocxCell = string | { paragraphs: string[]; gridSpan?: number; vMerge?: "restart" | "continue" };

/** Writes a minimal but real .docx: paragraphs and tables, as Word stores them. */
export async function makeDocx(blocks: (string | DocxCell[][])[]): Promise<Buffer> {
  const paragraph = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
  const cell = (value: DocxCell) => {
    const spec = typeof value === "string" ? { paragraphs: value.split("\n") } : value;
    const properties = `${spec.gridSpan ? `<w:gridSpan w:val="${spec.gridSpan}"/>` : ""}${spec.vMerge ? `<w:vMerge w:val="${spec.vMerge}"/>` : ""}`;
    return `<w:tc><w:tcPr>${properties}</w:tcPr>${(spec.paragraphs.length ? spec.paragraphs : [""]).map(paragraph).join("")}</w:tc>`;
  };
  const body = blocks
    .map((block) => (typeof block === "string" ? paragraph(block) : `<w:tbl>${block.map((row) => `<w:tr>${row.map(cell).join("")}</w:tr>`).join("")}</w:tbl>`))
    .join("");
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "nodebuffer" });
}
