import ExcelJS from "exceljs";
import { XlsxWorkbookPort } from "./xlsxPort";
import { normaliseValue } from "./readGrid";

/** A sheet with every kind of value a planner's file holds, saved and loaded as a real .xlsx. */
async function inputFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Chỉ tiêu");
  ws.getCell("A1").value = "Xã";
  ws.getCell("B1").value = { richText: [{ text: "Tỉ lệ ", font: { bold: true } }, { text: "hộ nghèo" }] };
  ws.getCell("C1").value = { text: "Nguồn", hyperlink: "https://example.org/nguon" };
  ws.getCell("A2").value = "Nậm Kè";
  ws.getCell("B2").value = 0.85;
  ws.getCell("B2").numFmt = "0%";
  ws.getCell("C2").value = { formula: "B2*100", result: 85 };
  ws.getCell("D2").value = { formula: "NA()", result: { error: "#N/A" } };
  ws.getCell("E2").value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell("E2").numFmt = "dd/mm/yyyy";
  ws.getCell("A3").value = "Quảng Lâm";
  ws.getCell("B3").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
  ws.getCell("C3").value = { sharedFormula: "C2", result: 31 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("D3").value = true;
  ws.getCell("E3").value = { formula: "E2+1", result: new Date(Date.UTC(2026, 0, 1)) };
  ws.getCell("E3").numFmt = "yyyy-mm-dd";
  ws.getCell("F3").value = { formula: '"Đạt"', result: "Đạt" };
  ws.getCell("A4").value = { formula: "1/0" } as ExcelJS.CellFormulaValue; // no cached result
  ws.getCell("B5").value = "gộp";
  ws.mergeCells("B5:C6");
  // Formatting beyond the values does not widen the grid.
  ws.getCell("H9").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readSheets normalisation", () => {
  let grid: Awaited<ReturnType<XlsxWorkbookPort["readSheets"]>>[number];

  beforeAll(async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await inputFile());
    [grid] = await port.readSheets(["Chỉ tiêu"]);
  });

  it("pads the grid to a rectangle from A1 to the last cell holding a value", () => {
    expect(grid.values).toHaveLength(5);
    expect(grid.values.every((row) => row.length === 6)).toBe(true);
    expect(grid.numberFormats).toHaveLength(5);
    expect(grid.numberFormats!.every((row) => row.length === 6)).toBe(true);
  });

  it("turns rich text and hyperlinks into plain text", () => {
    expect(grid.values[0].slice(0, 3)).toEqual(["Xã", "Tỉ lệ hộ nghèo", "Nguồn"]);
  });

  it("reads formulas (master and shared) as their cached results, and null without one", () => {
    expect(grid.values[1][2]).toBe(85);
    expect(grid.values[2][2]).toBe(31);
    expect(grid.values[2][5]).toBe("Đạt");
    expect(grid.values[3][0]).toBeNull();
  });

  it("reads errors, typed or computed, as { error }", () => {
    expect(grid.values[1][3]).toEqual({ error: "#N/A" });
    expect(grid.values[2][1]).toEqual({ error: "#DIV/0!" });
  });

  it("reads dates, typed or computed, as yyyy-mm-dd", () => {
    expect(grid.values[1][4]).toBe("2025-12-31");
    expect(grid.values[2][4]).toBe("2026-01-01");
  });

  it("keeps numbers with their format so a reader can see 85% was typed as a percentage", () => {
    expect(grid.values[1][1]).toBe(0.85);
    expect(grid.numberFormats![1][1]).toBe("0%");
    expect(grid.numberFormats![1][0]).toBeNull();
  });

  it("reads booleans as booleans and the covered cells of a merge as null", () => {
    expect(grid.values[2][3]).toBe(true);
    expect(grid.values[4].slice(1, 3)).toEqual(["gộp", null]);
  });
});

describe("normaliseValue", () => {
  it("handles loose values ExcelJS can hand over", () => {
    expect(normaliseValue(undefined)).toBeNull();
    expect(normaliseValue({ formula: "A1", result: { error: "#REF!" } })).toEqual({ error: "#REF!" });
    expect(normaliseValue({ text: { richText: [{ text: "a" }, { text: "b" }] }, hyperlink: "x" })).toBe("ab");
  });
});
