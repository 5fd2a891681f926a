import { execFile } from "child_process";
import { accessSync, constants, promises as fs } from "fs";
import * as path from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
// saxes is ExcelJS's XML parser (a dependency of exceljs): used here to check that parts are well-formed.
import { SaxesParser } from "saxes";
import { addCharts, relativeTarget } from "./charts";
import { chartXml } from "./charts/chartXml";
import { existingDrawingId, insertDrawingElement } from "./charts/drawingXml";
import { MAX_POINTS, parseLineRange, rangeFormula } from "./charts/ranges";
import { parseRelationships } from "./patch/opcXml";
import { decodeXml } from "./patch/xmlText";
import { relsPathOf, resolveTarget } from "./patch/zipPackage";
import { loadFresh, sheetPartPath, tempDir } from "./testSupport";
import { convertToPdf, findSoffice } from "../cli/pdf";
import type { ChartSpec } from "../workbook/reports/types";

const FUNDING = "Nguồn vốn";
const DISTRICTS = "KQ Huyện";
const QUOTED = "Xã's Đạt";

const SOURCES: [string, number][] = [
  ["Ngân sách trung ương", 1250.5],
  ["Ngân sách địa phương", 2300],
  ["Vốn lồng ghép", 870.25],
  ["Vốn tín dụng", 1500],
  ["Doanh nghiệp, dân cư & khác <ĐP>", 410],
];
const DISTRICT_ROWS: [string, number, number][] = [
  ["Huyện Cẩm Xuyên", 21, 23],
  ["Thị xã Kỳ Anh", 8, 11],
  ["Huyện Hương Sơn", 17, 21],
  ["Huyện Đức Thọ", 15, 15],
  ["Huyện Vũ Quang", 9, 10],
];

/** A small report workbook as ExcelJS writes it. */
async function reportWorkbook(
  opts: { image?: boolean; note?: boolean; table?: boolean } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const funding = wb.addWorksheet(FUNDING);
  funding.getCell("A1").value = "CƠ CẤU NGUỒN VỐN";
  funding.mergeCells("A1:C1");
  funding.getRow(3).values = ["Nguồn", "Số tiền (triệu đồng)", "Ghi chú"];
  SOURCES.forEach(([label, amount], i) => {
    const row = funding.getRow(4 + i);
    row.getCell(1).value = label;
    row.getCell(2).value = amount;
    row.getCell(2).numFmt = "#,##0.0";
  });
  // A formula with its cached result: the chart cache takes the result.
  funding.getCell("B9").value = { formula: "SUM(B4:B8)", result: 6330.75 };
  funding.getCell("A9").value = "Tổng";
  funding.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const districts = wb.addWorksheet(DISTRICTS);
  districts.getRow(2).values = ["Huyện", "Số xã đạt chuẩn", "Tổng số xã"];
  DISTRICT_ROWS.forEach(([name, met, total], i) => {
    districts.getRow(3 + i).values = [name, met, total];
  });
  districts.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // What a report may already carry: a picture (a drawing part), a note (a VML legacy drawing), a table.
  if (opts.image) {
    const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: "png" });
    districts.addImage(image, { tl: { col: 5, row: 0 }, ext: { width: 24, height: 24 } });
  }
  if (opts.note) districts.getCell("A2").note = "Theo Quyết định 318/QĐ-TTg";
  if (opts.table) {
    districts.addTable({
      name: "BangHuyen",
      ref: "A12",
      columns: [{ name: "Huyện" }, { name: "Số xã" }],
      rows: DISTRICT_ROWS.map(([n, m]) => [n, m]),
    });
  }

  const quoted = wb.addWorksheet(QUOTED);
  quoted.getRow(1).values = ["Tiêu chí", "Tỉ lệ"];
  quoted.getRow(2).values = ["Giao thông", 0.9];
  quoted.getRow(3).values = ["Thủy lợi", 0.75];
  quoted.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 2×2 red PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR42mP4z8DAwMDAwMAAAA4AAf9fhSgAAAAASUVORK5CYII=",
  "base64",
);

