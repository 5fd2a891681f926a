/**
 * Writes a SheetSpec onto a fresh ExcelJS worksheet: values, column widths, freeze panes, number
 * formats, static styles, conditional formats, list validations, an Excel table, visibility and tab
 * colour.
 *
 * Values: strings are always text cells (shared strings, never <f>), whatever they start with
 * ("=1+1", "+84…", "-5 xã", "@x"); ExcelJS only makes a formula from a { formula } object, which we
 * never build. Two guards keep the file openable: a non-finite number (NaN, ±Infinity) is written as
 * the error #NUM!, and text longer than Excel's 32,767-character cell limit is cut to that length.
 * ExcelJS silently drops XML-invalid control characters (U+0000–U+0008, U+000B, U+000C, U+000E–U+001F).
 *
 * Table: the first row of the range is the header. Excel needs unique, non-empty text headers, so
 * header cells are written as text ("2025" for 2025), empty ones become "Column3" and repeats get a
 * number ("Xã", "Xã2"). A range with only the header row gets one empty data row. The style is
 * TableStyleLight1 with row stripes; the name is made valid and unique (tableName.ts).
 */
import type { Alignment, Borders, Cell, Fill, Font, Workbook, Worksheet } from "exceljs";
import type { OutCell, SheetSpec, StyleSpan, TableSpec } from "../workbook/sheetSpec";
import { cellAddress, parseRangeAddress, type RangePosition } from "../workbook/a1";
import { canonicalRange, setOwnedSheetRules } from "./conditionalFormats";
import { internals, tableNames } from "./internals";
import { uniqueTableName } from "./tableName";
import { HelperLists, listValidationModel } from "./validationLists";
import { defaultFont } from "./exceljsPatches";

export const MAX_CELL_TEXT = 32_767;

function range(address: string, what: string): RangePosition {
  const pos = parseRangeAddress(address);
  if (!pos) throw new Error(`${what}: not a bounded A1 range: "${address}"`);
  return pos;
}

function forEachCell(ws: Worksheet, pos: RangePosition, fn: (cell: Cell) => void): void {
  for (let r = pos.start.row; r <= pos.end.row; r++) {
    const row = ws.getRow(r + 1);
    for (let c = pos.start.col; c <= pos.end.col; c++) fn(row.getCell(c + 1));
  }
}

function argb(rgb: string): { argb: string } {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  if (!/^[0-9A-F]{6}$/.test(hex)) throw new Error(`Not an RRGGBB colour: "${rgb}"`);
  return { argb: "FF" + hex };
}

/** The ExcelJS value of an OutCell. */
export function excelValue(v: OutCell): string | number | boolean | { error: string } | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : { error: "#NUM!" };
  if (typeof v === "string") return v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v;
  return v;
}

function writeRows(ws: Worksheet, rows: readonly OutCell[][]): void {
  rows.forEach((values, r) => {
    if (!values || values.length === 0) return;
    const row = ws.getRow(r + 1);
    values.forEach((v, c) => {
      if (v === null || v === undefined) return;
      (row.getCell(c + 1) as { value: unknown }).value = excelValue(v);
    });
  });
}

const THIN = { style: "thin" } as const;
const THIN_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function applyStyle(ws: Worksheet, span: StyleSpan, baseFont: Partial<Font>): void {
  const pos = range(span.range, "Style");
  const font: Partial<Font> = {};
  if (span.bold !== undefined) font.bold = span.bold;
  if (span.italic !== undefined) font.italic = span.italic;
  if (span.fontSize !== undefined) font.size = span.fontSize;
  if (span.fontColor !== undefined) font.color = argb(span.fontColor);
  const hasFont = Object.keys(font).length > 0;

  const alignment: Partial<Alignment> = {};
  if (span.align !== undefined) alignment.horizontal = span.align;
  if (span.verticalAlign !== undefined) alignment.vertical = span.verticalAlign;
  if (span.wrap !== undefined) alignment.wrapText = span.wrap;
  const hasAlignment = Object.keys(alignment).length > 0;

  const fill: Fill | undefined =
    span.fill !== undefined ? { type: "pattern", pattern: "solid", fgColor: argb(span.fill) } : undefined;

  forEachCell(ws, pos, (cell) => {
    // New objects per cell: ExcelJS style objects may be shared, never mutate them in place.
    // A cell's first font starts from the workbook's default font: ExcelJS writes a font with only
    // <b/> otherwise, which readers fill in with their own default (LibreOffice: a serif face).
    if (hasFont) cell.font = { ...(cell.font ?? baseFont), ...font };
    if (hasAlignment) cell.alignment = { ...cell.alignment, ...alignment };
    if (fill) cell.fill = fill;
    if (span.border) cell.border = THIN_BORDERS;
  });
}

