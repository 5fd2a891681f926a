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
 * TableStyleLight1 with row stripes; the name is made valid and unique (src/workbook/formats/tableNames.ts).
 *
 * Document layout (reports): `font` is the font of every written cell and of every column up to the
 * widest row, so cells typed later look the same; style spans change size, weight and colour on top
 * of it. `page` prints on A4, fitted to one page wide, with margins, repeated rows and a centred
 * footer; `showGridLines: false` hides the gridlines on screen; `protect` locks the sheet without a
 * password (cells and objects stay selectable and copyable, nothing can be typed or formatted).
 * Rows of a document sheet get heights estimated from their wrapped text (see fitRowHeights):
 * readers do not size rows to their text themselves.
 */
import type { Alignment, Borders, Cell, Fill, Font, Workbook, Worksheet, WorksheetProtection } from "exceljs";
import type { OutCell, PageSetup, SheetSpec, StyleSpan, TableSpec } from "../workbook/sheetSpec";
import { cellAddress, parseRangeAddress, type RangePosition } from "../workbook/a1";
import { canonicalRange, setOwnedSheetRules } from "./conditionalFormats";
import { internals, tableNames } from "./internals";
import { uniqueTableName } from "../workbook/formats/tableNames";
import type { HelperLists } from "../workbook/formats/validationLists";
import { rgbHex } from "../workbook/formats/palette";
import { listValidationModel } from "./validationLists";
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
  return { argb: "FF" + rgbHex(rgb) };
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

  // New objects, never a change in place: ExcelJS style objects may be shared. Cells that had the
  // same font (alignment) get the same new one, so a saved workbook dedupes them cheaply.
  const fonts = new Map<Partial<Font> | undefined, Partial<Font>>();
  const alignments = new Map<Partial<Alignment> | undefined, Partial<Alignment>>();
  forEachCell(ws, pos, (cell) => {
    // A cell's first font starts from the workbook's default font: ExcelJS writes a font with only
    // <b/> otherwise, which readers fill in with their own default (LibreOffice: a serif face).
    if (hasFont) {
      const before = cell.font as Partial<Font> | undefined;
      let after = fonts.get(before);
      if (!after) fonts.set(before, (after = { ...(before ?? baseFont), ...font }));
      cell.font = after;
    }
    if (hasAlignment) {
      const before = cell.alignment as Partial<Alignment> | undefined;
      let after = alignments.get(before);
      if (!after) alignments.set(before, (after = { ...before, ...alignment }));
      cell.alignment = after;
    }
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
  // The columns' font first: every cell written after it starts from it (ExcelJS copies a column's
  // style into each new cell of the column).
  const baseFont = spec.font ? sheetFont(ws, spec) : (defaultFont(wb) as Partial<Font>);
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
  for (const span of styles) applyStyle(ws, span, baseFont);

  if (spec.table) applyTable(wb, ws, spec, spec.table);

  // Merges last: merging turns every cell but the top-left into a reference to it.
  mergeAll(
    ws,
    styles.filter((span) => span.merge).map((span) => span.range),
  );
  if (spec.font) {
    const digit = maxDigitPixels(defaultFont(wb));
    fitRowHeights(ws, spec, spec.font.size, digit);
    if (spec.page) keepClosingBlockTogether(ws, spec, spec.page, spec.font.size, digit);
  }

  setOwnedSheetRules(ws, spec.conditionalFormats ?? []);

  for (const v of spec.validations ?? []) {
    internals(ws).dataValidations.add(canonicalDvKey(v.range), listValidationModel(v, helpers));
  }

  if (spec.page) applyPage(ws, spec.page);
  if (spec.showGridLines === false) {
    const [first, ...rest] = ws.views.length > 0 ? ws.views : [{}];
    ws.views = [{ ...first, showGridLines: false }, ...rest];
  }
  // What worksheet.protect("", options) sets, without its promise (the typings omit the field).
  if (spec.protect) (ws as unknown as { sheetProtection: object }).sheetProtection = { ...SHEET_PROTECTION };
  if (spec.hidden) ws.state = "hidden";
  if (spec.tabColor) ws.properties.tabColor = argb(spec.tabColor);
}

/**
 * Sets `spec.font` on every column up to the widest row: cells created afterwards in those columns
 * start from it. Returns it as the base font of the style spans.
 */
function sheetFont(ws: Worksheet, spec: SheetSpec): Partial<Font> {
  const font: Partial<Font> = { name: spec.font!.name, size: spec.font!.size };
  let width = spec.columnWidths?.length ?? 0;
  for (const row of spec.rows) width = Math.max(width, row?.length ?? 0);
  // One object shared by the columns and their cells: ExcelJS never mutates it, and neither do we.
  for (let c = 1; c <= width; c++) ws.getColumn(c).font = font;
  return font;
}

// ---- Row heights of document sheets ----
//
// Neither ExcelJS nor LibreOffice sizes a row to its wrapped text when the file gives no height (and
// Excel never does for merged cells), so a document's wrapped cells would print clipped or over the
// next row. Document sheets (`font` set) get each row's height from its text: lines by greedy word
// wrap over the cell's width (merged columns added up) with Times New Roman advance widths (NFC text), times
// the line height of the cell's font size. The estimate errs on the side of one line too many.

/** Advance widths of Times New Roman (Liberation Serif) in em, by base letter (diacritics removed). */
const EM: Record<string, number> = (() => {
  const table: Record<string, number> = {};
  const set = (chars: string, w: number) => {
    for (const ch of chars) table[ch] = w;
  };
  set("abcdeghknopquvxyz", 0.5);
  set("acez", 0.444);
  set("fr", 0.333);
  set("ijlt", 0.278);
  set("s", 0.389);
  set("m", 0.778);
  set("w", 0.722);
  set("ACDGHKNOQUVXY", 0.722);
  set("BR", 0.667);
  set("ELTZ", 0.611);
  set(" ", 0.25);
  set("FPS", 0.556);
  set("I", 0.333);
  set("J", 0.389);
  set("M", 0.889);
  set("W", 0.944);
  set("0123456789–«»", 0.5);
  set(".,", 0.25);
  set(":;/'", 0.278);
  set("()-!", 0.333);
  set("%", 0.833);
  set("&", 0.778);
  set('“”?"', 0.444);
  set("+=×≥≤<>", 0.564);
  set("—…", 1);
  return table;
})();
const EM_DEFAULT = 0.56;
const BOLD_FACTOR = 1.08;
const LINE_HEIGHT = 1.17; // × font size, points per line
const ROW_PADDING = 3; // points above and below the text
const CELL_PADDING = 6; // points of a cell's width that text never uses
const DEFAULT_COLUMN_WIDTH = 8.43;

/**
 * Width in points of `text` at `size` points. Vietnamese letters with a horn (ơ, ư) or with a dot or
 * hook (the U+1EA0–U+1EF9 block) count wider than their base letter: fonts without those glyphs
 * (Liberation Serif 1.x, which LibreOffice uses for Times New Roman) fall back to a wider face.
 */
function textPoints(text: string, size: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += CHAR_EM.get(ch) ?? charEm(ch);
  return em * size * (bold ? BOLD_FACTOR : 1);
}

const CHAR_EM = new Map<string, number>();

function charEm(ch: string): number {
  const code = ch.charCodeAt(0);
  let em: number;
  if (code >= 0x300 && code <= 0x36f)
    em = 0; // a mark left over by NFC takes no width
  else if (code >= 0x1ea0 && code <= 0x1ef9) em = code % 2 === 1 ? 0.6 : 0.78;
  else if (ch === "ơ" || ch === "ư") em = 0.6;
  else if (ch === "Ơ" || ch === "Ư") em = 0.78;
  else {
    const base = ch.normalize("NFD")[0];
    em = EM[base === "đ" ? "d" : base === "Đ" ? "D" : base] ?? EM_DEFAULT;
  }
  CHAR_EM.set(ch, em);
  return em;
}

/**
 * Pixels (at 96 dpi) of the widest digit of the workbook's default font: Excel's unit of column width
 * (Calibri 11: 7 px; Times New Roman 12: 8 px).
 */
export function maxDigitPixels(font: { name?: unknown; size?: unknown }): number {
  const size = typeof font.size === "number" && font.size > 0 ? font.size : 11;
  const name = typeof font.name === "string" ? font.name : "Calibri";
  const digitEm = /times|serif/i.test(name) ? 0.5 : /calibri|carlito/i.test(name) ? 0.507 : 0.556;
  return Math.max(1, Math.round((digitEm * size * 96) / 72));
}

/**
 * Points of text room in a column of Excel width `w`: `digit` pixels a character (Excel adds 5 px of
 * padding, LibreOffice does not: the narrower of the two).
 */
function columnPoints(w: number, digit: number): number {
  return Math.max(1, Math.floor(w * digit) * 0.75 - CELL_PADDING);
}

/** Lines `text` takes when word-wrapped in `room` points. */
export function wrappedLines(text: string, room: number, size: number, bold: boolean): number {
  const space = textPoints(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    lines++;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === "") continue;
      let w = textPoints(word, size, bold);
      if (used > 0 && used + space + w <= room) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell breaks anywhere.
      while (w > room) {
        lines++;
        w -= room;
      }
      used = w;
    }
  }
  return lines;
}