const PIE: ChartSpec = {
  sheet: FUNDING,
  kind: "pie",
  title: "Cơ cấu nguồn vốn",
  categories: "A4:A8",
  series: [{ name: "Số tiền", values: "B4:B8" }],
  from: "E3",
  to: "L20",
};
const COLUMN: ChartSpec = {
  sheet: DISTRICTS,
  kind: "column",
  title: "Kết quả theo huyện",
  categories: "A3:A7",
  series: [
    { name: "Số xã đạt chuẩn", values: "B3:B7" },
    { name: "Tổng số xã", values: "$C$3:$C$7" },
  ],
  from: "E2",
  to: "M18",
};
const BAR: ChartSpec = {
  sheet: QUOTED,
  kind: "bar",
  title: "Tỉ lệ đạt",
  categories: "A2:A3",
  series: [{ name: "Tỉ lệ", values: "B2:B3" }],
  from: "D1",
  to: "J12",
};

async function textOf(zip: JSZip, part: string): Promise<string> {
  const f = zip.file(part);
  if (!f) throw new Error(`no part ${part}`);
  return f.async("string");
}

/** The chart parts a sheet's drawing points to, in anchor order. */
async function chartsOfSheet(zip: JSZip, sheet: string): Promise<string[]> {
  const part = await sheetPartPath(zip, sheet);
  const xml = await textOf(zip, part);
  const rId = existingDrawingId(xml);
  if (rId === null) return [];
  const rel = parseRelationships(await textOf(zip, relsPathOf(part))).find((r) => r.id === rId)!;
  const drawingPart = resolveTarget(part, rel.target);
  const drawing = await textOf(zip, drawingPart);
  const drawingRels = parseRelationships(await textOf(zip, relsPathOf(drawingPart)));
  return [...drawing.matchAll(/<c:chart\b[^>]*r:id="([^"]*)"/g)].map((m) =>
    resolveTarget(drawingPart, drawingRels.find((r) => r.id === m[1])!.target),
  );
}

/** Well-formedness and namespace errors of an XML text (empty when it parses). */
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => errors.push(e.message));
  parser.write(xml).close();
  return errors;
}

/** CT_Worksheet's children in schema order (ECMA-376 Part 1, sml.xsd). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Local names of the root element's children. */
function topChildren(xml: string): string[] {
  const out: string[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", (t) => {
    if (depth === 1) out.push(t.local);
    depth++;
  });
  parser.on("closetag", () => depth--);
  parser.write(xml).close();
  return out;
}

function formulas(xml: string): string[] {
  return [...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => decodeXml(m[1]));
}

/** The cached points of the n-th c:strCache / c:numCache, by index ("" for none). */
function cache(xml: string, kind: "str" | "num", n: number): { count: number; points: Map<number, string> } {
  const block = [...xml.matchAll(new RegExp(`<c:${kind}Cache>([\\s\\S]*?)</c:${kind}Cache>`, "g"))][n][1];
  const count = Number(/<c:ptCount val="(\d+)"\/>/.exec(block)![1]);
  const points = new Map<number, string>();
  for (const m of block.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)) {
    points.set(Number(m[1]), decodeXml(m[2]));
  }
  return { count, points };
}

function anchors(drawing: string): { from: number[]; to: number[] }[] {
  return [...drawing.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => {
    const pos = (tag: string) => {
      const b = new RegExp(
        `<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row>`,
      ).exec(m[0])!;
      return [Number(b[1]), Number(b[2])];
    };
    return { from: pos("from"), to: pos("to") };
  });
}

/** Every cell value of every sheet, as plain JSON, to compare two loads. */
function allValues(wb: ExcelJS.Workbook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  wb.eachSheet((ws) => {
    const cells: Record<string, unknown> = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells[cell.address] = JSON.parse(JSON.stringify(cell.value));
      }),
    );
    out[ws.name] = cells;
  });
  return out;
}

