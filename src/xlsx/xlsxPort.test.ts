import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { META_SHEET, type WritePlan } from "../workbook/port";
import { DATA_BAR_COLOUR } from "../workbook/formats/palette";
import type { SheetSpec } from "../workbook/sheetSpec";
import { XlsxWorkbookPort } from "./xlsxPort";
import { TOOL_RULE_MARKER } from "../workbook/formats/toolRules";
import { internals, type CfModel } from "./internals";
import { loadFresh, sheetXml, tempDir, workbookSheets } from "./testSupport";

const RESULT = "Kết quả";
const MARKS = "NTM marks";
const INPUT = "Xã";

/** 40 commune names: their joined text is longer than 255 characters, so the list needs a helper range. */
const LONG_LIST = Array.from({ length: 40 }, (_, i) => `Xã số ${i + 1} huyện Mường Nhé`);

function resultSheet(): SheetSpec {
  return {
    name: RESULT,
    rows: [
      ["Xã", "Tỉ lệ", "Đạt?", "Ghi chú"],
      ["Xã A", 0.85, "Đạt", "=1+1"],
      ["Xã B", 0.4, "Chưa đạt", "+84 912 345 678"],
      ["Xã C", null, true, "-5 xã"],
      ["Xã D", 12, false, "@x"],
      [],
      ["Ghi chú: số liệu năm 2025", null, null, null],
    ],
    columnWidths: [20, 10, 12, 30],
    freeze: { rows: 1, columns: 1 },
    styles: [
      { range: "A1:D1", bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true },
      { range: "A7:D7", italic: true, fontColor: "595959", merge: true },
    ],
    numberFormats: [{ range: "B2:B5", format: "0.0%" }],
    conditionalFormats: [
      { kind: "textEquals", range: "C2:C5", text: "Đạt", style: "met" },
      { kind: "formula", range: "A2:D5", formula: "=$B2<0.5", style: "notMet" },
      { kind: "dataBar", range: "B2:B5", color: DATA_BAR_COLOUR },
    ],
    validations: [
      { range: "C2:C5", list: ["Đạt", "Chưa đạt"], errorTitle: "Sai giá trị", error: "Chọn trong danh sách" },
      { range: "A2:A5", list: LONG_LIST },
    ],
    table: { name: "Bảng kết quả", range: "A1:D5" },
    tabColor: "70AD47",
  };
}

function plan(): WritePlan {
  return {
    sheets: [resultSheet(), { name: MARKS, rows: [["notMet", "met"]], hidden: true }],
    inputHighlights: [
      {
        sheet: INPUT,
        rules: [
          { kind: "formula", range: "B2:B4", formula: `'${MARKS}'!A1="notMet"`, style: "notMet" },
          { kind: "textEquals", range: "C2:C4", text: "Đạt", style: "met" },
        ],
      },
    ],
    meta: { version: 1, ownedSheets: [RESULT, MARKS] },
  };
}

