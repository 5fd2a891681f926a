/**
 * Native Excel charts in a written .xlsx package. ExcelJS cannot write charts, so after it has written
 * a report this module opens the package with JSZip and adds, for each ChartSpec, a DrawingML chart
 * part (`xl/charts/chartN.xml`) whose series point at the sheet's cells with formulas and carry caches
 * of their current values, an anchor in the sheet's drawing part (`xl/drawings/drawingN.xml`, created
 * or, when the sheet already has a drawing such as an image, added to), the sheet's `<drawing r:id>`
 * element, the relationships and the content types. Parts it does not touch are carried over as they
 * are. The same input gives the same bytes (new zip entries take the date of the workbook part).
 */
import JSZip from "jszip";
import type { ChartSpec } from "../workbook/reports/types";
import type { CellPosition } from "../workbook/a1";
import {
  REL_NS,
  REL_OFFICE_DOCUMENT,
  REL_SHARED_STRINGS,
  REL_STYLES,
  REL_WORKSHEET,
  addRelationship,
  emptyRelationships,
  isRelType,
  nextRelationshipId,
  parseRelationships,
  setOverride,
} from "./patch/opcXml";
import type { Relationship } from "./patch/opcXml";
import { parseWorkbook } from "./patch/workbookXml";
import type { SheetEntry } from "./patch/workbookXml";
import { SharedStringsScanner } from "./patch/sheetScanner";
import { readCellFormats } from "./patch/stylesXml";
import { relsPathOf, resolveTarget } from "./patch/zipPackage";
import { chartXml } from "./charts/chartXml";
import type { ChartData, ChartKind } from "./charts/chartXml";
import { cellAt, readCells } from "./charts/cellValues";
import type { ChartCell } from "./charts/cellValues";
import {
  anchorDeclarations,
  appendAnchors,
  chartAnchor,
  drawingXml,
  existingDrawingId,
  insertDrawingElement,
  maxShapeId,
  placement,
} from "./charts/drawingXml";
import type { Placement } from "./charts/drawingXml";
import { parseAnchorCell, parseLineRange, rangeFormula } from "./charts/ranges";
import type { LineRange } from "./charts/ranges";

export const REL_DRAWING = `${REL_NS}/drawing`;
export const REL_CHART = `${REL_NS}/chart`;
export const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";

export interface AddChartsOptions {
  /** Language of the charts' text (c:lang, a:rPr lang); default "vi-VN". */
  lang?: string;
}

const KINDS: readonly ChartKind[] = ["pie", "bar", "column"];

/** A ChartSpec checked against the workbook: its sheet found, its ranges parsed. */
interface ResolvedChart {
  spec: ChartSpec;
  sheet: SheetEntry;
  sheetPart: string;
  categories: LineRange;
  series: { name: string; values: LineRange }[];
  place: Placement;
}

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f && !f.dir ? f.async("string") : null;
}

async function requiredText(zip: JSZip, part: string): Promise<string> {
  const t = await text(zip, part);
  if (t === null) throw new Error(`The workbook has no part "${part}"`);
  return t;
}