describe("addCharts: the package", () => {
  let input: Buffer;
  let output: Buffer;
  let zip: JSZip;

  beforeAll(async () => {
    input = await reportWorkbook();
    output = await addCharts(input, [PIE, COLUMN, BAR]);
    zip = await JSZip.loadAsync(output);
  });

  it("adds one chart part per chart and one drawing per sheet, each with its content type", async () => {
    const parts = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
    expect(parts.filter((p) => p.startsWith("xl/charts/")).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
    ]);
    expect(parts.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p)).sort()).toEqual([
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
    ]);
    const types = await textOf(zip, "[Content_Types].xml");
    for (const n of [1, 2, 3]) {
      expect(types).toContain(
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );
      expect(types).toContain(
        `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
      );
    }
    // No folder entries for the new parts: OPC packages hold parts only.
    expect(Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\/(_rels\/)?$/.test(p))).toEqual([]);
  });

  it("links each sheet to its drawing and each drawing to its charts, every relationship resolving to a part", async () => {
    expect(await chartsOfSheet(zip, FUNDING)).toEqual(["xl/charts/chart1.xml"]);
    expect(await chartsOfSheet(zip, DISTRICTS)).toEqual(["xl/charts/chart2.xml"]);
    expect(await chartsOfSheet(zip, QUOTED)).toEqual(["xl/charts/chart3.xml"]);
    for (const relsPart of Object.keys(zip.files).filter((p) => p.endsWith(".rels"))) {
      const owner = relsPart === "_rels/.rels" ? "" : relsPart.replace(/_rels\/([^/]+)\.rels$/, "$1");
      for (const rel of parseRelationships(await textOf(zip, relsPart))) {
        if (rel.external) continue;
        const target = resolveTarget(owner, rel.target);
        expect({ relsPart, target, exists: zip.file(target) !== null }).toEqual({
          relsPart,
          target,
          exists: true,
        });
      }
    }
  });

  it("writes the pie's category and value formulas with the quoted sheet name, and caches the cells' current values", async () => {
    const xml = await textOf(zip, "xl/charts/chart1.xml");
    expect(xml).toContain("<c:pieChart>");
    expect(formulas(xml)).toEqual(["'Nguồn vốn'!$A$4:$A$8", "'Nguồn vốn'!$B$4:$B$8"]);
    const labels = cache(xml, "str", 0);
    expect(labels.count).toBe(5);
    expect([...labels.points.values()]).toEqual(SOURCES.map(([l]) => l));
    const values = cache(xml, "num", 0);
    expect(values.count).toBe(5);
    expect([...values.points.values()].map(Number)).toEqual(SOURCES.map(([, v]) => v));
    expect(xml).toContain("<c:formatCode>#,##0.0</c:formatCode>");
    // Percentages on the slices, and a legend.
    expect(xml).toMatch(/<c:dLbls>[\s\S]*<c:showPercent val="1"\/>[\s\S]*<\/c:dLbls>/);
    expect(xml).toContain('<c:numFmt formatCode="0.0%" sourceLinked="0"/>');
    expect(xml).toContain('<c:legend><c:legendPos val="r"/>');
    expect(xml).toContain("<a:t>Cơ cấu nguồn vốn</a:t>");
    expect(xml).toContain("<c:v>Doanh nghiệp, dân cư &amp; khác &lt;ĐP&gt;</c:v>");
  });

  it("writes a clustered column chart with one formula and one cache per series", async () => {
    const xml = await textOf(zip, "xl/charts/chart2.xml");
    expect(xml).toContain('<c:barDir val="col"/>');
    expect(formulas(xml)).toEqual([
      "'KQ Huyện'!$A$3:$A$7",
      "'KQ Huyện'!$B$3:$B$7",
      "'KQ Huyện'!$A$3:$A$7",
      "'KQ Huyện'!$C$3:$C$7",
    ]);
    expect([...cache(xml, "str", 1).points.values()]).toEqual(DISTRICT_ROWS.map(([n]) => n));
    expect([...cache(xml, "num", 0).points.values()].map(Number)).toEqual(DISTRICT_ROWS.map(([, m]) => m));
    expect([...cache(xml, "num", 1).points.values()].map(Number)).toEqual(DISTRICT_ROWS.map(([, , t]) => t));
    expect(xml).toContain("<c:tx><c:v>Số xã đạt chuẩn</c:v></c:tx>");
    expect(xml).toContain("<c:tx><c:v>Tổng số xã</c:v></c:tx>");
    expect(xml).toMatch(/<c:catAx>[\s\S]*<c:valAx>/);
  });

  it("writes a horizontal bar chart on a sheet whose name has an apostrophe, doubled in the formula", async () => {
    const xml = await textOf(zip, "xl/charts/chart3.xml");
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(formulas(xml)).toEqual(["'Xã''s Đạt'!$A$2:$A$3", "'Xã''s Đạt'!$B$2:$B$3"]);
  });

  it("anchors each chart from its top-left cell to the far corner of its bottom-right cell", async () => {
    expect(anchors(await textOf(zip, "xl/drawings/drawing1.xml"))).toEqual([{ from: [4, 2], to: [12, 20] }]);
    expect(anchors(await textOf(zip, "xl/drawings/drawing2.xml"))).toEqual([{ from: [4, 1], to: [13, 18] }]);
  });

  it("writes well-formed, namespace-correct XML in every part it adds or changes", async () => {
    const before = await JSZip.loadAsync(input);
    for (const part of Object.keys(zip.files).filter((p) => !zip.files[p].dir)) {
      const xml = await textOf(zip, part);
      if (before.file(part) && (await textOf(before, part)) === xml) continue;
      expect({ part, errors: xmlErrors(xml) }).toEqual({ part, errors: [] });
    }
  });

  it("keeps the worksheet's children in CT_Worksheet order", async () => {
    for (const sheet of [FUNDING, DISTRICTS, QUOTED]) {
      const children = topChildren(await textOf(zip, await sheetPartPath(zip, sheet)));
      expect(children).toContain("drawing");
      const ranks = children.map((c) => WORKSHEET_ORDER.indexOf(c));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it("puts <drawing> after the page setup and before what follows it in the schema", async () => {
    const xml = await textOf(zip, await sheetPartPath(zip, FUNDING));
    const order = [...xml.matchAll(/<(\w+)[\s/>]/g)].map((m) => m[1]);
    const at = (n: string) => order.indexOf(n);
    expect(at("drawing")).toBeGreaterThan(at("pageSetup"));
    expect(order.filter((n) => n === "drawing")).toHaveLength(1);
  });

  it("leaves a workbook ExcelJS still loads, with every cell value as it was", async () => {
    const before = await loadFresh(input);
    const after = await loadFresh(output);
    expect(after.worksheets.map((w) => w.name)).toEqual([FUNDING, DISTRICTS, QUOTED]);
    expect(allValues(after)).toEqual(allValues(before));
    expect(after.getWorksheet(FUNDING)!.getCell("B5").value).toBe(2300);
  });

  it("gives the same bytes for the same input", async () => {
    const again = await addCharts(input, [PIE, COLUMN, BAR]);
    expect(again.equals(output)).toBe(true);
  });

  it("returns the input itself when there are no charts", async () => {
    expect(await addCharts(input, [])).toBe(input);
  });

  it("numbers new parts after existing ones when run on its own output", async () => {
    const twice = await JSZip.loadAsync(await addCharts(output, [{ ...PIE, from: "E22", to: "L40" }]));
    expect(await chartsOfSheet(twice, FUNDING)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart4.xml"]);
    const drawing = await textOf(twice, "xl/drawings/drawing1.xml");
    expect([...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => m[1])).toEqual(["1", "2"]);
    expect(twice.file("xl/drawings/drawing4.xml")).toBeNull();
  });
});

/** The workbook with the shared strings of one sheet written inline, as some writers do. */
async function withInlineStrings(buf: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  const strings = [
    ...(await textOf(zip, "xl/sharedStrings.xml")).matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g),
  ].map((m) => m[1]);
  const part = await sheetPartPath(zip, sheet);
  const xml = (await textOf(zip, part)).replace(
    /<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g,
    (_m, ref: string, style: string | undefined, n: string) =>
      `<c r="${ref}"${style ?? ""} t="inlineStr"><is><t>${strings[Number(n)]}</t></is></c>`,
  );
  zip.file(part, xml);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("addCharts: several charts on one sheet", () => {
  it("puts them in one drawing, in the order given, with their own shape ids and relationships", async () => {
    const second: ChartSpec = {
      ...COLUMN,
      sheet: FUNDING,
      title: "",
      categories: "A4:A8",
      series: [{ name: "Vốn", values: "B4:B8" }],
      from: "E22",
      to: "L40",
    };
    const zip = await JSZip.loadAsync(await addCharts(await reportWorkbook(), [PIE, second]));
    expect(await chartsOfSheet(zip, FUNDING)).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(zip.file("xl/drawings/drawing2.xml")).toBeNull();
    const drawing = await textOf(zip, "xl/drawings/drawing1.xml");
    expect(
      [...drawing.matchAll(/<xdr:cNvPr id="(\d+)" name="([^"]*)" descr="([^"]*)"/g)].map((m) => m.slice(1)),
    ).toEqual([
      ["1", "Chart 1", "Cơ cấu nguồn vốn"],
      ["2", "Chart 2", ""],
    ]);
    expect(anchors(drawing)).toEqual([
      { from: [4, 2], to: [12, 20] },
      { from: [4, 21], to: [12, 40] },
    ]);
    // A chart without a title says so, rather than letting Excel make one up from the series name.
    const untitled = await textOf(zip, "xl/charts/chart2.xml");
    expect(untitled).not.toContain("<c:title>");
    expect(untitled).toContain('<c:autoTitleDeleted val="1"/>');
  });
});

describe("addCharts: caches from inline strings", () => {
  it("reads labels written as inline strings", async () => {
    const input = await withInlineStrings(await reportWorkbook(), FUNDING);
    expect(await textOf(await JSZip.loadAsync(input), "xl/worksheets/sheet1.xml")).toContain(
      '<c r="A4" t="inlineStr"><is><t>Ngân sách trung ương</t></is></c>',
    );
    const zip = await JSZip.loadAsync(await addCharts(input, [PIE]));
    const xml = await textOf(zip, "xl/charts/chart1.xml");
    expect([...cache(xml, "str", 0).points.values()]).toEqual(SOURCES.map(([l]) => l));
  });

  it("caches a formula's result, leaves empty cells out of the cache and keeps the point count", async () => {
    const input = await reportWorkbook();
    const spec: ChartSpec = {
      ...COLUMN,
      sheet: FUNDING,
      categories: "A4:A10",
      series: [{ name: "x", values: "B4:B10" }],
    };
    const zip = await JSZip.loadAsync(await addCharts(input, [spec]));
    const xml = await textOf(zip, "xl/charts/chart1.xml");
    const labels = cache(xml, "str", 0);
    expect(labels.count).toBe(7);
    expect(labels.points.get(5)).toBe("Tổng");
    expect(labels.points.has(6)).toBe(false);
    const values = cache(xml, "num", 0);
    expect(values.count).toBe(7);
    expect(values.points.get(5)).toBe("6330.75");
    expect(values.points.has(6)).toBe(false);
    // The value axis is linked to the cells' number format.
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="#,##0.0" sourceLinked="1"\/>.*<\/c:valAx>/);
  });
});

describe("addCharts: a sheet that already has a drawing", () => {
  it("adds the chart to the sheet's drawing, keeping its picture and its note", async () => {
    const input = await reportWorkbook({ image: true, note: true });
    const inZip = await JSZip.loadAsync(input);
    const sheetPart = await sheetPartPath(inZip, DISTRICTS);
    const sheetBefore = await textOf(inZip, sheetPart);
    expect(existingDrawingId(sheetBefore)).not.toBeNull();
    expect(sheetBefore).toContain("<legacyDrawing");

    const output = await addCharts(input, [COLUMN]);
    const zip = await JSZip.loadAsync(output);
    // The worksheet is not rewritten: its drawing gained an anchor.
    expect(await textOf(zip, sheetPart)).toBe(sheetBefore);
    const [chart] = await chartsOfSheet(zip, DISTRICTS);
    expect(chart).toBe("xl/charts/chart1.xml");
    const rel = parseRelationships(await textOf(zip, relsPathOf(sheetPart))).find(
      (r) => r.id === existingDrawingId(sheetBefore),
    )!;
    const drawing = await textOf(zip, resolveTarget(sheetPart, rel.target));
    expect(xmlErrors(drawing)).toEqual([]);
    expect(drawing).toContain("<xdr:pic>");
    const ids = [...drawing.matchAll(/<xdr:cNvPr id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(new Set(ids).size).toBe(ids.length);

    const wb = await loadFresh(output);
    const ws = wb.getWorksheet(DISTRICTS)!;
    expect(ws.getImages()).toHaveLength(1);
    expect(ws.getCell("A2").note).toBeDefined();
    expect(ws.getCell("A3").value).toBe("Huyện Cẩm Xuyên");
  });
});

describe("addCharts: a sheet with a note and a table", () => {
  it("puts <drawing> before <legacyDrawing> and <tableParts>, and keeps the note and the table", async () => {
    const input = await reportWorkbook({ note: true, table: true });
    const sheetBefore = await textOf(await JSZip.loadAsync(input), "xl/worksheets/sheet2.xml");
    expect(topChildren(sheetBefore)).toEqual(expect.arrayContaining(["legacyDrawing", "tableParts"]));
    const output = await addCharts(input, [COLUMN]);
    const zip = await JSZip.loadAsync(output);
    const children = topChildren(await textOf(zip, await sheetPartPath(zip, DISTRICTS)));
    // ExcelJS itself writes <tableParts> before <legacyDrawing> (against the schema); <drawing> goes
    // before both, and after everything that precedes it in the schema.
    const at = children.indexOf("drawing");
    expect(children.slice(at)).toEqual(["drawing", "tableParts", "legacyDrawing"]);
    const rank = (c: string) => WORKSHEET_ORDER.indexOf(c);
    expect(children.slice(0, at).every((c) => rank(c) >= 0 && rank(c) < rank("drawing"))).toBe(true);
    const ws = (await loadFresh(output)).getWorksheet(DISTRICTS)!;
    expect(ws.getCell("A2").note).toBeDefined();
    expect(ws.getTable("BangHuyen")).toBeDefined();
    expect(await chartsOfSheet(zip, DISTRICTS)).toEqual(["xl/charts/chart1.xml"]);
  });
});

describe("addCharts: refusals", () => {
  let input: Buffer;
  beforeAll(async () => {
    input = await reportWorkbook();
  });

  const cases: [string, ChartSpec, RegExp][] = [
    ["an unknown sheet", { ...PIE, sheet: "Không có" }, /no sheet "Không có".*"Nguồn vốn"/],
    ["whole columns", { ...PIE, categories: "A:A" }, /categories: "A:A" is not a bounded A1 range/],
    ["whole rows", { ...PIE, series: [{ name: "x", values: "4:8" }] }, /values: "4:8" is not a bounded/],
    ["a sheet-qualified range", { ...PIE, categories: "'Nguồn vốn'!A4:A8" }, /not a bounded A1 range/],
    ["a block", { ...PIE, series: [{ name: "x", values: "B4:C8" }] }, /spans 5 rows and 2 columns/],
    [
      "a length mismatch",
      { ...PIE, series: [{ name: "x", values: "B4:B7" }] },
      /has 4 cells but the categories/,
    ],
    [
      "a pie with two series",
      { ...PIE, series: [PIE.series[0], { name: "y", values: "C4:C8" }] },
      /pie chart shows one series/,
    ],
    ["no series", { ...COLUMN, series: [] }, /has no series/],
    ["a bad anchor", { ...PIE, to: "L0" }, /to: "L0" is not a cell address/],
    ["an unknown kind", { ...PIE, kind: "line" as ChartSpec["kind"] }, /kind "line" is not one of/],
    ["a chart reaching the sheet's edge", { ...PIE, to: "XFD5" }, /last row or column/],
  ];
  it.each(cases)("refuses %s with a clear message", async (_label, spec, message) => {
    await expect(addCharts(input, [COLUMN, spec])).rejects.toThrow(message);
  });

  it("refuses a range longer than a series may be", () => {
    expect(() => parseLineRange(`A1:A${MAX_POINTS + 1}`, "x")).toThrow(/more than the 32000/);
    expect(parseLineRange(`A1:A${MAX_POINTS}`, "x").cells).toHaveLength(MAX_POINTS);
  });

  it("names the chart by number and title in the message", async () => {
    await expect(addCharts(input, [COLUMN, { ...PIE, categories: "A:A" }])).rejects.toThrow(
      /^Chart 2 \("Cơ cấu nguồn vốn"\), categories/,
    );
  });
});

// ---------------------------------------------------------------- formulas

/** Reads a `'quoted'!ref` formula back into the sheet name and the reference (test's own parser). */
function unquote(formula: string): { sheet: string; ref: string } {
  expect(formula[0]).toBe("'");
  let i = 1;
  let name = "";
  for (;;) {
    if (i >= formula.length) throw new Error(`unterminated: ${formula}`);
    if (formula[i] === "'") {
      if (formula[i + 1] === "'") {
        name += "'";
        i += 2;
        continue;
      }
      break;
    }
    name += formula[i++];
  }
  expect(formula[i + 1]).toBe("!");
  return { sheet: name, ref: formula.slice(i + 2) };
}

/** Sheet names Excel accepts: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
const sheetName = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("'", " ", "!", "&", "<", ">", '"', "ồ", "ệ", "Đ", "ư", "ơ", "ả", "-", "(", ")"),
      fc
        .integer({ min: 0x20, max: 0xfffd })
        .filter((c) => c < 0xd800 || c > 0xdfff)
        .map((c) => String.fromCodePoint(c)),
    ),
    minLength: 1,
    maxLength: 31,
  })
  .filter(
    (s) => !/[:\\/?*[\]]/.test(s) && !s.startsWith("'") && !s.endsWith("'") && s.trim() === s && s !== "",
  );

const cell = fc.record({
  row: fc.integer({ min: 0, max: 1_048_575 }),
  col: fc.integer({ min: 0, max: 16_383 }),
});

describe("rangeFormula", () => {
  it("quotes every sheet name so that it reads back exactly, with an absolute bounded reference", () => {
    fc.assert(
      fc.property(sheetName, cell, cell, (name, a, b) => {
        const range = {
          start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
          end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
        };
        const { sheet, ref } = unquote(rangeFormula(name, range));
        expect(sheet).toBe(name);
        expect(ref).toMatch(/^\$[A-Z]{1,3}\$\d{1,7}(:\$[A-Z]{1,3}\$\d{1,7})?$/);
        expect(parseLineRangeOrBlock(ref.replace(/\$/g, ""))).toEqual(range);
      }),
    );
  });

  it("survives the chart XML: the formula read back from the part is the one written", () => {
    fc.assert(
      fc.property(sheetName, (name) => {
        const formula = rangeFormula(name, { start: { row: 4, col: 1 }, end: { row: 11, col: 1 } });
        const xml = chartXml({
          kind: "pie",
          title: name,
          lang: "vi-VN",
          categories: { formula, labels: [name] },
          series: [{ name, formula, values: [1], formatCode: "General" }],
        });
        expect(formulas(xml)).toEqual([formula, formula]);
        expect(unquote(formulas(xml)[0]).sheet).toBe(name);
      }),
    );
  });

  it("writes the known examples", () => {
    const r = { start: { row: 4, col: 1 }, end: { row: 11, col: 1 } };
    expect(rangeFormula("Nguồn vốn", r)).toBe("'Nguồn vốn'!$B$5:$B$12");
    expect(rangeFormula("Bob's", r)).toBe("'Bob''s'!$B$5:$B$12");
    expect(rangeFormula("KQ", { start: { row: 0, col: 0 }, end: { row: 0, col: 0 } })).toBe("'KQ'!$A$1");
  });
});

function parseLineRangeOrBlock(ref: string) {
  const [a, b = a] = ref.split(":");
  const one = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s)!;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  return { start: one(a), end: one(b) };
}

// ---------------------------------------------------------------- the worksheet's <drawing>

const WS_OPEN =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">';

describe("insertDrawingElement", () => {
  it("goes before legacyDrawing, tableParts and extLst, after headerFooter", () => {
    const xml =
      `${WS_OPEN}<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      '<pageMargins left="0.7"/><pageSetup orientation="landscape"/><headerFooter><oddFooter>&amp;P</oddFooter></headerFooter>' +
      '<legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId3"/></tableParts>' +
      '<extLst><ext uri="{x}"><x14:drawing xmlns:x14="x"/></ext></extLst></worksheet>';
    const out = insertDrawingElement(xml, "rId9");
    expect(out).toContain('</headerFooter><drawing r:id="rId9"/><legacyDrawing r:id="rId2"/>');
  });

  it("goes before controls wrapped in mc:AlternateContent, and is not fooled by '>' in an attribute", () => {
    const xml =
      `${WS_OPEN}<sheetData/><hyperlinks><hyperlink ref="A1" tooltip="a > b &lt;drawing" r:id="rId1"/></hyperlinks>` +
      '<pageMargins left="0.7"/><mc:AlternateContent><mc:Choice Requires="x14"><controls><control r:id="rId5"/></controls></mc:Choice></mc:AlternateContent>' +
      "</worksheet>";
    const out = insertDrawingElement(xml, "rId9");
    expect(out).toContain('<pageMargins left="0.7"/><drawing r:id="rId9"/><mc:AlternateContent>');
  });

  it("goes at the end when nothing follows it, with the sheet's own prefixes", () => {
    const xml =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
      '<x:sheetData></x:sheetData><x:pageMargins left="1"/></x:worksheet>';
    expect(insertDrawingElement(xml, "rId1")).toBe(
      xml.replace("</x:worksheet>", '<x:drawing rel:id="rId1"/></x:worksheet>'),
    );
  });

  it("declares the relationships namespace when the root does not", () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(insertDrawingElement(xml, "rId1")).toContain(
      '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>',
    );
  });

  it("finds an existing drawing but not a drawingHF or one inside extLst", () => {
    const base = `${WS_OPEN}<sheetData/>`;
    expect(existingDrawingId(`${base}<drawing r:id="rId4"/></worksheet>`)).toBe("rId4");
    expect(existingDrawingId(`${base}<drawingHF r:id="rId4"/></worksheet>`)).toBeNull();
    expect(
      existingDrawingId(`${base}<extLst><ext uri="x"><drawing r:id="rId4"/></ext></extLst></worksheet>`),
    ).toBeNull();
    expect(() => insertDrawingElement(`${base}<drawing r:id="rId4"/></worksheet>`, "rId5")).toThrow(
      /already/,
    );
  });
});

