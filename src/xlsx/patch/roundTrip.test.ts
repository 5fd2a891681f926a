import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { CellValue } from "../../workbook/port";
import type { OutCell } from "../../workbook/sheetSpec";
import { MAX_CELL_TEXT } from "../applySheetSpec";
import { XlsxWorkbookPort } from "../xlsxPort";
import { stripIllegalXml } from "./xmlText";
import { XlsxPatchPort } from "./xlsxPatchPort";

async function emptyWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Nhập").getCell("A1").value = "x";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a reader should see for a written cell. */
function expected(v: OutCell | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : { error: "#NUM!" };
  if (typeof v === "string") {
    const s = stripIllegalXml(v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v);
    return s === "" ? null : s;
  }
  return v;
}

function expectedGrid(rows: OutCell[][]): CellValue[][] {
  const values = rows.map((r) => r.map(expected));
  let height = 0;
  let width = 0;
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null) {
        height = Math.max(height, r + 1);
        width = Math.max(width, c + 1);
      }
    }),
  );
  return Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => values[r]?.[c] ?? null),
  );
}

const cell: fc.Arbitrary<OutCell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("=1+1", "+84 912", "-5 xã", "@x", "_x0041_", "a\r\nb", " lề ", "Đạt", "&amp;", "<t>", ""),
);

describe("writing then reading with the patch port", () => {
  it("gives back every value as written (text as text), through both ports", async () => {
    const base = await emptyWorkbook();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), async (rows) => {
        const port = await XlsxPatchPort.fromBuffer(base);
        await port.write({
          sheets: [{ name: "KQ", rows }],
          inputHighlights: [],
          meta: { version: 1, ownedSheets: ["KQ"] },
        });
        const buf = await port.toBuffer();
        const want = expectedGrid(rows);
        const [mine] = await (await XlsxPatchPort.fromBuffer(buf)).readSheets(["KQ"]);
        expect(mine.values).toEqual(want);
        // ExcelJS does not decode _xHHHH_ in inline strings (Excel does): compare the rest.
        if (!rows.some((r) => r.some((v) => typeof v === "string" && /_x[0-9A-Fa-f]{4}_/.test(v)))) {
          const [theirs] = await (await XlsxWorkbookPort.fromBuffer(buf)).readSheets(["KQ"]);
          expect(theirs.values).toEqual(want);
        }
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});

/** The same workbook with every SpreadsheetML element written as <x:…> (Open XML SDK style). */
async function prefixed(buf: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  for (const part of [
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/sharedStrings.xml",
    "xl/worksheets/sheet1.xml",
  ]) {
    const xml = await zip.file(part)!.async("string");
    zip.file(
      part,
      xml
        .replace(/<(\/?)([A-Za-z]\w*)(?=[\s/>])/g, "<$1x:$2")
        .replace(
          'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        ),
    );
  }
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("a workbook whose parts use a namespace prefix", () => {
  it("is read, and highlighted in its own prefix", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Xã");
    ws.addRow(["Tên", "Tỉ lệ"]);
    ws.addRow(["Nậm Kè", 0.5]);
    ws.getCell("B2").numFmt = "0%";
    const port = await XlsxPatchPort.fromBuffer(await prefixed(Buffer.from(await wb.xlsx.writeBuffer())));
    const [grid] = await port.readSheets(["Xã"]);
    expect(grid.values).toEqual([
      ["Tên", "Tỉ lệ"],
      ["Nậm Kè", 0.5],
    ]);
    expect(grid.numberFormats![1][1]).toBe("0%");
    await port.write({
      sheets: [{ name: "KQ", rows: [["a"]], styles: [{ range: "A1:A1", bold: true }] }],
      inputHighlights: [
        { sheet: "Xã", rules: [{ kind: "textEquals", range: "A2:A2", text: "Nậm Kè", style: "met" }] },
      ],
      meta: { version: 1, ownedSheets: ["KQ"] },
    });
    const again = await XlsxPatchPort.fromBuffer(await port.toBuffer());
    expect(await again.sheetNames()).toEqual(["Xã", "KQ"]);
    expect(await again.readMeta()).toEqual({ version: 1, ownedSheets: ["KQ"] });
    const zip = await JSZip.loadAsync(await again.toBuffer());
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toMatch(/<x:conditionalFormatting sqref="A2:A2"><x:cfRule [^>]*><x:formula>AND\(ISTEXT/);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbook).toMatch(/<x:sheet name="KQ" sheetId="2" r:id="rId\d+"\/>/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toMatch(/<x:dxfs count="1"><x:dxf>/);
  });
});