/** A planner's input workbook as ExcelJS would build it: one input sheet with a rule of its own. */
async function userWorkbook(extra?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(INPUT);
  ws.addRow(["Tên xã", "Tỉ lệ hộ nghèo", "Kết quả"]);
  ws.addRow(["Xã Nậm Kè", 0.12, "Đạt"]);
  ws.addRow(["Xã Quảng Lâm", 0.31, "Chưa đạt"]);
  ws.addRow(["Xã Chà Cang", { formula: "B2+B3", result: 0.43 }, "Đạt"]);
  ws.getCell("B2").numFmt = "0%";
  ws.getCell("A1").font = { bold: true };
  ws.addConditionalFormatting({
    ref: "A2:A4",
    rules: [
      {
        type: "expression",
        priority: 1,
        formulae: ["LEN(A2)>10"],
        style: { font: { italic: true } },
      },
    ],
  });
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function writtenOnce(): Promise<Buffer> {
  const port = await XlsxWorkbookPort.fromBuffer(await userWorkbook());
  await port.write(plan());
  return port.toBuffer();
}

function sheetData(xml: string): string {
  return /<sheetData>[\s\S]*<\/sheetData>/.exec(xml)![0];
}

describe("XlsxWorkbookPort round trip", () => {
  let saved: Buffer;
  let wb: ExcelJS.Workbook;
  let result: ExcelJS.Worksheet;

  beforeAll(async () => {
    const dir = await tempDir();
    const file = path.join(dir, "out.xlsx");
    const port = await XlsxWorkbookPort.fromBuffer(await userWorkbook());
    await port.write(plan());
    await port.saveAs(file);
    saved = await fs.readFile(file);
    await fs.rm(dir, { recursive: true, force: true });
    wb = await loadFresh(saved);
    result = wb.getWorksheet(RESULT)!;
  });

  it("puts new sheets after the user's, the meta sheet last and veryHidden, the marks sheet hidden", async () => {
    expect(await workbookSheets(saved)).toEqual([
      { name: INPUT, state: "visible" },
      { name: RESULT, state: "visible" },
      { name: MARKS, state: "hidden" },
      { name: META_SHEET, state: "veryHidden" },
    ]);
    const port = await XlsxWorkbookPort.fromBuffer(saved);
    expect(await port.sheetNames()).toEqual([INPUT, RESULT, MARKS]);
  });

  it("reads back every value: Vietnamese text, numbers, booleans, empty cells and formula-like text", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(saved);
    const [grid] = await port.readSheets([RESULT]);
    expect(grid.name).toBe(RESULT);
    expect(grid.values.slice(0, 5)).toEqual([
      ["Xã", "Tỉ lệ", "Đạt?", "Ghi chú"],
      ["Xã A", 0.85, "Đạt", "=1+1"],
      ["Xã B", 0.4, "Chưa đạt", "+84 912 345 678"],
      ["Xã C", null, true, "-5 xã"],
      ["Xã D", 12, false, "@x"],
    ]);
    expect(grid.values[6]).toEqual(["Ghi chú: số liệu năm 2025", null, null, null]);
    expect(grid.numberFormats![1][1]).toBe("0.0%");
    expect(grid.numberFormats![1][0]).toBeNull();
  });

  it("writes text that looks like a formula as a shared string, with no <f> element anywhere on the sheet", async () => {
    const xml = await sheetXml(saved, RESULT);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toMatch(/<c r="D2"[^>]*t="s"/);
    expect(xml).toMatch(/<c r="D5"[^>]*t="s"/);
    const zip = await JSZip.loadAsync(saved);
    const shared = await zip.file("xl/sharedStrings.xml")!.async("string");
    for (const s of ["=1+1", "+84 912 345 678", "-5 xã", "@x"]) expect(shared).toContain(`<t>${s}</t>`);
  });

  it("keeps number formats, freeze panes, column widths, styles, merges and the tab colour", () => {
    expect(result.getCell("B2").numFmt).toBe("0.0%");
    expect(result.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
    expect([1, 2, 3, 4].map((c) => result.getColumn(c).width)).toEqual([20, 10, 12, 30]);
    expect(result.getCell("B1").font).toMatchObject({ bold: true });
    expect(result.getCell("B1").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(result.getCell("B1").border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(result.getCell("B1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(result.getCell("C7").isMerged).toBe(true);
    expect(result.getCell("A7").font).toMatchObject({ italic: true, color: { argb: "FF595959" } });
    expect(result.properties.tabColor).toEqual({ argb: "FF70AD47" });
  });

  it("writes an inline list when it fits in 255 characters and a range on the meta sheet when it does not", () => {
    const dv = internals(result).dataValidations.model;
    expect(Object.keys(dv).sort()).toEqual(["A2:A5", "C2:C5"]);
    expect(dv["C2:C5"]).toMatchObject({
      type: "list",
      formulae: ['"Đạt,Chưa đạt"'],
      showErrorMessage: true,
      errorTitle: "Sai giá trị",
      error: "Chọn trong danh sách",
    });
    expect(dv["A2:A5"]).toMatchObject({
      type: "list",
      formulae: [`'${META_SHEET}'!$C$1:$C$${LONG_LIST.length}`],
    });
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.getCell("C1").value).toBe(LONG_LIST[0]);
    expect(meta.getCell(`C${LONG_LIST.length}`).value).toBe(LONG_LIST[LONG_LIST.length - 1]);
  });

  it("adds an Excel table with a valid ASCII name over the header and data rows", async () => {
    const tables = result.getTables() as unknown as { name: string; model: { tableRef: string } }[];
    expect(tables.map((t) => t.name)).toEqual(["Bang_ket_qua"]);
    const zip = await JSZip.loadAsync(saved);
    const tableXml = await zip.file(/xl\/tables\/table\d+\.xml/)[0].async("string");
    expect(tableXml).toMatch(/ref="A1:D5"/);
    expect(tableXml).toMatch(/name="Bang_ket_qua"/);
    expect(tableXml).toContain('name="Đạt?"');
  });

  it("keeps the conditional formats of the result sheet: type, range, formula and palette colours", () => {
    const cfs = internals(result).conditionalFormattings;
    expect(cfs.map((cf) => cf.ref)).toEqual(["C2:C5", "A2:D5", "B2:B5"]);
    const [text, formula, bar] = cfs.map((cf) => cf.rules[0]);
    expect(text).toMatchObject({
      type: "expression",
      formulae: ['EXACT(C2,"Đạt")'],
      style: { fill: { bgColor: { argb: "FFC6EFCE" } }, font: { color: { argb: "FF006100" } } },
    });
    expect(formula).toMatchObject({
      type: "expression",
      formulae: ["$B2<0.5"],
      style: { fill: { bgColor: { argb: "FFFFC7CE" } }, font: { color: { argb: "FF9C0006" } } },
    });
    expect(bar).toMatchObject({
      type: "dataBar",
      cfvo: [
        { type: "num", value: 0 },
        { type: "num", value: 1 },
      ],
      color: { argb: "FF" + DATA_BAR_COLOUR },
      gradient: false,
    });
    expect([text, formula, bar].map((r) => r.priority)).toEqual([1, 2, 3]);
  });

  it("writes the data bar in both halves, with matching x14 ids", async () => {
    const xml = await sheetXml(saved, RESULT);
    const ids = [...xml.matchAll(/<x14:id>([^<]+)<\/x14:id>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(1);
    expect(xml).toContain(`<x14:cfRule type="dataBar" id="${ids[0]}">`);
    expect(xml).toMatch(/<x14:dataBar minLength="0" maxLength="100" gradient="0">/);
  });

  it("adds marked highlight rules to the input sheet after the user's own rule", () => {
    const input = wb.getWorksheet(INPUT)!;
    const rules = internals(input).conditionalFormattings.flatMap((cf: CfModel) =>
      cf.rules.map((r) => ({ ref: cf.ref, formulae: r.formulae, priority: r.priority })),
    );
    expect(rules).toEqual([
      { ref: "A2:A4", formulae: ["LEN(A2)>10"], priority: 1 },
      { ref: "B2:B4", formulae: [`AND(${TOOL_RULE_MARKER},'${MARKS}'!A1="notMet")`], priority: 2 },
      { ref: "C2:C4", formulae: [`AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`], priority: 3 },
    ]);
  });

  it("stores the meta: marker, version and owned sheets", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(saved);
    expect(await port.readMeta()).toEqual({ version: 1, ownedSheets: [RESULT, MARKS] });
    const meta = wb.getWorksheet(META_SHEET)!;
    expect([meta.getCell("A1").value, meta.getCell("A2").value, meta.getCell("A3").value]).toEqual([
      "NTM Planner",
      1,
      RESULT,
    ]);
  });
});

describe("XlsxWorkbookPort re-run", () => {
  it("leaves one copy of each owned sheet, in place, and one set of tool rules beside the user's rule", async () => {
    const first = await writtenOnce();
    const port = await XlsxWorkbookPort.fromBuffer(first);
    await port.write(plan());
    const second = await port.toBuffer();

    expect((await workbookSheets(second)).map((s) => s.name)).toEqual([INPUT, RESULT, MARKS, META_SHEET]);
    const wb = await loadFresh(second);
    const input = internals(wb.getWorksheet(INPUT)!).conditionalFormattings;
    const formulas = input.flatMap((cf) => cf.rules.map((r) => r.formulae?.[0]));
    expect(formulas).toEqual([
      "LEN(A2)>10",
      `AND(${TOOL_RULE_MARKER},'${MARKS}'!A1="notMet")`,
      `AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`,
    ]);
    expect(internals(wb.getWorksheet(RESULT)!).conditionalFormattings).toHaveLength(3);
    expect(wb.getWorksheet(RESULT)!.getTables()).toHaveLength(1);
  });

  it("gives the same workbook when one port writes the plan twice without saving in between", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await userWorkbook());
    await port.write(plan());
    await port.write(plan());
    const buf = await port.toBuffer();
    expect((await workbookSheets(buf)).map((s) => s.name)).toEqual([INPUT, RESULT, MARKS, META_SHEET]);
    const strip = (xml: string) => xml.replace(/\{[0-9A-F-]{36}\}/g, "{id}");
    expect(strip(await sheetXml(buf, RESULT))).toBe(strip(await sheetXml(await writtenOnce(), RESULT)));
    expect(internals(port.workbook.getWorksheet(INPUT)!).conditionalFormattings).toHaveLength(3);
  });

  it("keeps an owned sheet at its tab position when the user moved it before the input sheet", async () => {
    const first = await writtenOnce();
    const wb = await loadFresh(first);
    internals(wb.getWorksheet(RESULT)!).orderNo = -1;
    const moved = Buffer.from(await wb.xlsx.writeBuffer());
    const port = await XlsxWorkbookPort.fromBuffer(moved);
    await port.write(plan());
    expect(await port.sheetNames()).toEqual([RESULT, INPUT, MARKS]);
  });

  it("leaves the user sheet's cells byte-identical", async () => {
    const original = await userWorkbook();
    const first = await writtenOnce();
    const port = await XlsxWorkbookPort.fromBuffer(first);
    await port.write(plan());
    const second = await port.toBuffer();
    const before = sheetData(await sheetXml(original, INPUT));
    expect(sheetData(await sheetXml(first, INPUT))).toBe(before);
    expect(sheetData(await sheetXml(second, INPUT))).toBe(before);

    const [grid] = await (await XlsxWorkbookPort.fromBuffer(second)).readSheets([INPUT]);
    expect(grid.values).toEqual([
      ["Tên xã", "Tỉ lệ hộ nghèo", "Kết quả"],
      ["Xã Nậm Kè", 0.12, "Đạt"],
      ["Xã Quảng Lâm", 0.31, "Chưa đạt"],
      ["Xã Chà Cang", 0.43, "Đạt"],
    ]);
  });

  it("drops the old tool rules of a sheet the new plan no longer highlights, keeping the user's rule", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await writtenOnce());
    await port.write({ ...plan(), inputHighlights: [] });
    const after = internals(port.workbook.getWorksheet(INPUT)!).conditionalFormattings;
    expect(after.flatMap((cf) => cf.rules.map((r) => r.formulae?.[0]))).toEqual(["LEN(A2)>10"]);
  });

  it("removes tool rules that Excel split or moved, and keeps user rules that merely look similar", async () => {
    const first = await writtenOnce();
    const wb = await loadFresh(first);
    const input = internals(wb.getWorksheet(INPUT)!);
    input.conditionalFormattings.push(
      // Excel splits a rule when rows are inserted; the marker travels with each part.
      {
        ref: "B7:B9",
        rules: [
          { type: "expression", priority: 9, formulae: [`AND(${TOOL_RULE_MARKER},'${MARKS}'!A6="notMet")`] },
        ],
      },
      // A user's rule mentioning the tool by name but without the marker stays.
      { ref: "C9", rules: [{ type: "expression", priority: 10, formulae: ['C9="NTM Planner"'] }] },
    );
    const port = await XlsxWorkbookPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    await port.write(plan());
    const after = internals(port.workbook.getWorksheet(INPUT)!).conditionalFormattings;
    expect(after.map((cf) => cf.ref)).toEqual(["A2:A4", "C9", "B2:B4", "C2:C4"]);
    expect(after.map((cf) => cf.rules[0].priority)).toEqual([1, 10, 11, 12]);
  });
});

describe("XlsxWorkbookPort safety net", () => {
  it("refuses to replace a user sheet whose name the plan uses when there is no meta", async () => {
    const buf = await userWorkbook((wb) => {
      wb.addWorksheet(RESULT).getCell("A1").value = "bảng của tôi";
    });
    const port = await XlsxWorkbookPort.fromBuffer(buf);
    await expect(port.write(plan())).rejects.toThrow(/"Kết quả" exists and was not created by NTM Planner/);
    expect(port.workbook.getWorksheet(RESULT)!.getCell("A1").value).toBe("bảng của tôi");
    expect(port.workbook.getWorksheet(META_SHEET)).toBeUndefined();
    expect(internals(port.workbook.getWorksheet(INPUT)!).conditionalFormattings).toHaveLength(1);
  });

  it("refuses when the stored meta does not list the sheet, matching names case-insensitively", async () => {
    const first = await writtenOnce();
    const wb = await loadFresh(first);
    wb.addWorksheet("kết quả 2").getCell("A1").value = "của người dùng";
    const port = await XlsxWorkbookPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const p = plan();
    p.sheets[0] = { ...p.sheets[0], name: "Kết quả 2" };
    p.meta.ownedSheets = ["Kết quả 2", MARKS];
    await expect(port.write(p)).rejects.toThrow(/"kết quả 2" exists and was not created/);
  });

  it("refuses a sheet named NTM_META that it did not create", async () => {
    const buf = await userWorkbook((wb) => {
      wb.addWorksheet(META_SHEET).getCell("A1").value = "something else";
    });
    const port = await XlsxWorkbookPort.fromBuffer(buf);
    expect(await port.readMeta()).toBeNull();
    await expect(port.write(plan())).rejects.toThrow(/did not create/);
  });

  it("refuses plans that are bugs: unlisted owned sheet, bad names, data bars on user sheets", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await userWorkbook());
    const unlisted = plan();
    unlisted.meta.ownedSheets = [RESULT];
    await expect(port.write(unlisted)).rejects.toThrow(/missing from meta.ownedSheets/);

    const badName = plan();
    badName.sheets[0] = { ...badName.sheets[0], name: "Kết quả: 2025/2026" };
    badName.meta.ownedSheets = [badName.sheets[0].name, MARKS];
    await expect(port.write(badName)).rejects.toThrow(/contains one of/);

    const bar = plan();
    bar.inputHighlights![0].rules.push({ kind: "dataBar", range: "B2:B4", color: DATA_BAR_COLOUR });
    await expect(port.write(bar)).rejects.toThrow(/data bars cannot be added to a user sheet/);

    const badRange = plan();
    badRange.sheets[0].styles!.push({ range: "B:B", bold: true });
    await expect(port.write(badRange)).rejects.toThrow(/not a bounded A1 range: "B:B"/);

    expect(await port.sheetNames()).toEqual([INPUT]);
  });
});

