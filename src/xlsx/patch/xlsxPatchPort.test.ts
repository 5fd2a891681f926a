import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { META_SHEET, type SheetGrid, type WritePlan } from "../../workbook/port";
import { DATA_BAR_COLOUR, HIGHLIGHT_PALETTE } from "../../workbook/formats/palette";
import { renderResults } from "../../workbook/render/render";
import type { SheetSpec } from "../../workbook/sheetSpec";
import {
  COMMUNE_SHEET,
  DISTRICT_SHEET,
  EXISTING,
  fixtureInput,
  fixtureResult,
} from "../../workbook/render/__fixtures__/renderFixture";
import { TOOL_RULE_MARKER } from "../../workbook/formats/toolRules";
import { internals, type CfModel } from "../internals";
import { XlsxWorkbookPort } from "../xlsxPort";
import { loadFresh, sheetPartPath, sheetXml, tempDir, workbookSheets } from "../testSupport";
import { XlsxPatchPort } from "./xlsxPatchPort";

const RESULT = "Kết quả";
const MARKS = "KQ_DD_1";
const INPUT = "Xã";

function resultSheet(): SheetSpec {
  return {
    name: RESULT,
    rows: [
      ["Xã", "Tỉ lệ", "Đạt?", "Ghi chú"],
      ["Xã A", 0.85, "Đạt", "=1+1"],
      ["Xã B", 0.4, "Chưa đạt", "+84 912 345 678"],
      ["Xã C", null, true, "-5 xã"],
      ["Xã D", 12, false, "@x <b>&amp;</b>"],
      [],
      ["Ghi chú: số liệu năm 2025", null, null, null],
      ["  lề  ", Number.NaN, "dòng 1\ndòng 2", "a\u0001b"],
    ],
    columnWidths: [20, 10, 12, 30],
    freeze: { rows: 1, columns: 1 },
    styles: [
      { range: "A1:D1", bold: true, fill: "DDEBF7", border: true, align: "center", wrap: true },
      { range: "A7:D7", italic: true, fontColor: "595959", merge: true },
      { range: "B2:B5", verticalAlign: "middle", fontSize: 13 },
    ],
    numberFormats: [{ range: "B2:B5", format: "0.0%" }],
    conditionalFormats: [
      { kind: "textEquals", range: "C2:C5", text: "Đạt", style: "met" },
      { kind: "formula", range: "A2:D5", formula: "=$B2<0.5", style: "notMet" },
      { kind: "dataBar", range: "B2:B5", color: DATA_BAR_COLOUR },
    ],
    tabColor: "70AD47",
    page: { landscape: true, repeatRows: [1, 1] },
  };
}

function plan(): WritePlan {
  return {
    sheets: [resultSheet(), { name: MARKS, rows: [[], [null, 1], [null, 3]], hidden: true }],
    inputHighlights: [
      {
        sheet: INPUT,
        rules: [
          { kind: "formula", range: "B2:B4", formula: `=INDEX(NTM_DD_1,ROW(),COLUMN())=1`, style: "notMet" },
          { kind: "textEquals", range: "C2:C4", text: "Đạt", style: "met" },
        ],
      },
    ],
    names: [{ name: "NTM_DD_1", sheet: MARKS, range: "A1:C3" }],
    meta: { version: 1, ownedSheets: [RESULT, MARKS] },
  };
}

/** A planner's input workbook as ExcelJS builds it: one input sheet with a rule of its own. */
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
    rules: [{ type: "expression", priority: 1, formulae: ["LEN(A2)>10"], style: { font: { italic: true } } }],
  });
  extra?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- parts ExcelJS cannot keep

const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
  `<c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'${INPUT}'!$B$2:$B$4</c:f></c:numRef></c:val></c:ser>` +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart>' +
  '<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>' +
  "</c:plotArea></c:chart></c:chartSpace>";

const DRAWING_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
  "<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
  "<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
  '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
  '<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>' +
  "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>";