function fitRowHeights(ws: Worksheet, spec: SheetSpec, baseSize: number, digit: number): void {
  const widths: number[] = [];
  const columnWidth = (c: number): number =>
    (widths[c] ??= columnPoints(ws.getColumn(c + 1).width ?? DEFAULT_COLUMN_WIDTH, digit));
  // Last column of each one-row merge, by top-left cell; cells of taller merges are left alone.
  const mergedTo = new Map<number, number>();
  const WIDE = 16_384;
  for (const span of spec.styles ?? []) {
    if (!span.merge) continue;
    const pos = range(span.range, "Merge");
    mergedTo.set(pos.start.row * WIDE + pos.start.col, pos.start.row === pos.end.row ? pos.end.col : -1);
  }
  spec.rows.forEach((values, r) => {
    if (!values || values.length === 0) return;
    const row = ws.getRow(r + 1);
    let height = 0;
    values.forEach((v, c) => {
      if (v === null || v === undefined || v === "") return;
      const last = mergedTo.get(r * WIDE + c) ?? c;
      if (last < 0) return;
      const cell = row.getCell(c + 1);
      const size = cell.font?.size ?? baseSize;
      let lines = 1;
      if (typeof v === "string" && cell.alignment?.wrapText) {
        let room = 0;
        for (let k = c; k <= last; k++) room += columnWidth(k) + (k > c ? CELL_PADDING : 0);
        lines = wrappedLines(v, room, size, cell.font?.bold === true);
      }
      height = Math.max(height, lines * size * LINE_HEIGHT + ROW_PADDING);
    });
    if (height > 0) row.height = Math.round(height * 4) / 4;
  });
}

