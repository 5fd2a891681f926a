/**
 * reportToXlsx / writeReports on a hand-made report: a clean new workbook in document layout (font,
 * A4 landscape fitted to the width, margins, repeated rows, page footer, no gridlines, protection
 * without a password), text never turned into a formula, native charts, and the zip.
 */
import { promises as fs } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { reportToXlsx, writeReports, zipFileName } from "../../src/xlsx/reportFile";
import { cellsOf, handMadeReport, HOSTILE, loadFresh, MOTTO, packageParts, tempDir } from "./support";

describe("reportToXlsx", () => {
  let buf: Buffer;
  beforeAll(async () => {
    buf = await reportToXlsx(handMadeReport());
  });

  it("holds only the report's sheets: no meta sheet, no defined names, no tool name anywhere", async () => {
    const wb = await loadFresh(buf);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["Báo cáo"]);
    expect(wb.worksheets[0].state).toBe("visible");
    expect((wb.definedNames.model as unknown[]).length).toBe(0);
    const parts = await packageParts(buf);
    for (const [name, text] of parts) {
      expect({ name, hasMeta: text.includes("NTM_") }).toEqual({ name, hasMeta: false });
      expect({ name, hasTool: /NTM Planner/i.test(text) }).toEqual({ name, hasTool: false });
    }
    expect(parts.get("docProps/core.xml")).toContain("<dc:title>BÁO CÁO CÁC XÃ CHƯA ĐẠT TIÊU CHÍ");
  });

  it("writes every cell and every column in the document font; style spans change only size and weight", async () => {
    const ws = (await loadFresh(buf)).worksheets[0];
    for (const { row, col, cell } of cellsOf(ws)) {
      expect({ row, col, name: cell.font?.name }).toEqual({ row, col, name: "Times New Roman" });
    }
    expect(ws.getCell("A9").font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(ws.getCell("A6").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(ws.getCell("D4").font).toMatchObject({ name: "Times New Roman", size: 13, italic: true });
    for (let c = 1; c <= 6; c++)
      expect(ws.getColumn(c).font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(ws.getColumn(3).width).toBe(28);
  });

  it("prints on A4 landscape, one page wide, with the margins, the repeated header row and a page-number footer", async () => {
    const ws = (await loadFresh(buf)).worksheets[0];
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "8:8",
    });
    expect(ws.pageSetup.margins).toEqual({
      left: 0.79,
      right: 0.59,
      top: 0.79,
      bottom: 0.79,
      header: 0.3,
      footer: 0.3,
    });
    expect(ws.headerFooter.oddFooter).toBe("&CTrang &P/&N");
  });

  it("hides the gridlines and protects the sheet without a password, cells still selectable", async () => {
    const ws = (await loadFresh(buf)).worksheets[0];
    expect(ws.views[0].showGridLines).toBe(false);
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection.sheet).toBe(true);
    expect(protection.hashValue).toBeUndefined();
    expect(protection.algorithmName).toBeUndefined();
    expect(protection.selectLockedCells).not.toBe(false);
    expect(protection.selectUnlockedCells).not.toBe(false);
    const xml = (await packageParts(buf)).get("xl/worksheets/sheet1.xml")!;
    const tag = /<sheetProtection\b[^>]*\/>/.exec(xml)![0];
    expect(tag).toContain('sheet="1"');
    expect(tag).not.toMatch(/password|hashValue|selectLockedCells="1"|formatCells="0"/);
  });

  it("keeps frozen panes when the gridlines are hidden", async () => {
    const doc = handMadeReport();
    doc.sheets[0].freeze = { rows: 8, columns: 0 };
    const ws = (await loadFresh(await reportToXlsx(doc))).worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 8, showGridLines: false });
  });

  it("stores a locality named like a formula as text", async () => {
    const ws = (await loadFresh(buf)).worksheets[0];
    expect(ws.getCell("C9").value).toBe(HOSTILE);
    expect(ws.getCell("C9").type).toBe(3); // ExcelJS ValueType.String
    const xml = (await packageParts(buf)).get("xl/worksheets/sheet1.xml")!;
    expect(xml).not.toContain("<f>");
  });

  it("lays out the header block: issuer merged on the left, motto merged on the right", async () => {
    const ws = (await loadFresh(buf)).worksheets[0];
    expect(ws.getCell("A1").value).toBe("UBND TỈNH HÀ TĨNH");
    expect(ws.getCell("D1").value).toBe(MOTTO);
    expect(ws.getCell("C1").isMerged && ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getCell("F1").isMerged && ws.getCell("F1").master.address).toBe("D1");
  });

  it("adds the report's native chart to the package", async () => {
    const parts = await packageParts(buf);
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    expect(parts.get(charts[0])).toContain("<c:barChart>");
    expect(parts.get("xl/worksheets/sheet1.xml")).toMatch(/<drawing r:id="rId\d+"\/>/);
  });

  it("writes a report without charts as ExcelJS saved it", async () => {
    const parts = await packageParts(await reportToXlsx(handMadeReport({ charts: [] })));
    expect([...parts.keys()].some((p) => p.startsWith("xl/charts/"))).toBe(false);
  });

  it("refuses a file name with a folder, a bad sheet name, or a chart on a missing sheet", async () => {
    await expect(reportToXlsx(handMadeReport({ fileName: "../x.xlsx" }))).rejects.toThrow(/folder/);
    await expect(reportToXlsx(handMadeReport({ fileName: "x.pdf" }))).rejects.toThrow(/\.xlsx/);
    const badSheet = handMadeReport();
    badSheet.sheets[0].name = "a/b";
    await expect(reportToXlsx(badSheet)).rejects.toThrow(/sheet name/);
    const badChart = handMadeReport();
    badChart.charts[0].sheet = "Khác";
    await expect(reportToXlsx(badChart)).rejects.toThrow(/missing sheet/);
  });
});

