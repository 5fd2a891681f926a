/**
 * Document sheets (SheetSpec.font set) through applySheetSpec: row heights estimated from wrapped
 * text (readers do not size rows themselves), and nothing of the kind on ordinary sheets.
 */
import ExcelJS from "exceljs";
import { applySheetSpec, maxDigitPixels, wrappedLines } from "../../src/xlsx/applySheetSpec";
import { HelperLists } from "../../src/workbook/formats/validationLists";
import type { SheetSpec } from "../../src/workbook/sheetSpec";
import { reportToXlsx } from "../../src/xlsx/reportFile";
import { handMadeReport, loadFresh, packageParts } from "./support";

const LONG =
  "Tỷ lệ đường xã được bảo trì hàng năm, đảm bảo sáng - xanh - sạch - đẹp và có các hạng mục cần thiết";

function write(spec: SheetSpec): ExcelJS.Worksheet {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.name);
  applySheetSpec(wb, ws, spec, new HelperLists());
  return ws;
}

describe("wrappedLines", () => {
  it("counts one line for text that fits and more as the room shrinks", () => {
    expect(wrappedLines("Xã Sơn Tây", 200, 12, false)).toBe(1);
    const wide = wrappedLines(LONG, 300, 12, false);
    const narrow = wrappedLines(LONG, 120, 12, false);
    expect(wide).toBe(2);
    expect(narrow).toBeGreaterThanOrEqual(4);
    expect(wrappedLines(LONG, 120, 12, true)).toBeGreaterThanOrEqual(narrow);
  });

  it("breaks a word wider than the cell and starts a line at each line break", () => {
    expect(wrappedLines("x".repeat(100), 100, 12, false)).toBeGreaterThanOrEqual(6);
    expect(wrappedLines("a\nb\nc", 100, 12, false)).toBe(3);
  });

  it("counts NFD text like NFC text", () => {
    expect(wrappedLines(LONG.normalize("NFD"), 120, 12, false)).toBe(wrappedLines(LONG, 120, 12, false));
  });
});

describe("maxDigitPixels", () => {
  it("is 7 px for Calibri 11 and 8 px for Times New Roman 12", () => {
    expect(maxDigitPixels({ name: "Calibri", size: 11 })).toBe(7);
    expect(maxDigitPixels({ name: "Times New Roman", size: 12 })).toBe(8);
  });
});

describe("row heights of a document sheet", () => {
  const spec: SheetSpec = {
    name: "Báo cáo",
    font: { name: "Times New Roman", size: 12 },
    columnWidths: [20, 20, 20, 20],
    rows: [[LONG], [LONG], [LONG], ["Ngắn"], [], ["TIÊU ĐỀ"]],
    styles: [
      { range: "A1:A1", wrap: true },
      { range: "A2:D2", merge: true, wrap: true },
      { range: "A6:D6", merge: true, fontSize: 14, bold: true },
    ],
  };

  it("gives a wrapped cell the lines it needs, a merged one the width of its columns, others one line", () => {
    const ws = write(spec);
    const line = 12 * 1.17;
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(4 * line);
    expect(ws.getRow(2).height).toBeLessThan(3 * line);
    expect(ws.getRow(2).height).toBeGreaterThan(ws.getRow(4).height);
    // Not wrapped: one line, whatever its length.
    expect(ws.getRow(3).height).toBe(ws.getRow(4).height);
    expect(ws.getRow(4).height).toBeGreaterThanOrEqual(line);
    expect(ws.getRow(4).height).toBeLessThan(2 * line);
    expect(ws.getRow(5).height).toBeUndefined();
    // A bigger font makes a taller line.
    expect(ws.getRow(6).height).toBeGreaterThan(ws.getRow(4).height);
  });

  it("leaves row heights alone on a sheet without a document font", () => {
    const ws = write({ ...spec, font: undefined });
    for (let r = 1; r <= 6; r++) expect(ws.getRow(r).height).toBeUndefined();
  });
});

describe("report workbooks", () => {
  it("make the document font the workbook's default font (font 0), so column widths mean the same everywhere", async () => {
    const buf = await reportToXlsx(handMadeReport());
    const styles = (await packageParts(buf)).get("xl/styles.xml")!;
    const font0 = /<fonts[^>]*>(<font>.*?<\/font>)/.exec(styles)![1];
    expect(font0).toContain('<name val="Times New Roman"/>');
    expect(font0).toContain('<sz val="13"/>');
    expect(font0).toContain('<family val="1"/>');
    expect(font0).not.toContain("scheme");
    const ws = (await loadFresh(buf)).worksheets[0];
    // The long hostile-name row is not wrapped in a 28-wide column; the title row is merged and wrapped.
    expect(ws.getRow(6).height).toBeGreaterThan(0);
  });
});

describe("the closing block of a document", () => {
  /** A document: 12 header rows, `n` table rows, an empty row, then 8 closing rows. */
  function documentWith(n: number): SheetSpec {
    const rows: (string | number | null)[][] = [];
    for (let i = 0; i < 12; i++) rows.push([`Dòng đầu ${i}`]);
    for (let i = 0; i < n; i++) rows.push([i + 1, `Xã ${i}`, "Một chỉ tiêu", 12.5]);
    rows.push([]);
    for (let i = 0; i < 8; i++) rows.push([`- Nơi nhận ${i};`, null, "CHỨC VỤ"]);
    return {
      name: "Báo cáo",
      rows,
      font: { name: "Times New Roman", size: 12 },
      columnWidths: [6, 30, 40, 12],
      page: {
        landscape: true,
        repeatRows: [13, 13],
        margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
    };
  }
  const breaksOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { rowBreaks: { id: number }[] }).rowBreaks;

  it("starts a new page before the recipients and signature when they would be split, and only then", () => {
    const moved: number[] = [];
    for (let n = 0; n <= 80; n++) {
      const ws = write(documentWith(n));
      const breaks = breaksOf(ws);
      expect(breaks.length).toBeLessThanOrEqual(1);
      if (breaks.length === 1) {
        // After the empty row that ends the table: the closing block starts the next page.
        expect(breaks[0].id).toBe(12 + n + 1);
        moved.push(n);
      }
    }
    // A short document never breaks. As the table grows, the block reaches each page's end in turn:
    // runs of table lengths that move it, each about as long as the block (8 rows) plus the slack.
    expect(moved).not.toContain(0);
    const runs: number[][] = [];
    for (const n of moved) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] === n - 1) run.push(n);
      else runs.push([n]);
    }
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) {
      expect(run.length).toBeGreaterThanOrEqual(8);
      expect(run.length).toBeLessThanOrEqual(12);
    }
  });

  it("leaves sheets without print setup alone", () => {
    const spec = documentWith(40);
    for (let n = 0; n <= 80; n += 5)
      expect(breaksOf(write({ ...documentWith(n), page: undefined }))).toEqual([]);
    expect(breaksOf(write({ ...spec, font: undefined }))).toEqual([]);
  });
});