// ---- The closing block of a document on one page ----
//
// A document ends with a block after its last empty row (recipients and the signature): split over
// two pages, the signature lands on a page of its own. Where the pages break is estimated from the
// row heights (set above) and the fit-to-width scale; when the block would straddle a break, or end
// within 5% of a page from one, a manual page break goes before it. LibreOffice honours a manual row
// break under fit-to-width (one page wide, automatic height); Excel may ignore manual breaks while it
// scales to fit, and then prints as it would have anyway. Column widths are tried with Excel's 5 px
// of padding a column and without, to cover both readers' scales.

const A4 = { width: 11.69 * 72, height: 8.27 * 72 }; // landscape, points
const EXCEL_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75 };
/** Longest closing block moved whole to the next page; a longer one is left to break where it falls. */
const MAX_CLOSING_ROWS = 40;
/** Room kept below the block's last row on its page: the estimate is off by a row or two. */
const PAGE_SLACK = 0.05;

const isEmptyRow = (row: OutCell[] | undefined): boolean =>
  !row || row.every((v) => v === null || v === undefined || v === "");

/**
 * Where each row prints: its page (0-based) and how far down that page it ends, for rows of
 * `heights` on pages of `capacity` points (sheet points, before scaling).
 */
function paginate(
  heights: readonly number[],
  capacity: number,
  repeat: [number, number] | undefined,
): { page: number[]; bottom: number[] } {
  const repeatHeight = repeat ? heights.slice(repeat[0], repeat[1] + 1).reduce((a, b) => a + b, 0) : 0;
  const page: number[] = [];
  const bottom: number[] = [];
  let current = 0;
  let y = 0;
  heights.forEach((h, r) => {
    if (y > 0 && y + h > capacity) {
      current++;
      // Print titles come back at the top of every page after the one they first appear on.
      y = repeat && r > repeat[1] ? repeatHeight : 0;
    }
    y += h;
    page.push(current);
    bottom.push(y);
  });
  return { page, bottom };
}

