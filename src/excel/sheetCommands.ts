/**
 * A SheetSpec as office.js commands, mirroring src/xlsx/applySheetSpec.ts: the values to write (with a
 * table's header row made valid), then — as separate commands, packed into as few syncs as fit — column
 * widths, freeze panes, number formats, styles, the table, merges, conditional formats, list
 * validations, page setup, visibility and tab colour.
 *
 * - Number formats go out as one value for the whole range (office.js applies a single value to every
 *   cell, the API's "single input copy"), not as an array per cell.
 * - Column widths: SheetSpec widths are Excel's file widths (characters of the default font, padding
 *   included); office.js wants points: pixels = trunc((256·w + trunc(128/7)) / 256 · 7), points = px · ¾.
 * - Borders: thin lines on the edges and, where the range has them, the inside lines (what the .xlsx
 *   port does cell by cell).
 * - Table: first row is the header; header cells are written as unique non-empty text beforehand
 *   ("Column3", "Xã2"); style TableStyleLight1 with banded rows; the name made valid and unique among
 *   the workbook's tables and names (src/workbook/formats/tableNames.ts). A header-only range gets its empty data row from
 *   Excel itself, as the .xlsx port adds one.
 * - Validations: an inline list when Excel allows one, else a range on NTM_META
 *   (src/workbook/formats/validationLists.ts).
 * - Page setup (ExcelApi 1.9): A4, fit to one page wide, repeated rows, margins (inches in the spec,
 *   points in office.js: ×72) and the centred footer (headersFooters.defaultForAllPages); skipped where
 *   unsupported, as are freeze panes and tab colours below ExcelApi 1.7, validations and hidden
 *   gridlines below 1.8.
 * - Sheet font: name and size over the used area (the rows and every style span), before the styles,
 *   so a span's own size wins. office.js cannot change a workbook's default font; cells outside the
 *   area keep Excel's.
 * - Protection last of all the sheet's commands (nothing could be formatted after it): no password,
 *   cells still selectable (selectionMode "Normal" from ExcelApi 1.7; Excel's default below it).
 */
import { parseRangeAddress, rangeAddress, columnLetters } from "../workbook/a1";
import type { ListValidation, OutCell, SheetSpec, StyleSpan } from "../workbook/sheetSpec";
import { uniqueTableName } from "../workbook/formats/tableNames";
import {
  ERROR_MESSAGE_LIMIT,
  ERROR_TITLE_LIMIT,
  inlineListFormula,
  validationText,
  type HelperLists,
} from "../workbook/formats/validationLists";
import { COMMAND_OVERHEAD_BYTES, jsonBytes, type Command } from "./blocks";
import { toExcelInput, type ExcelInput } from "./cellValues";
import { addRule, checkRule, hexColour } from "./rules";

/** Optional API sets, checked once per write. */
export interface Features {
  /** ExcelApi 1.6: suspending API calculation (conditional formats need it too). */
  suspendCalculation: boolean;
  /** ExcelApi 1.7: freeze panes, tab colours. */
  freezeAndTabColour: boolean;
  /** ExcelApi 1.8: list validations, runtime.enableEvents, Worksheet.showGridlines. */
  validationAndEvents: boolean;
  /** ExcelApi 1.9: page layout (margins, headers and footers), suspended screen updating. */
  pageLayoutAndScreen: boolean;
}

export function boundedRange(range: string, where: string): { rows: number; columns: number } {
  const pos = parseRangeAddress(range);
  if (!pos) throw new Error(`${where}: not a bounded A1 range: "${range}"`);
  return { rows: pos.end.row - pos.start.row + 1, columns: pos.end.col - pos.start.col + 1 };
}

/** Everything about a spec that could make Excel refuse a command, checked before the first change. */
export function checkSpec(spec: SheetSpec): void {
  const where = `Sheet "${spec.name}"`;
  for (const s of spec.styles ?? []) {
    boundedRange(s.range, `${where}, style`);
    if (s.fill !== undefined) hexColour(s.fill);
    if (s.fontColor !== undefined) hexColour(s.fontColor);
    if (s.fontSize !== undefined && !(s.fontSize >= 1 && s.fontSize <= 409)) {
      throw new Error(`${where}: font size ${s.fontSize} is out of range`);
    }
  }
  for (const f of spec.numberFormats ?? []) boundedRange(f.range, `${where}, number format`);
  for (const r of spec.conditionalFormats ?? []) {
    boundedRange(r.range, `${where}, conditional format`);
    checkRule(r);
  }
  for (const v of spec.validations ?? []) {
    boundedRange(v.range, `${where}, validation`);
    if (v.list.length === 0) throw new Error(`${where}: list validation on ${v.range} has an empty list`);
  }
  if (spec.table) boundedRange(spec.table.range, `${where}, table`);
  if (spec.tabColor !== undefined) hexColour(spec.tabColor);
  if (spec.freeze && !(spec.freeze.rows >= 0 && spec.freeze.columns >= 0)) {
    throw new Error(`${where}: bad freeze ${JSON.stringify(spec.freeze)}`);
  }
  const font = spec.font;
  if (font) {
    if (!(font.size >= 1 && font.size <= 409))
      throw new Error(`${where}: font size ${font.size} is out of range`);
    if (font.name.trim() === "" || font.name.length > 31) {
      throw new Error(`${where}: font name ${JSON.stringify(font.name)} is not one Excel accepts`);
    }
  }
  const margins = spec.page?.margins;
  if (margins) {
    for (const [side, inches] of Object.entries(margins)) {
      if (!(inches >= 0 && inches <= MAX_MARGIN_INCHES))
        throw new Error(`${where}: ${side} margin ${inches} is out of range`);
    }
  }
  const footer = spec.page?.footer;
  if (footer !== undefined && footer.length > FOOTER_LIMIT) {
    throw new Error(`${where}: the footer is longer than ${FOOTER_LIMIT} characters`);
  }
}