describe("XlsxWorkbookPort basics", () => {
  it("returns null meta and no sheets for an empty workbook, and skips missing sheets when reading", async () => {
    const port = XlsxWorkbookPort.createEmpty();
    expect(await port.readMeta()).toBeNull();
    expect(await port.sheetNames()).toEqual([]);
    expect(await port.readSheets(["Không có"])).toEqual([]);
  });

  it("saves to a file and opens it again", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "kế hoạch.xlsx");
    const port = XlsxWorkbookPort.createEmpty();
    await port.write({
      sheets: [
        {
          name: "Tổng hợp",
          rows: [
            ["Tỉnh", "Số xã"],
            ["Điện Biên", 115],
          ],
        },
      ],
      inputHighlights: [],
      meta: { version: 1, ownedSheets: ["Tổng hợp"] },
    });
    await port.saveAs(file);
    expect(await fs.readdir(dir)).toEqual(["kế hoạch.xlsx"]);
    const again = await XlsxWorkbookPort.fromFile(file);
    await fs.rm(dir, { recursive: true, force: true });
    expect(await again.readSheets(["tổng hợp"])).toEqual([
      {
        name: "Tổng hợp",
        values: [
          ["Tỉnh", "Số xã"],
          ["Điện Biên", 115],
        ],
        numberFormats: [
          [null, null],
          [null, null],
        ],
        merges: [],
        hidden: false,
      },
    ]);
  });
});