const RELS = (rels: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`;

/** 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

/**
 * The input workbook with what ExcelJS drops: a chart on the input sheet (drawing + chart parts), an
 * image part, custom document properties, and on the input sheet a data validation, a hyperlink-free
 * tail element order as Excel writes it, plus an x14 rule of the user's.
 */
async function richUserWorkbook(): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await userWorkbook());
  const part = await sheetPartPath(zip, INPUT);
  const relsPart = part.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
  let xml = await zip.file(part)!.async("string");
  xml = xml.replace(
    "</worksheet>",
    '<drawing r:id="rIdChart"/><extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:cfRule type="expression" priority="7" id="{00000000-0000-0000-0000-000000000001}"><xm:f>Xã!$A$1="x"</xm:f>' +
      "<x14:dxf><font><b/></font></x14:dxf></x14:cfRule><xm:sqref>A1:A4</xm:sqref></x14:conditionalFormatting>" +
      "</x14:conditionalFormattings></ext></extLst></worksheet>",
  );
  xml = xml.replace(
    "<pageMargins",
    '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C4"><formula1>"Đạt,Chưa đạt"</formula1></dataValidation></dataValidations><pageMargins',
  );
  zip.file(part, xml);
  zip.file(
    relsPart,
    RELS(
      '<Relationship Id="rIdChart" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>',
    ),
  );
  zip.file("xl/drawings/drawing1.xml", DRAWING_XML);
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    RELS(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/chart1.xml"/>',
    ),
  );
  zip.file("xl/charts/chart1.xml", CHART_XML);
  zip.file("xl/media/image1.png", PNG, { compression: "STORE" });
  zip.file(
    "docProps/custom.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Tỉnh"><vt:lpwstr>Hà Tĩnh</vt:lpwstr></property></Properties>',
  );
  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(
    "</Types>",
    '<Default Extension="png" ContentType="image/png"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
  );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function partBytes(buf: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(buf);
  const out = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("nodebuffer"));
  }
  return out;
}

async function writtenOnce(input?: Buffer): Promise<Buffer> {
  const port = await XlsxPatchPort.fromBuffer(input ?? (await userWorkbook()));
  await port.write(plan());
  return port.toBuffer();
}

function cfRules(ws: ExcelJS.Worksheet): { ref: string; formulae?: unknown[]; priority?: number }[] {
  return internals(ws).conditionalFormattings.flatMap((cf: CfModel) =>
    cf.rules.map((r) => ({ ref: cf.ref, formulae: r.formulae, priority: r.priority })),
  );
}

describe("XlsxPatchPort writes a plan that ExcelJS and Excel read back", () => {
  let saved: Buffer;
  let wb: ExcelJS.Workbook;
  let result: ExcelJS.Worksheet;

  beforeAll(async () => {
    const dir = await tempDir();
    const file = path.join(dir, "kết quả.xlsx");
    const port = await XlsxPatchPort.fromBuffer(await userWorkbook());
    await port.write(plan());
    await port.saveAs(file);
    expect(await fs.readdir(dir)).toEqual(["kết quả.xlsx"]);
    saved = await fs.readFile(file);
    await fs.rm(dir, { recursive: true, force: true });
    wb = await loadFresh(saved);
    result = wb.getWorksheet(RESULT)!;
  });

  it("puts new sheets after the user's, the marks sheet hidden and the meta sheet last and veryHidden", async () => {
    expect(await workbookSheets(saved)).toEqual([
      { name: INPUT, state: "visible" },
      { name: RESULT, state: undefined },
      { name: MARKS, state: "hidden" },
      { name: META_SHEET, state: "veryHidden" },
    ]);
    expect(await (await XlsxWorkbookPort.fromBuffer(saved)).sheetNames()).toEqual([INPUT, RESULT, MARKS]);
    expect(await (await XlsxPatchPort.fromBuffer(saved)).sheetNames()).toEqual([INPUT, RESULT, MARKS]);
  });

  it("reads back every value through both ports: text that looks like a formula stays text", async () => {
    const expected = [
      ["Xã", "Tỉ lệ", "Đạt?", "Ghi chú"],
      ["Xã A", 0.85, "Đạt", "=1+1"],
      ["Xã B", 0.4, "Chưa đạt", "+84 912 345 678"],
      ["Xã C", null, true, "-5 xã"],
      ["Xã D", 12, false, "@x <b>&amp;</b>"],
      [null, null, null, null],
      ["Ghi chú: số liệu năm 2025", null, null, null],
      ["  lề  ", { error: "#NUM!" }, "dòng 1\ndòng 2", "ab"],
    ];
    for (const port of [await XlsxWorkbookPort.fromBuffer(saved), await XlsxPatchPort.fromBuffer(saved)]) {
      const [grid] = await port.readSheets([RESULT]);
      expect(grid.values).toEqual(expected);
      expect(grid.numberFormats![1][1]).toBe("0.0%");
      expect(grid.numberFormats![1][0]).toBeNull();
    }
    const xml = await sheetXml(saved, RESULT);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('<c r="D2" t="inlineStr"><is><t>=1+1</t></is></c>');
  });

  it("keeps number formats, freeze panes, widths, fonts, fills, borders, alignment, merges and the tab colour", () => {
    expect(result.getCell("B2").numFmt).toBe("0.0%");
    expect(result.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1, topLeftCell: "B2" });
    expect([1, 2, 3, 4].map((c) => result.getColumn(c).width)).toEqual([20, 10, 12, 30]);
    // The header font is the workbook's default font made bold.
    expect(result.getCell("B1").font).toMatchObject({ bold: true, name: "Calibri", size: 11 });
    expect(result.getCell("B1").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(result.getCell("B1").border).toMatchObject({ top: { style: "thin" }, right: { style: "thin" } });
    expect(result.getCell("B1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(result.getCell("B3").alignment).toMatchObject({ vertical: "middle" });
    expect(result.getCell("B3").font).toMatchObject({ size: 13 });
    expect(result.getCell("C7").isMerged).toBe(true);
    expect(result.getCell("A7").font).toMatchObject({ italic: true, color: { argb: "FF595959" } });
    // A covered cell takes the top-left cell's style, as ExcelJS's mergeCells does.
    expect(result.getCell("D7").font).toMatchObject({ italic: true });
    expect(result.properties.tabColor).toEqual({ argb: "FF70AD47" });
    expect(result.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true });
  });

  it("keeps the result sheet's conditional formats: formulas, priorities and palette colours", () => {
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
    expect(cfRules(wb.getWorksheet(INPUT)!)).toEqual([
      { ref: "A2:A4", formulae: ["LEN(A2)>10"], priority: 1 },
      { ref: "B2:B4", formulae: [`AND(${TOOL_RULE_MARKER},INDEX(NTM_DD_1,ROW(),COLUMN())=1)`], priority: 2 },
      { ref: "C2:C4", formulae: [`AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`], priority: 3 },
    ]);
    const [, notMet] = internals(wb.getWorksheet(INPUT)!).conditionalFormattings;
    expect(notMet.rules[0].style).toMatchObject({
      fill: { bgColor: { argb: "FF" + HIGHLIGHT_PALETTE.notMet.fill } },
      font: { color: { argb: "FF" + HIGHLIGHT_PALETTE.notMet.font } },
    });
  });

  it("stores the meta in formats/meta.ts's layout and the names the plan owns, absolute and quoted", async () => {
    expect(await (await XlsxWorkbookPort.fromBuffer(saved)).readMeta()).toEqual(plan().meta);
    expect(await (await XlsxPatchPort.fromBuffer(saved)).readMeta()).toEqual(plan().meta);
    const meta = wb.getWorksheet(META_SHEET)!;
    expect([1, 2, 3, 4].map((r) => meta.getCell(`A${r}`).value)).toEqual(["NTM Planner", 1, RESULT, MARKS]);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toContainEqual({ name: "NTM_DD_1", ranges: [`'${MARKS}'!$A$1:$C$3`] });
    const zip = await JSZip.loadAsync(saved);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="1">'${RESULT}'!$1:$1</definedName>`,
    );
    expect(workbookXml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });
});