/** Excel refuses margins over 49 cm; and a header or footer over 255 characters. */
const MAX_MARGIN_INCHES = 19;
const FOOTER_LIMIT = 255;
const POINTS_PER_INCH = 72;

/**
 * The area a sheet font covers: A1 to the last row and column of the values and of every style span;
 * null for an empty sheet.
 */
export function usedArea(spec: SheetSpec): string | null {
  let rows = spec.rows.length;
  let columns = spec.rows.reduce((n, row) => Math.max(n, row?.length ?? 0), 0);
  for (const s of spec.styles ?? []) {
    const pos = parseRangeAddress(s.range);
    if (!pos) continue;
    rows = Math.max(rows, pos.end.row + 1);
    columns = Math.max(columns, pos.end.col + 1);
  }
  return rows > 0 && columns > 0 ? rangeAddress(0, 0, rows - 1, columns - 1) : null;
}

/**
 * Protects `ws` as report sheets are: no password, and every cell can still be selected and copied
 * (selectionMode "Normal" needs ExcelApi 1.7, `selectionOption`; below it Excel's default allows it too).
 */
export function protectSheet(ws: Excel.Worksheet, selectionOption: boolean): void {
  ws.protection.protect(selectionOption ? { selectionMode: "Normal" } : undefined);
}

/** Header names Excel accepts for a table: unique (ignoring case), non-empty text. */
export function tableHeaderNames(values: readonly OutCell[]): string[] {
  const used = new Set<string>();
  return values.map((v, i) => {
    const base = v === null || v === undefined || String(v).trim() === "" ? `Column${i + 1}` : String(v);
    let name = base;
    for (let n = 2; used.has(name.toUpperCase()); n++) name = `${base}${n}`;
    used.add(name.toUpperCase());
    return name;
  });
}

/** The `Range.values` rows of a spec, from A1 (ragged), with the table's header row made valid. */
export function valueRows(spec: SheetSpec): ExcelInput[][] {
  const rows = spec.rows.map((row) => (row ?? []).map(toExcelInput));
  const pos = spec.table ? parseRangeAddress(spec.table.range) : null;
  if (pos) {
    const header = spec.rows[pos.start.row] ?? [];
    const cells: OutCell[] = [];
    for (let c = pos.start.col; c <= pos.end.col; c++) cells.push(header[c] ?? null);
    const names = tableHeaderNames(cells);
    while (rows.length <= pos.start.row) rows.push([]);
    const row = rows[pos.start.row];
    while (row.length < pos.end.col + 1) row.push(null);
    names.forEach((name, i) => (row[pos.start.col + i] = toExcelInput(name)));
  }
  return rows;
}

/** Points of a column width given in Excel's file units (see the module comment). */
export function columnWidthPoints(width: number): number {
  const pixels = Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
  return pixels * 0.75;
}

type BorderEdge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

function command(args: unknown, queue: () => void): Command {
  return { bytes: COMMAND_OVERHEAD_BYTES + jsonBytes(args), queue };
}

function styleCommand(ws: Excel.Worksheet, span: StyleSpan): Command {
  return command(span, () => {
    const format = ws.getRange(span.range).format;
    if (span.bold !== undefined) format.font.bold = span.bold;
    if (span.italic !== undefined) format.font.italic = span.italic;
    if (span.fontSize !== undefined) format.font.size = span.fontSize;
    if (span.fontColor !== undefined) format.font.color = hexColour(span.fontColor);
    if (span.fill !== undefined) format.fill.color = hexColour(span.fill);
    if (span.wrap !== undefined) format.wrapText = span.wrap;
    if (span.align !== undefined) format.horizontalAlignment = H_ALIGN[span.align];
    if (span.verticalAlign !== undefined) format.verticalAlignment = V_ALIGN[span.verticalAlign];
    if (span.border) {
      const size = boundedRange(span.range, "Style");
      const edges: BorderEdge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (size.columns > 1) edges.push("InsideVertical");
      if (size.rows > 1) edges.push("InsideHorizontal");
      for (const edge of edges) {
        const border = format.borders.getItem(edge);
        border.style = "Continuous";
        border.weight = "Thin";
      }
    }
  });
}