describe("writeReports", () => {
  it("writes one file per report and, with zip, BaoCao_<year>.zip holding exactly those files", async () => {
    const dir = path.join(await tempDir(), "nested", "out");
    const a = handMadeReport();
    const b = handMadeReport({
      kind: "summary",
      fileName: "BaoCao_TongHop_2022.xlsx",
      department: undefined,
    });
    const written = await writeReports([a, b], dir, { zip: true, year: 2022 });
    expect(written).toEqual([
      path.join(dir, a.fileName),
      path.join(dir, b.fileName),
      path.join(dir, "BaoCao_2022.zip"),
    ]);
    expect((await fs.readdir(dir)).sort()).toEqual([a.fileName, "BaoCao_2022.zip", b.fileName].sort());
    const zip = await JSZip.loadAsync(await fs.readFile(written[2]));
    expect(Object.keys(zip.files).sort()).toEqual([a.fileName, b.fileName].sort());
    const inZip = await zip.file(a.fileName)!.async("nodebuffer");
    expect(inZip.equals(await fs.readFile(written[0]))).toBe(true);
  });

  it("writes no zip unless asked", async () => {
    const dir = await tempDir();
    expect(await writeReports([handMadeReport()], dir)).toEqual([
      path.join(dir, "BaoCao_So-Giao-thong-van-tai_2022.xlsx"),
    ]);
    expect(await fs.readdir(dir)).toEqual(["BaoCao_So-Giao-thong-van-tai_2022.xlsx"]);
  });

  it("refuses two reports with the same file name (ignoring case) before writing anything", async () => {
    const dir = await tempDir();
    const a = handMadeReport();
    const b = handMadeReport({ fileName: a.fileName.toUpperCase().replace(".XLSX", ".xlsx") });
    await expect(writeReports([a, b], dir)).rejects.toThrow(/share the file name/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("names the zip after the year the file names end with when no year is given", () => {
    expect(zipFileName([handMadeReport()])).toBe("BaoCao_2022.zip");
    expect(zipFileName([handMadeReport({ fileName: "x.xlsx" })])).toBe("BaoCao.zip");
    expect(zipFileName([handMadeReport()], 2026)).toBe("BaoCao_2026.zip");
  });
});