describe("XlsxPatchPort re-run", () => {
  it("leaves one copy of each owned sheet, in place, one set of tool rules, and a stylesheet that does not grow", async () => {
    const first = await writtenOnce();
    const port = await XlsxPatchPort.fromBuffer(first);
    await port.write(plan());
    const second = await port.toBuffer();

    expect((await workbookSheets(second)).map((s) => s.name)).toEqual([INPUT, RESULT, MARKS, META_SHEET]);
    expect([...(await partBytes(second)).keys()].sort()).toEqual([...(await partBytes(first)).keys()].sort());
    const wb = await loadFresh(second);
    expect(cfRules(wb.getWorksheet(INPUT)!).map((r) => r.formulae?.[0])).toEqual([
      "LEN(A2)>10",
      `AND(${TOOL_RULE_MARKER},INDEX(NTM_DD_1,ROW(),COLUMN())=1)`,
      `AND(${TOOL_RULE_MARKER},EXACT(C2,"Đạt"))`,
    ]);
    expect(internals(wb.getWorksheet(RESULT)!).conditionalFormattings).toHaveLength(3);
    const styles = async (buf: Buffer) => (await JSZip.loadAsync(buf)).file("xl/styles.xml")!.async("string");
    expect(await styles(second)).toBe(await styles(first));
    // Same parts, same bytes: a re-run with the same plan changes nothing.
    const [a, b] = [await partBytes(first), await partBytes(second)];
    for (const [name, bytes] of a)
      expect({ name, same: bytes.equals(b.get(name)!) }).toEqual({ name, same: true });
  });

  it("keeps an owned sheet's tab when the user moved it, and its sheetId and part", async () => {
    const zip = await JSZip.loadAsync(await writtenOnce());
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...xml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
    // The user drags "Kết quả" before the input sheet.
    zip.file(
      "xl/workbook.xml",
      xml.replace(sheets.join(""), [sheets[1], sheets[0], ...sheets.slice(2)].join("")),
    );
    const port = await XlsxPatchPort.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    await port.write(plan());
    expect(await port.sheetNames()).toEqual([RESULT, INPUT, MARKS]);
    const after = await (
      await JSZip.loadAsync(await port.toBuffer())
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(after).toContain(sheets[1].replace(/\s*\/>$/, ""));
    expect(after).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">`);
  });

  it("drops the old tool rules of a sheet the new plan no longer highlights, keeping the user's rule", async () => {
    const port = await XlsxPatchPort.fromBuffer(await writtenOnce());
    await port.write({ ...plan(), inputHighlights: [], names: [] });
    const buf = await port.toBuffer();
    const wb = await loadFresh(buf);
    expect(cfRules(wb.getWorksheet(INPUT)!).map((r) => r.formulae?.[0])).toEqual(["LEN(A2)>10"]);
    const workbookXml = await (await JSZip.loadAsync(buf)).file("xl/workbook.xml")!.async("string");
    expect(workbookXml).not.toContain("NTM_DD_1");
  });

  it("writes the renderer's plan with the same values, rules and meta as the ExcelJS port, and re-runs on it", async () => {
    const input = await fixtureWorkbook();
    const rendered = renderResults({
      result: fixtureResult(),
      input: fixtureInput(),
      lang: "vi",
      provinceName: "Hà Tĩnh",
      currencyUnit: "triệu đồng",
      existingSheets: EXISTING,
      meta: null,
    }).plan;
    const patch = await XlsxPatchPort.fromBuffer(input);
    await patch.write(rendered);
    const viaPatch = await patch.toBuffer();
    const exceljs = await XlsxWorkbookPort.fromBuffer(input);
    await exceljs.write(rendered);
    const viaExcelJs = await exceljs.toBuffer();

    const names = rendered.sheets.map((s) => s.name);
    const a = await XlsxWorkbookPort.fromBuffer(viaPatch);
    const b = await XlsxWorkbookPort.fromBuffer(viaExcelJs);
    expect(await a.sheetNames()).toEqual(await b.sheetNames());
    // "" is written as a blank cell by this port and as an empty shared string by ExcelJS.
    const blank = (grids: SheetGrid[]) =>
      grids.map((g) => ({ ...g, values: g.values.map((row) => row.map((v) => (v === "" ? null : v))) }));
    expect(blank(await a.readSheets(names))).toEqual(blank(await b.readSheets(names)));
    expect(await a.readMeta()).toEqual(await b.readMeta());
    const [wa, wb2] = [await loadFresh(viaPatch), await loadFresh(viaExcelJs)];
    for (const sheet of [COMMUNE_SHEET, DISTRICT_SHEET, ...names]) {
      const strip = (ws: ExcelJS.Worksheet) => cfRules(ws).map((r) => ({ ...r }));
      expect(strip(wa.getWorksheet(sheet)!)).toEqual(strip(wb2.getWorksheet(sheet)!));
    }
    // Re-running the renderer on the patched workbook reuses every sheet.
    const again = renderResults({
      result: fixtureResult(),
      input: fixtureInput(),
      lang: "vi",
      provinceName: "Hà Tĩnh",
      currencyUnit: "triệu đồng",
      existingSheets: await a.sheetNames(),
      meta: await a.readMeta(),
    }).plan;
    const port = await XlsxPatchPort.fromBuffer(viaPatch);
    await port.write(again);
    expect(await port.sheetNames()).toEqual(await a.sheetNames());
  });
});

/** The renderer fixture's input workbook: its four sheets with a little data. */
async function fixtureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const name of EXISTING) {
    const ws = wb.addWorksheet(name);
    for (let r = 1; r <= 12; r++) ws.addRow([`${name} ${r}`, r, r / 10, "x", "y", "z", 1, 2, 3, 4]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("XlsxPatchPort keeps what it does not own", () => {
  it("leaves every part it does not write byte-identical: charts, drawings, images, custom properties", async () => {
    const input = await richUserWorkbook();
    const before = await partBytes(input);
    const out = await writtenOnce(input);
    const after = await partBytes(out);
    const rewritten = new Set([
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "[Content_Types].xml",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml", // the input sheet: new rules only (checked below)
    ]);
    for (const [name, bytes] of before) {
      if (rewritten.has(name)) continue;
      expect({ name, same: bytes.equals(after.get(name) ?? Buffer.alloc(0)) }).toEqual({ name, same: true });
    }
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
      "docProps/custom.xml",
    ])
      expect(after.has(name)).toBe(true);
  });

  it("changes only the conditional formats of the user's sheet, inserted where the schema puts them", async () => {
    const input = await richUserWorkbook();
    const before = (await partBytes(input)).get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const after = (await partBytes(await writtenOnce(input)))
      .get("xl/worksheets/sheet1.xml")!
      .toString("utf8");
    const added = [
      ...after.matchAll(
        /<conditionalFormatting sqref="[^"]*"><cfRule[^>]*><formula>AND\(ISTEXT[\s\S]*?<\/conditionalFormatting>/g,
      ),
    ];
    expect(added).toHaveLength(2);
    expect(added.reduce((s, m) => s.replace(m[0], ""), after)).toBe(before);
    // After the user's block, before <dataValidations>, <pageMargins>, <drawing> and <extLst>.
    const order = [
      "</sheetData>",
      'sqref="A2:A4"',
      "AND(ISTEXT",
      "<dataValidations",
      "<pageMargins",
      "<drawing",
      "<extLst>",
    ];
    const at = order.map((s) => after.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    // Priorities follow the user's highest, including the x14 rule (7).
    expect([...after.matchAll(/AND\(ISTEXT/g)]).toHaveLength(2);
    expect(after).toMatch(/priority="8"><formula>AND\(ISTEXT/);
    expect(after).toMatch(/priority="9"><formula>AND\(ISTEXT/);
  });

  it("removes marked rules that Excel moved to the x14 extension and keeps the user's x14 rule", async () => {
    const input = await richUserWorkbook();
    const zip = await JSZip.loadAsync(input);
    const part = "xl/worksheets/sheet1.xml";
    const xml = (await zip.file(part)!.async("string")).replace(
      "<xm:sqref>A1:A4</xm:sqref></x14:conditionalFormatting>",
      "<xm:sqref>A1:A4</xm:sqref></x14:conditionalFormatting>" +
        '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
        `<x14:cfRule type="expression" priority="3" id="{00000000-0000-0000-0000-000000000002}"><xm:f>AND(ISTEXT(&quot;NTM Planner&quot;),'KQ_DD_1'!B2=1)</xm:f>` +
        '<x14:dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></x14:dxf></x14:cfRule><xm:sqref>B2:B4</xm:sqref></x14:conditionalFormatting>',
    );
    zip.file(part, xml);
    const port = await XlsxPatchPort.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    await port.write({ ...plan(), inputHighlights: [], names: [] });
    const after = (await partBytes(await port.toBuffer())).get(part)!.toString("utf8");
    expect(after).not.toContain("NTM Planner");
    expect(after).toContain('<xm:f>Xã!$A$1="x"</xm:f>');
    expect(after).toBe(
      (await zip.file(part)!.async("string")).replace(
        /<x14:conditionalFormatting [^>]*><x14:cfRule type="expression" priority="3"[\s\S]*?<\/x14:conditionalFormatting>/,
        "",
      ),
    );
  });

  it("drops calcChain.xml when a replaced owned sheet had formulas", async () => {
    const first = await writtenOnce();
    const zip = await JSZip.loadAsync(first);
    const resultPart = await sheetPartPath(zip, RESULT);
    const xml = (await zip.file(resultPart)!.async("string")).replace(
      '<c r="B3" s="',
      '<c r="Z9"><f>1+1</f><v>2</v></c><c r="B3" s="',
    );
    zip.file(resultPart, xml);
    zip.file(
      "xl/calcChain.xml",
      '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="Z9" i="2"/></calcChain>',
    );
    let rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    rels = rels.replace(
      "</Relationships>",
      '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const port = await XlsxPatchPort.fromBuffer(await zip.generateAsync({ type: "nodebuffer" }));
    await port.write(plan());
    const out = await JSZip.loadAsync(await port.toBuffer());
    expect(out.file("xl/calcChain.xml")).toBeNull();
    expect(await out.file("xl/_rels/workbook.xml.rels")!.async("string")).not.toContain("calcChain");
  });
});

describe("XlsxPatchPort and the meta sheet's helper lists", () => {
  it("keeps the lists that validations of the user's template refer to when it rewrites the meta sheet", async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Xã số ${i + 1} huyện Mường Nhé`);
    const template = XlsxWorkbookPort.createEmpty();
    await template.write({
      sheets: [],
      inputSheets: [
        { name: INPUT, rows: [["Tên xã"], [null]], validations: [{ range: "A2:A9", list: long }] },
      ],
      inputHighlights: [],
      meta: { version: 1, ownedSheets: [] },
    });
    const port = await XlsxPatchPort.fromBuffer(await template.toBuffer());
    await port.write({ ...plan(), inputHighlights: [] });
    const wb = await loadFresh(await port.toBuffer());
    const meta = wb.getWorksheet(META_SHEET)!;
    expect(meta.getCell("A3").value).toBe(RESULT);
    expect(meta.getCell("C1").value).toBe(long[0]);
    expect(meta.getCell("C40").value).toBe(long[39]);
    const dv = internals(wb.getWorksheet(INPUT)!).dataValidations.model;
    expect(Object.values(dv)[0]).toMatchObject({ formulae: [`'${META_SHEET}'!$C$1:$C$40`] });
  });
});

describe("XlsxPatchPort safety net", () => {
  it("refuses to replace a user sheet whose name the plan uses, and changes nothing", async () => {
    const buf = await userWorkbook((wb) => {
      wb.addWorksheet(RESULT).getCell("A1").value = "bảng của tôi";
    });
    const port = await XlsxPatchPort.fromBuffer(buf);
    await expect(port.write(plan())).rejects.toThrow(/"Kết quả" exists and was not created by NTM Planner/);
    const [grid] = await port.readSheets([RESULT]);
    expect(grid.values).toEqual([["bảng của tôi"]]);
    const [before, after] = [await partBytes(buf), await partBytes(await port.toBuffer())];
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, bytes] of before) expect(bytes.equals(after.get(name)!)).toBe(true);
  });

  it("refuses when the stored meta does not list the sheet, matching names case-insensitively", async () => {
    const first = await writtenOnce();
    const wb = await loadFresh(first);
    wb.addWorksheet("kết quả 2").getCell("A1").value = "của người dùng";
    const port = await XlsxPatchPort.fromBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const p = plan();
    p.sheets[0] = { ...p.sheets[0], name: "Kết quả 2" };
    p.meta.ownedSheets = ["Kết quả 2", MARKS];
    await expect(port.write(p)).rejects.toThrow(/"kết quả 2" exists and was not created/);
  });

  it("refuses a sheet named NTM_META that it did not create", async () => {
    const buf = await userWorkbook((wb) => {
      wb.addWorksheet(META_SHEET).getCell("A1").value = "something else";
    });
    const port = await XlsxPatchPort.fromBuffer(buf);
    expect(await port.readMeta()).toBeNull();
    await expect(port.write(plan())).rejects.toThrow(/did not create/);
  });

  it("refuses plans that are bugs, with the ExcelJS port's messages, before changing anything", async () => {
    const port = await XlsxPatchPort.fromBuffer(await userWorkbook());
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

    const badName2 = plan();
    badName2.names = [{ name: "Marks", sheet: MARKS, range: "A1:B2" }];
    await expect(port.write(badName2)).rejects.toThrow(/must start with NTM_/);

    const table = plan();
    table.sheets[0] = { ...table.sheets[0], table: { name: "T", range: "A1:D5" } };
    await expect(port.write(table)).rejects.toThrow(/does not write Excel tables/);

    const overlapping = plan();
    overlapping.sheets[0].styles!.push({ range: "C7:E8", merge: true });
    await expect(port.write(overlapping)).rejects.toThrow(/overlaps another merged range/);

    await expect(port.write({ ...plan(), inputSheets: [{ name: "Mới", rows: [] }] })).rejects.toThrow(
      /does not create input sheets/,
    );

    expect(await port.sheetNames()).toEqual([INPUT]);
    expect(await port.readMeta()).toBeNull();
  });
});

describe("XlsxPatchPort basics", () => {
  it("returns null meta and skips missing sheets when reading", async () => {
    const port = await XlsxPatchPort.fromBuffer(await userWorkbook());
    expect(await port.readMeta()).toBeNull();
    expect(await port.readSheets(["Không có"])).toEqual([]);
    expect((await port.readSheets(["xã"]))[0].name).toBe(INPUT);
  });

  it("saves to a file and opens it again with fromFile", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "kế hoạch.xlsx");
    await fs.writeFile(file, await writtenOnce());
    const port = await XlsxPatchPort.fromFile(file);
    await port.write(plan());
    await port.saveAs(file);
    expect(await fs.readdir(dir)).toEqual(["kế hoạch.xlsx"]);
    const again = await XlsxPatchPort.fromFile(file);
    await fs.rm(dir, { recursive: true, force: true });
    expect(await again.readMeta()).toEqual(plan().meta);
  });
});