describe("XlsxWorkbookPort names and input sheets", () => {
  it("replaces only its NTM_ defined names, keeping the user's own", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(
      await userWorkbook((wb) => wb.definedNames.add(`'${INPUT}'!$A$1`, "Tong")),
    );
    const withName = (range: string): WritePlan => ({
      ...plan(),
      names: [{ name: "NTM_DD_1", sheet: MARKS, range }],
    });
    await port.write(withName("A1:C3"));
    await port.write(withName("A1:D9"));
    const wb = await loadFresh(await port.toBuffer());
    const names = wb.definedNames.model as { name: string; ranges: string[] }[];
    expect(names.filter((n) => n.name === "NTM_DD_1").map((n) => n.ranges)).toEqual([
      [`'${MARKS}'!$A$1:$D$9`],
    ]);
    expect(names.some((n) => n.name === "Tong")).toBe(true);
  });

  it("creates input sheets for the user but never replaces an existing one", async () => {
    const port = await XlsxWorkbookPort.fromBuffer(await userWorkbook());
    const template = { name: "Thiết lập", rows: [["Năm đánh giá", 2022]] };
    await port.write({
      sheets: [],
      inputSheets: [template],
      inputHighlights: [],
      meta: { version: 1, ownedSheets: [] },
    });
    expect((await port.readSheets(["Thiết lập"]))[0].values[0]).toEqual(["Năm đánh giá", 2022]);
    await expect(
      port.write({
        sheets: [],
        inputSheets: [{ name: INPUT, rows: [] }],
        inputHighlights: [],
        meta: { version: 1, ownedSheets: [] },
      }),
    ).rejects.toThrow(/already exists/);
    expect((await port.readSheets([INPUT]))[0].values[1][0]).toBe("Xã Nậm Kè");
  });
});