function applyNumberFormat(ws: Worksheet, address: string, format: string): void {
  forEachCell(ws, range(address, "Number format"), (cell) => {
    cell.numFmt = format;
  });
}

function headerNames(values: OutCell[]): string[] {
  const used = new Set<string>();
  return values.map((v, i) => {
    const base = v === null || v === undefined || String(v).trim() === "" ? `Column${i + 1}` : String(v);
    let name = base;
    for (let n = 2; used.has(name.toUpperCase()); n++) name = `${base}${n}`;
    used.add(name.toUpperCase());
    return name;
  });
}

function definedNames(wb: Workbook): string[] {
  const model = (wb.definedNames as unknown as { model?: { name?: string }[] }).model ?? [];
  return model.map((d) => d.name ?? "").filter((n) => n !== "");
}

function applyTable(wb: Workbook, ws: Worksheet, spec: SheetSpec, table: TableSpec): void {
  const pos = range(table.range, "Table");
  const width = pos.end.col - pos.start.col + 1;
  const cellAt = (r: number, c: number): OutCell => spec.rows[r]?.[c] ?? null;
  const header: OutCell[] = [];
  for (let c = pos.start.col; c <= pos.end.col; c++) header.push(cellAt(pos.start.row, c));
  const rows: (ReturnType<typeof excelValue> | null)[][] = [];
  for (let r = pos.start.row + 1; r <= pos.end.row; r++) {
    const row: ReturnType<typeof excelValue>[] = [];
    for (let c = pos.start.col; c <= pos.end.col; c++) row.push(excelValue(cellAt(r, c)));
    rows.push(row);
  }
  if (rows.length === 0) rows.push(new Array(width).fill(null));

  const name = uniqueTableName(table.name, [...tableNames(wb, ws), ...definedNames(wb)]);
  ws.addTable({
    name,
    displayName: name,
    ref: cellAddress(pos.start.row, pos.start.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: "TableStyleLight1", showRowStripes: true },
    columns: headerNames(header).map((n) => ({ name: n, filterButton: true })),
    rows,
  });
}

/**
 * Applies `spec` to `ws`, a worksheet that is empty and freshly added. `helpers` collects the lists of
 * validations too long to inline (written to the meta sheet afterwards).
 */
export function applySheetSpec(wb: Workbook, ws: Worksheet, spec: SheetSpec, helpers: HelperLists): void {
  writeRows(ws, spec.rows);

  spec.columnWidths?.forEach((width, i) => {
    if (typeof width === "number" && width > 0) ws.getColumn(i + 1).width = width;
  });

  if (spec.freeze && (spec.freeze.rows > 0 || spec.freeze.columns > 0)) {
    ws.views = [
      {
        state: "frozen",
        xSplit: spec.freeze.columns,
        ySplit: spec.freeze.rows,
        topLeftCell: cellAddress(spec.freeze.rows, spec.freeze.columns),
      },
    ];
  }

  for (const nf of spec.numberFormats ?? []) applyNumberFormat(ws, nf.range, nf.format);

  const styles = spec.styles ?? [];
  const baseFont = defaultFont(wb) as Partial<Font>;
  for (const span of styles) applyStyle(ws, span, baseFont);

  if (spec.table) applyTable(wb, ws, spec, spec.table);

  // Merges last: merging turns every cell but the top-left into a reference to it.
  for (const span of styles) if (span.merge) ws.mergeCells(canonicalRange(span.range, "Merge"));

  setOwnedSheetRules(ws, spec.conditionalFormats ?? []);

  for (const v of spec.validations ?? []) {
    internals(ws).dataValidations.add(canonicalDvKey(v.range), listValidationModel(v, helpers));
  }

  if (spec.page) {
    // A4 (paper size 9), fitted to one page wide and as many pages tall as needed.
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: spec.page.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
    if (spec.page.repeatRows)
      ws.pageSetup.printTitlesRow = `${spec.page.repeatRows[0]}:${spec.page.repeatRows[1]}`;
  }
  if (spec.hidden) ws.state = "hidden";
  if (spec.tabColor) ws.properties.tabColor = argb(spec.tabColor);
}

/** ExcelJS keys validations by address; its writer needs "B3" for one cell and "B3:D9" for a range. */
function canonicalDvKey(address: string): string {
  const pos = range(address, "Validation");
  const tl = cellAddress(pos.start.row, pos.start.col);
  return pos.start.row === pos.end.row && pos.start.col === pos.end.col
    ? tl
    : `${tl}:${cellAddress(pos.end.row, pos.end.col)}`;
}