describe("relativeTarget", () => {
  it("gives targets that resolve back to the part", () => {
    for (const [from, to] of [
      ["xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml"],
      ["xl/drawings/drawing1.xml", "xl/charts/chart1.xml"],
      ["xl/workbook.xml", "xl/worksheets/sheet1.xml"],
    ]) {
      expect(resolveTarget(from, relativeTarget(from, to))).toBe(to);
    }
    expect(relativeTarget("xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml")).toBe(
      "../drawings/drawing1.xml",
    );
  });
});

// ---------------------------------------------------------------- LibreOffice

const soffice = findSoffice();
const pdftoppm = findOnPath("pdftoppm");

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter((d) => d !== "")) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

/** Pixels of a binary PPM (P6) whose colour is clearly not grey: chart fills, not text or grid lines. */
function colouredPixels(ppm: Buffer): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString("latin1"))!;
  const w = Number(header[1]);
  const h = Number(header[2]);
  const data = ppm.subarray(header[0].length);
  let n = 0;
  for (let i = 0; i < w * h * 3; i += 3) {
    const r = data[i];
    const g = data[i + 1];
    const b = data[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
  }
  return n;
}

async function renderedColour(pdf: string, dir: string): Promise<number> {
  const stem = path.join(dir, path.parse(pdf).name);
  await promisify(execFile)(pdftoppm!, ["-r", "40", pdf, stem]);
  let total = 0;
  for (const f of (await fs.readdir(dir)).filter(
    (f) => f.startsWith(path.parse(pdf).name) && f.endsWith(".ppm"),
  )) {
    total += colouredPixels(await fs.readFile(path.join(dir, f)));
  }
  return total;
}