/** Relative target from one part to another ("xl/worksheets/sheet1.xml" → "xl/drawings/d.xml" is "../drawings/d.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The next free number N for parts named `${dir}/${stem}N.xml` (case-insensitive, as OPC part names). */
function nextPartNumber(zip: JSZip, dir: string, stem: string): number {
  const re = new RegExp(`^${dir}/${stem}(\\d+)\\.xml$`, "i");
  let max = 0;
  zip.forEach((path) => {
    const m = re.exec(path);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

function findSheet(sheets: readonly SheetEntry[], name: string): SheetEntry | undefined {
  const exact = sheets.find((s) => s.name === name);
  if (exact) return exact;
  const fold = (s: string) => s.normalize("NFC").toLowerCase();
  return sheets.find((s) => fold(s.name) === fold(name));
}

function checkSpec(spec: ChartSpec, index: number): string {
  const what = `Chart ${index + 1}${typeof spec?.title === "string" && spec.title ? ` ("${spec.title}")` : ""}`;
  if (spec === null || typeof spec !== "object") throw new Error(`${what} is not a chart description`);
  if (!KINDS.includes(spec.kind)) {
    throw new Error(`${what}: kind "${String(spec.kind)}" is not one of ${KINDS.join(", ")}`);
  }
  if (typeof spec.title !== "string") throw new Error(`${what}: the title must be text`);
  if (!Array.isArray(spec.series) || spec.series.length === 0) throw new Error(`${what}: it has no series`);
  if (spec.kind === "pie" && spec.series.length > 1) {
    throw new Error(`${what}: a pie chart shows one series, ${spec.series.length} were given`);
  }
  return what;
}

function resolve(
  spec: ChartSpec,
  index: number,
  sheets: readonly SheetEntry[],
  sheetPart: (s: SheetEntry) => string | null,
): ResolvedChart {
  const what = checkSpec(spec, index);
  const sheet = findSheet(sheets, spec.sheet);
  if (!sheet) {
    throw new Error(
      `${what}: the workbook has no sheet "${spec.sheet}" (sheets: ${sheets.map((s) => `"${s.name}"`).join(", ")})`,
    );
  }
  const part = sheetPart(sheet);
  if (part === null) throw new Error(`${what}: "${sheet.name}" is not a worksheet`);
  const categories = parseLineRange(spec.categories, `${what}, categories`);
  const series = spec.series.map((s, i) => {
    const label = `${what}, series ${i + 1}${s?.name ? ` ("${s.name}")` : ""}`;
    if (typeof s?.name !== "string") throw new Error(`${label}: the name must be text`);
    const values = parseLineRange(s.values, `${label}, values`);
    if (values.cells.length !== categories.cells.length) {
      throw new Error(
        `${label}: "${s.values}" has ${values.cells.length} cells but the categories "${spec.categories}" have ${categories.cells.length}`,
      );
    }
    return { name: s.name, values };
  });
  const place = placement(
    parseAnchorCell(spec.from, `${what}, from`),
    parseAnchorCell(spec.to, `${what}, to`),
    what,
  );
  return { spec, sheet, sheetPart: part, categories, series, place };
}

/** Every cell the charts of one sheet read. */
function cellsOf(charts: readonly ResolvedChart[]): CellPosition[] {
  return charts.flatMap((c) => [...c.categories.cells, ...c.series.flatMap((s) => s.values.cells)]);
}

function chartData(c: ResolvedChart, cells: Map<number, ChartCell>, lang: string): ChartData {
  return {
    kind: c.spec.kind,
    title: c.spec.title,
    lang,
    categories: {
      formula: rangeFormula(c.sheet.name, c.categories.range),
      labels: c.categories.cells.map((p) => cellAt(cells, p)?.text ?? null),
    },
    series: c.series.map((s) => {
      const found = s.values.cells.map((p) => cellAt(cells, p));
      const firstNumber = found.find((x) => x !== undefined && x.number !== null);
      return {
        name: s.name,
        formula: rangeFormula(c.sheet.name, s.values.range),
        values: found.map((x) => (x === undefined ? null : x.number)),
        formatCode: firstNumber?.format ?? "General",
      };
    }),
  };
}

/**
 * Adds native charts to an .xlsx package and returns the new package. Throws an Error, before changing
 * anything, for an unknown sheet, a range that is not a bounded one-column or one-row A1 range, series
 * of another length than the categories, a pie with more than one series, or an invalid placement.
 * A sheet that already has a drawing (pictures, shapes, charts) keeps it: the charts are added to it.
 */
export async function addCharts(
  xlsx: Buffer,
  charts: readonly ChartSpec[],
  options: AddChartsOptions = {},
): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const lang = options.lang ?? "vi-VN";
  const zip = await JSZip.loadAsync(xlsx);

  const rootRels = parseRelationships(await requiredText(zip, "_rels/.rels"));
  const officeDoc = rootRels.find((r) => isRelType(r, REL_OFFICE_DOCUMENT));
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const workbook = parseWorkbook(await requiredText(zip, workbookPart));
  const workbookRels = parseRelationships(await requiredText(zip, relsPathOf(workbookPart)));
  const relById = new Map(workbookRels.map((r) => [r.id, r]));
  const sheetPart = (s: SheetEntry): string | null => {
    const rel = relById.get(s.rId);
    if (!rel || rel.external || !isRelType(rel, REL_WORKSHEET)) return null;
    const part = resolveTarget(workbookPart, rel.target);
    return zip.file(part) ? part : null;
  };

  // Check every chart before changing anything.
  const resolved = charts.map((spec, i) => resolve(spec, i, workbook.sheets, sheetPart));

  const partOf = (type: string) => {
    const rel = workbookRels.find((r) => !r.external && isRelType(r, type));
    return rel ? resolveTarget(workbookPart, rel.target) : null;
  };
  const ssPart = partOf(REL_SHARED_STRINGS);
  const ssXml = ssPart ? await text(zip, ssPart) : null;
  const strings = new SharedStringsScanner();
  if (ssXml !== null) strings.push(ssXml);
  const sharedStrings = strings.end();
  const stylesPart = partOf(REL_STYLES);
  const formats = readCellFormats(stylesPart ? await text(zip, stylesPart) : null);

  const date = zip.file(workbookPart)?.date ?? new Date(Date.UTC(1980, 0, 1));
  const write = (part: string, data: string) => zip.file(part, data, { date, createFolders: false });

  let types = await requiredText(zip, "[Content_Types].xml");
  let chartNumber = nextPartNumber(zip, "xl/charts", "chart");
  let drawingNumber = nextPartNumber(zip, "xl/drawings", "drawing");

  // Sheets in the order their first chart is given; charts in the order given.
  const bySheet = new Map<string, ResolvedChart[]>();
  for (const c of resolved) {
    const list = bySheet.get(c.sheetPart);
    if (list) list.push(c);
    else bySheet.set(c.sheetPart, [c]);
  }

  for (const [part, sheetCharts] of bySheet) {
    let sheetXml = await requiredText(zip, part);
    // One pass over the sheet's cells for all its charts, before the sheet is edited.
    const cells = readCells(sheetXml, cellsOf(sheetCharts), sharedStrings, formats);
    const sheetRelsPart = relsPathOf(part);
    let sheetRels = (await text(zip, sheetRelsPart)) ?? emptyRelationships();

    // The sheet's drawing part: the existing one, or a new one.
    let drawingPart: string;
    let drawing: string | null;
    const existingId = existingDrawingId(sheetXml);
    if (existingId !== null) {
      const rel = parseRelationships(sheetRels).find((r) => r.id === existingId);
      if (!rel || rel.external) {
        throw new Error(
          `The sheet "${sheetCharts[0].sheet.name}" has a <drawing> whose relationship "${existingId}" is missing`,
        );
      }
      drawingPart = resolveTarget(part, rel.target);
      drawing = await text(zip, drawingPart);
      if (drawing === null) {
        throw new Error(
          `The sheet "${sheetCharts[0].sheet.name}" points to a drawing part "${drawingPart}" that is missing`,
        );
      }
    } else {
      drawingPart = `xl/drawings/drawing${drawingNumber++}.xml`;
      drawing = null;
      const rId = nextRelationshipId(parseRelationships(sheetRels));
      sheetRels = addRelationship(sheetRels, {
        id: rId,
        type: REL_DRAWING,
        target: relativeTarget(part, drawingPart),
      });
      sheetXml = insertDrawingElement(sheetXml, rId);
      write(sheetRelsPart, sheetRels);
      write(part, sheetXml);
      types = setOverride(types, drawingPart, CT_DRAWING);
    }

    const drawingRelsPart = relsPathOf(drawingPart);
    let drawingRels = (await text(zip, drawingRelsPart)) ?? emptyRelationships();
    let shapeId = drawing === null ? 1 : maxShapeId(drawing) + 1;
    const declare = drawing === null ? "" : anchorDeclarations(drawing);
    const anchors: string[] = [];
    for (const c of sheetCharts) {
      const chartPart = `xl/charts/chart${chartNumber++}.xml`;
      write(chartPart, chartXml(chartData(c, cells, lang)));
      types = setOverride(types, chartPart, CT_CHART);
      const rels: Relationship[] = parseRelationships(drawingRels);
      const rId = nextRelationshipId(rels);
      drawingRels = addRelationship(drawingRels, {
        id: rId,
        type: REL_CHART,
        target: relativeTarget(drawingPart, chartPart),
      });
      anchors.push(
        chartAnchor({
          place: c.place,
          rId,
          shapeId,
          name: `Chart ${shapeId}`,
          description: c.spec.title,
          declare,
        }),
      );
      shapeId++;
    }
    write(drawingPart, drawing === null ? drawingXml(anchors) : appendAnchors(drawing, anchors));
    write(drawingRelsPart, drawingRels);
  }
  write("[Content_Types].xml", types);

  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
