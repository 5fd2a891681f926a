import ExcelJS from "exceljs";
import { buildHaTinhSample } from "../../cli/sample/haTinhSample";
import type { SheetGrid } from "../../workbook/port";
import { recalculate } from "../../workbook/recalc";
import { buildTemplate } from "../../workbook/template";
import { XlsxWorkbookPort } from "../xlsxPort";
import { XlsxPatchPort } from "./xlsxPatchPort";

/** Reads every sheet (and the meta) of `buf` through both ports and expects the same answers. */
async function expectSameReads(buf: Buffer): Promise<SheetGrid[]> {
  const reference = await XlsxWorkbookPort.fromBuffer(buf);
  const patch = await XlsxPatchPort.fromBuffer(buf);
  const names = await reference.sheetNames();
  expect(await patch.sheetNames()).toEqual(names);
  const expected = await reference.readSheets(names);
  const actual = await patch.readSheets(names);
  expect(actual).toEqual(expected);
  expect(await patch.readMeta()).toEqual(await reference.readMeta());
  return actual;
}

/** Every kind of value and format a planner's file holds, as ExcelJS writes them. */
async function everythingWorkbook(date1904 = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet("Chỉ tiêu & 'số' liệu");
  ws.getCell("A1").value = "Xã";
  ws.getCell("B1").value = { richText: [{ text: "Tỉ lệ ", font: { bold: true } }, { text: "hộ nghèo" }] };
  ws.getCell("C1").value = { text: "Nguồn", hyperlink: "https://example.org/nguon" };
  ws.getCell("D1").value = "  khoảng trắng  ";
  ws.getCell("E1").value = "a < b & c > \"d\" 'e'";
  ws.getCell("F1").value = "hai\ndòng";
  ws.getCell("G1").value = "";
  ws.getCell("A2").value = "Nậm Kè";
  ws.getCell("B2").value = 0.85;
  ws.getCell("B2").numFmt = "0%";
  ws.getCell("C2").value = { formula: "B2*100", result: 85 };
  ws.getCell("D2").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("E2").value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("F2").value = 0.125;
  ws.getCell("F2").numFmt = "0.00%";
  ws.getCell("G2").value = 1234567.891;
  ws.getCell("G2").numFmt = '#,##0\\ "₫"';
  ws.getCell("A3").value = "Quảng Lâm";
  ws.getCell("B3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("C3").value = { sharedFormula: "C2", result: 31 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("D3").value = true;
  ws.getCell("E3").value = { formula: "E2+1", result: new Date(Date.UTC(2026, 0, 1)) };
  ws.getCell("E3").numFmt = "yyyy-mm-dd";
  ws.getCell("F3").value = { formula: '"Đạt"', result: "Đạt" };
  ws.getCell("G3").value = false;
  ws.getCell("A4").value = { formula: "1/0" } as ExcelJS.CellFormulaValue; // no cached result
  ws.getCell("B4").value = -0.000001;
  ws.getCell("C4").value = 1e21;
  ws.getCell("D4").value = new Date(Date.UTC(2024, 1, 29, 18, 30));
  ws.getCell("D4").numFmt = "dd/mm/yyyy hh:mm";
  ws.getCell("E4").value = 45000;
  ws.getCell("E4").numFmt = "mm-dd-yy"; // built-in id 14
  ws.getCell("F4").value = 3;
  ws.getCell("F4").numFmt = "@";
  ws.getCell("B5").value = "gộp";
  ws.mergeCells("B5:C6");
  ws.getCell("A7").value = {
    richText: [
      { text: "đậm", font: { bold: true } },
      { text: " và nghiêng", font: { italic: true } },
    ],
  };
  // Formatting beyond the values does not widen the grid.
  ws.getCell("H9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };

  const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
  hidden.getCell("C3").value = "chỉ một ô";
  wb.addWorksheet("Trống");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A planner's summary form: a title, a header over rows 5–7 with merged cells (A5:A7, B5:B7 down, C5:F5
 * across, each source in row 6 with its unit merged down over row 7), and beside it a hidden sheet and a
 * very hidden one, each with a merge of its own.
 */
async function mergedFormWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Biểu 01");
  ws.getCell("A1").value = "BIỂU TỔNG HỢP NGUỒN VỐN";
  ws.mergeCells("A1:F1");
  ws.getCell("A5").value = "TT";
  ws.getCell("B5").value = "Xã";
  ws.getCell("C5").value = "Nguồn vốn (triệu đồng)";
  ["NSTW", "NSĐP", "Tín dụng", "Khác"].forEach((v, i) => {
    ws.getCell(6, 3 + i).value = v;
    ws.mergeCells(6, 3 + i, 7, 3 + i);
  });
  ws.mergeCells("A5:A7");
  ws.mergeCells("B5:B7");
  ws.mergeCells("C5:F5");
  ws.getCell("A8").value = 1;
  ws.getCell("B8").value = "Thạch Hà";
  ws.getCell("C8").value = 1250.5;
  const hidden = wb.addWorksheet("Ẩn", { state: "hidden" });
  hidden.getCell("A1").value = "gộp";
  hidden.mergeCells("A1:B2");
  const veryHidden = wb.addWorksheet("Ẩn hẳn", { state: "veryHidden" });
  veryHidden.getCell("B2").value = 7;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("XlsxPatchPort reads exactly what XlsxWorkbookPort reads", () => {
  it("on a form with merged header cells and a hidden and a very hidden sheet, merges and visibility included", async () => {
    const grids = await expectSameReads(await mergedFormWorkbook());
    expect(grids.map((g) => [g.name, g.merges, g.hidden])).toEqual([
      ["Biểu 01", ["A1:F1", "A5:A7", "B5:B7", "C5:F5", "C6:C7", "D6:D7", "E6:E7", "F6:F7"], false],
      ["Ẩn", ["A1:B2"], true],
      ["Ẩn hẳn", [], true],
    ]);
    expect(grids[0].values[4]).toEqual(["TT", "Xã", "Nguồn vốn (triệu đồng)", null, null, null]);
    expect(grids[0].values[6]).toEqual([null, null, null, null, null, null]);
  });

  it("on a workbook with shared strings, rich text, hyperlinks, formulas, errors, dates, percentages and merges", async () => {
    const [grid] = await expectSameReads(await everythingWorkbook());
    // Spot checks, so a bug shared by both ports would still show.
    expect(grid.values[0].slice(0, 6)).toEqual([
      "Xã",
      "Tỉ lệ hộ nghèo",
      "Nguồn",
      "  khoảng trắng  ",
      "a < b & c > \"d\" 'e'",
      "hai\ndòng",
    ]);
    expect(grid.values[1].slice(1, 5)).toEqual([0.85, 85, { error: "#N/A" }, "2025-12-31"]);
    expect(grid.numberFormats![1][1]).toBe("0%");
    expect(grid.values[2].slice(1, 6)).toEqual([{ error: "#DIV/0!" }, 31, true, "2026-01-01", "Đạt"]);
    expect(grid.values[3][0]).toBeNull();
    expect(grid.values[3][3]).toBe("2024-02-29");
    expect(grid.values[4].slice(1, 3)).toEqual(["gộp", null]);
    expect(grid.values[6][0]).toBe("đậm và nghiêng");
  });

  it("in the 1904 date system", async () => {
    const grids = await expectSameReads(await everythingWorkbook(true));
    expect(grids[0].values[1][4]).toBe("2025-12-31");
  });

  it("on the demo template (Hà Tĩnh sample: 182 communes, budget lines, tables, validations), and recalculates it to the same plan", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    const specs = buildTemplate(buildHaTinhSample({ year: 2022, lang: "vi" }));
    await port.write({
      sheets: [],
      inputSheets: specs,
      inputHighlights: [],
      meta: { version: 1, ownedSheets: [] },
    });
    const input = await port.toBuffer();
    const grids = await expectSameReads(input);
    expect(grids.map((g) => g.name)).toEqual(specs.map((s) => s.name));
    expect(grids.reduce((n, g) => n + g.values.length, 0)).toBeGreaterThan(300);

    // The whole pipeline (read → evaluate → render) gives the same plan and issues through either port.
    const viaPatch = await recalculate(await XlsxPatchPort.fromBuffer(input), { dryRun: true });
    const viaExcelJs = await recalculate(await XlsxWorkbookPort.fromBuffer(input), { dryRun: true });
    expect(viaPatch.plan).toEqual(viaExcelJs.plan);
    expect(viaPatch.issues).toEqual(viaExcelJs.issues);
    expect(viaPatch.plan.inputHighlights!.length).toBeGreaterThan(0);
  }, 120_000);

  it("on an English template with owned result sheets and a meta sheet", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    const specs = buildTemplate(buildHaTinhSample({ year: 2023, lang: "en" })).slice(0, 4);
    await port.write({
      sheets: [
        {
          name: "Results",
          rows: [["a", 1, true, null, 0.5]],
          numberFormats: [{ range: "E1:E1", format: "0.0%" }],
        },
      ],
      inputSheets: specs,
      inputHighlights: [],
      meta: { version: 1, ownedSheets: ["Results"] },
    });
    await expectSameReads(await port.toBuffer());
  }, 120_000);
});