(soffice ? describe : describe.skip)("addCharts: LibreOffice", () => {
  it("converts the workbook to PDF and draws the charts", async () => {
    const dir = await tempDir();
    const plain = path.join(dir, "plain.xlsx");
    const charted = path.join(dir, "charted.xlsx");
    const input = await reportWorkbook();
    await fs.writeFile(plain, input);
    await fs.writeFile(charted, await addCharts(input, [PIE, COLUMN, BAR]));
    const result = await convertToPdf([plain, charted], { soffice: soffice!, outDir: dir });
    expect(result.failed).toEqual([]);
    const [plainPdf, chartedPdf] = result.written;
    expect((await fs.stat(chartedPdf)).size).toBeGreaterThan((await fs.stat(plainPdf)).size + 2000);
    const pdftotext = findOnPath("pdftotext");
    if (pdftotext) {
      const { stdout } = await promisify(execFile)(pdftotext, [chartedPdf, "-"]);
      // Titles, the legend's full labels (the cells show them cut short) and a slice's percentage:
      // 2,300 of 6,330.75 is 36.3 %.
      for (const t of [
        "Cơ cấu nguồn vốn",
        "Kết quả theo huyện",
        "Tỉ lệ đạt",
        "Ngân sách trung ương",
        "36.3%",
      ]) {
        expect(stdout).toContain(t);
      }
      const plainText = (await promisify(execFile)(pdftotext, [plainPdf, "-"])).stdout;
      expect(plainText).not.toContain("36.3%");
    }
    if (pdftoppm) {
      const plainColour = await renderedColour(plainPdf, dir);
      const chartedColour = await renderedColour(chartedPdf, dir);
      expect(plainColour).toBe(0);
      // Three charts at 40 dpi: several thousand coloured pixels of slices and bars.
      expect(chartedColour).toBeGreaterThan(3000);
    }
    if (process.env.NTM_KEEP_CHART_RENDER)
      await fs.cp(dir, process.env.NTM_KEEP_CHART_RENDER, { recursive: true });
    await fs.rm(dir, { recursive: true, force: true });
  }, 180_000);
});