function validationCommand(ws: Excel.Worksheet, v: ListValidation, helpers: HelperLists): Command {
  const inline = inlineListFormula(v.list);
  const source = inline !== null ? inline.slice(1, -1) : "=" + helpers.reference(v.list);
  const alert: Excel.DataValidationErrorAlert = {
    showAlert: true,
    style: "Stop",
    title: validationText(v.errorTitle, ERROR_TITLE_LIMIT) ?? "",
    message: validationText(v.error, ERROR_MESSAGE_LIMIT) ?? "",
  };
  return command([v.range, source, alert], () => {
    const dv = ws.getRange(v.range).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source } };
    dv.errorAlert = alert;
    dv.ignoreBlanks = true;
  });
}

/** Column widths grouped into runs of equal widths ("C:E" = 14). */
function widthRuns(widths: readonly number[]): { range: string; points: number }[] {
  const runs: { range: string; points: number }[] = [];
  let i = 0;
  while (i < widths.length) {
    const w = widths[i];
    if (!(typeof w === "number" && w > 0)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    runs.push({ range: `${columnLetters(i)}:${columnLetters(j)}`, points: columnWidthPoints(w) });
    i = j + 1;
  }
  return runs;
}

/**
 * The format commands of `spec` on `ws` (a sheet written in the values phase). `tableNames` holds the
 * table and defined names already taken (the chosen table name is added to it); `helpers` collects the
 * validation lists that go to NTM_META.
 */
export function formatCommands(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  features: Features,
  tableNames: string[],
  helpers: HelperLists,
): Command[] {
  const out: Command[] = [];
  const font = spec.font;
  const area = font ? usedArea(spec) : null;
  if (font && area) {
    out.push(
      command([area, font], () => {
        const f = ws.getRange(area).format.font;
        f.name = font.name;
        f.size = font.size;
      }),
    );
  }
  for (const run of widthRuns(spec.columnWidths ?? [])) {
    out.push(command(run, () => (ws.getRange(run.range).format.columnWidth = run.points)));
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0) && features.freezeAndTabColour) {
    out.push(
      command(freeze, () => {
        if (freeze.rows > 0 && freeze.columns > 0) {
          ws.freezePanes.freezeAt(rangeAddress(0, 0, freeze.rows - 1, freeze.columns - 1));
        } else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
        else ws.freezePanes.freezeColumns(freeze.columns);
      }),
    );
  }
  for (const nf of spec.numberFormats ?? []) {
    // One value for the whole range: office.js applies it to every cell.
    out.push(command(nf, () => (ws.getRange(nf.range).numberFormat = nf.format as unknown as string[][])));
  }
  const styles = spec.styles ?? [];
  for (const span of styles) out.push(styleCommand(ws, span));
  const table = spec.table;
  if (table) {
    const name = uniqueTableName(table.name, tableNames);
    tableNames.push(name);
    out.push(
      command([table.range, name], () => {
        const t = ws.tables.add(table.range, true);
        t.name = name;
        t.style = "TableStyleLight1";
        t.showBandedRows = true;
      }),
    );
  }
  // Merges after the table and styles, as the .xlsx port does.
  for (const span of styles) {
    if (span.merge) out.push(command(span.range, () => ws.getRange(span.range).merge(false)));
  }
  for (const rule of spec.conditionalFormats ?? []) {
    out.push(command(rule, () => void addRule(ws.getRange(rule.range), rule, false)));
  }
  if (features.validationAndEvents) {
    for (const v of spec.validations ?? []) out.push(validationCommand(ws, v, helpers));
  }
  const page = spec.page;
  if (page && features.pageLayoutAndScreen) {
    out.push(
      command(page, () => {
        const layout = ws.pageLayout;
        layout.orientation = page.landscape ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        if (page.repeatRows) layout.setPrintTitleRows(`$${page.repeatRows[0]}:$${page.repeatRows[1]}`);
        const m = page.margins;
        if (m) {
          layout.leftMargin = m.left * POINTS_PER_INCH;
          layout.rightMargin = m.right * POINTS_PER_INCH;
          layout.topMargin = m.top * POINTS_PER_INCH;
          layout.bottomMargin = m.bottom * POINTS_PER_INCH;
          layout.headerMargin = m.header * POINTS_PER_INCH;
          layout.footerMargin = m.footer * POINTS_PER_INCH;
        }
        if (page.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
      }),
    );
  }
  if (spec.showGridLines === false && features.validationAndEvents) {
    out.push(command("gridlines", () => (ws.showGridlines = false)));
  }
  if (spec.hidden) out.push(command("hidden", () => (ws.visibility = "Hidden")));
  const tab = spec.tabColor;
  if (tab && features.freezeAndTabColour) out.push(command(tab, () => (ws.tabColor = hexColour(tab))));
  if (spec.protect) {
    // Last: a protected sheet takes no more formats.
    out.push(command("protect", () => protectSheet(ws, features.freezeAndTabColour)));
  }
  return out;
}