export function keepClosingBlockTogether(
  ws: Worksheet,
  spec: SheetSpec,
  page: PageSetup,
  size: number,
  digit: number,
): void {
  const rows = spec.rows;
  let end = rows.length - 1;
  while (end >= 0 && isEmptyRow(rows[end])) end--;
  let blank = end;
  while (blank >= 0 && !isEmptyRow(rows[blank])) blank--;
  if (blank <= 0 || end - blank > MAX_CLOSING_ROWS) return;

  const defaultHeight = size * LINE_HEIGHT + ROW_PADDING;
  const heights: number[] = [];
  for (let r = 0; r <= end; r++) heights.push(ws.getRow(r + 1).height || defaultHeight);
  const m = page.margins ?? EXCEL_MARGINS;
  const [paperWidth, paperHeight] = page.landscape ? [A4.width, A4.height] : [A4.height, A4.width];
  const printWidth = paperWidth - (m.left + m.right) * 72;
  const printHeight = paperHeight - (m.top + m.bottom) * 72;
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row?.length ?? 0);
  columns = Math.max(columns, spec.columnWidths?.length ?? 0);
  const repeat: [number, number] | undefined = page.repeatRows
    ? [page.repeatRows[0] - 1, page.repeatRows[1] - 1]
    : undefined;

  for (const padding of [5, 0]) {
    let width = 0;
    for (let c = 0; c < columns; c++)
      width += (Math.floor((ws.getColumn(c + 1).width ?? DEFAULT_COLUMN_WIDTH) * digit) + padding) * 0.75;
    const scale = Math.min(1, printWidth / width);
    const capacity = printHeight / scale;
    const { page: pages, bottom } = paginate(heights, capacity, repeat);
    if (pages[blank + 1] !== pages[end] || bottom[end] > capacity * (1 - PAGE_SLACK)) {
      // ExcelJS writes a break after the row it is added to: the empty row ends the page.
      ws.getRow(blank + 1).addPageBreak();
      return;
    }
  }
}

/** A4 (paper size 9), fitted to one page wide and as many pages tall as needed. */
function applyPage(ws: Worksheet, page: PageSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: page.landscape ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(page.margins ? { margins: { ...page.margins } } : {}),
  };
  if (page.repeatRows) ws.pageSetup.printTitlesRow = `${page.repeatRows[0]}:${page.repeatRows[1]}`;
  if (page.footer !== undefined) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${page.footer}` };
}

/**
 * Locked against edits, no password: locked and unlocked cells can be selected (and copied), charts
 * too (a department pastes them into its own documents); formatting, inserting, deleting, sorting
 * and filtering are not allowed. ExcelJS writes `false` as the attribute that forbids the action.
 */
const SHEET_PROTECTION: Partial<WorksheetProtection> & { sheet: boolean } = {
  sheet: true,
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatCells: false,
  formatColumns: false,
  formatRows: false,
  insertColumns: false,
  insertRows: false,
  insertHyperlinks: false,
  deleteColumns: false,
  deleteRows: false,
  sort: false,
  autoFilter: false,
  pivotTables: false,
};

/**
 * Merges each range, refusing overlaps as ExcelJS does. ExcelJS compares every new merge with every
 * merge already on the sheet (quadratic: ~1 s for a report with a few thousand merged rows); the
 * overlap check here marks covered cells instead, and ExcelJS merges each range against an empty list.
 */
function mergeAll(ws: Worksheet, ranges: readonly string[]): void {
  const covered = new Set<number>();
  const WIDE = 16_384;
  for (const address of ranges) {
    const pos = range(address, "Merge");
    for (let r = pos.start.row; r <= pos.end.row; r++)
      for (let c = pos.start.col; c <= pos.end.col; c++) {
        if (covered.has(r * WIDE + c)) throw new Error(`Merge ${address}: cannot merge already merged cells`);
        covered.add(r * WIDE + c);
      }
  }
  const sheet = ws as unknown as { _merges: Record<string, unknown> };
  const merges = sheet._merges;
  try {
    for (const address of ranges) {
      sheet._merges = {};
      ws.mergeCells(canonicalRange(address, "Merge"));
      Object.assign(merges, sheet._merges);
    }
  } finally {
    sheet._merges = merges;
  }
}

/** ExcelJS keys validations by address; its writer needs "B3" for one cell and "B3:D9" for a range. */
function canonicalDvKey(address: string): string {
  const pos = range(address, "Validation");
  const tl = cellAddress(pos.start.row, pos.start.col);
  return pos.start.row === pos.end.row && pos.start.col === pos.end.col
    ? tl
    : `${tl}:${cellAddress(pos.end.row, pos.end.col)}`;
}
