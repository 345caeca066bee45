import { describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/user-error.js";
import { inspectZip } from "../../src/services/documents/zip-inspection.js";
import { docxToHtml, xlsxRows } from "../../src/services/documents/sandboxed-parse.js";
import { makeDocx } from "../support/docx.js";
import { docxBomb, xlsxBomb, zipWithEntries } from "../support/zip-bombs.js";

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).key;
}

describe("zip inspection before anything is inflated", () => {
  it("lets a real .docx through and reads its text", async () => {
    const docx = await makeDocx(["Kế hoạch thi đua năm 2024"]);
    await expect(inspectZip(docx)).resolves.toBeUndefined();
    expect(await docxToHtml(docx, "plan-docx-invalid")).toContain("Kế hoạch thi đua năm 2024");
  });

  it("refuses a .docx that declares a 400 MB document.xml", async () => {
    const bomb = await docxBomb(400);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refusal(inspectZip(bomb))).toBe("file-unsafe");
  });

  it("refuses a .docx whose headers claim 2 KB but whose document.xml inflates to 100 MB", async () => {
    expect(await refusal(docxToHtml(await docxBomb(100, { lie: true }), "plan-docx-invalid"))).toBe("file-unsafe");
  });

  it("refuses an .xlsx holding 300 MB of cell text, honest or lying about it", async () => {
    expect(await refusal(xlsxRows(await xlsxBomb(300), "roster-xlsx-invalid"))).toBe("file-unsafe");
    expect(await refusal(xlsxRows(await xlsxBomb(60, { lie: true }), "roster-xlsx-invalid"))).toBe("file-unsafe");
  });

  it("refuses a zip of 5,000 entries and one with two entries of one name", async () => {
    expect(await refusal(inspectZip(await zipWithEntries(5000)))).toBe("file-unsafe");
    const twice = await zipWithEntries(2);
    const renamed = Buffer.from(twice.toString("latin1").replaceAll("part/1.xml", "part/0.xml"), "latin1");
    expect(await refusal(inspectZip(renamed))).toBe("file-unsafe");
  });

  it("refuses truncated and non-zip bytes as damaged, not as a crash", async () => {
    const docx = await makeDocx(["Kế hoạch"]);
    expect(await refusal(docxToHtml(docx.subarray(0, docx.length - 30), "plan-docx-invalid"))).toBe("plan-docx-invalid");
    expect(await refusal(docxToHtml(Buffer.from("not a zip at all"), "plan-docx-invalid"))).toBe("plan-docx-invalid");
  });
});
