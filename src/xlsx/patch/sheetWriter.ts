/**
 * SheetSpec → worksheet XML, generated directly (no workbook model), as a stream of Buffers of about
 * 1 MB so a 10,500 × 90 result sheet is never one giant string.
 *
 * It matches what applySheetSpec.ts makes ExcelJS write, cell for cell:
 *  - strings are ALWAYS text (inline strings, `t="inlineStr"`), never formulas, whatever they start
 *    with; longer than 32,767 characters they are cut; characters XML 1.0 forbids are dropped; text
 *    that looks like an `_xHHHH_` escape is protected; "" is an empty cell (as when a user clears one);
 *  - numbers as they are, a non-finite number as the error #NUM!; booleans as `t="b"`;
 *  - column widths, frozen panes, tab colour, page setup (A4, fit to width; print titles are a defined
 *    name, written by the port);
 *  - number formats first, then the style spans in order, each span's font starting from the
 *    workbook's default font (StyleBook.font), later spans overriding earlier ones property by property;
 *  - merges last: the covered cells lose their values and take the top-left cell's style;
 *  - conditional formats with priorities 1..n in order (src/workbook/formats/toolRules.ts for the formulas):
 *    expression rules with a dxf from HIGHLIGHT_PALETTE, data bars in both the 2007 form and the Excel
 *    2010 extension (solid, 0..1), their ids derived from the sheet name so re-running is stable.
 * Tables and list validations are not written: the port refuses specs that have them.
 */
import { createHash } from "crypto";
import type { OutCell, SheetSpec, StyleSpan } from "../../workbook/sheetSpec";
import { DATA_BAR_COLOUR, HIGHLIGHT_PALETTE } from "../../workbook/formats/palette";
import {
  cellAddress,
  columnLetters,
  parseRangeAddress,
  quoteSheetName,
  type RangePosition,
} from "../../workbook/a1";
import { MAX_CELL_TEXT } from "../applySheetSpec";
import { ruleFormula } from "../../workbook/formats/toolRules";
import { canonicalRange } from "../conditionalFormats";
import { argbOf, type FontOverride, type StyleBook } from "./stylesXml";
import { encodeOoxmlEscapes, escapeAttr, escapeText } from "./xmlText";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const X14_NS = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const XM_NS = "http://schemas.microsoft.com/office/excel/2006/main";
/** Extension URIs Excel uses: a data bar's x14 id inside the 2007 rule, and the x14 rules list. */
const EXT_DATABAR_ID = "{B025F937-C7B1-47D3-B67F-A62EFF666E3E}";
const EXT_CONDITIONAL_FORMATS = "{78C0D931-6437-407d-A8EE-F0AAD7539E65}";

/** Flush the row text to a Buffer about every this many characters. */
const FLUSH_CHARS = 1 << 20;

function range(address: string, where: string): RangePosition {
  const pos = parseRangeAddress(address);
  if (!pos) throw new Error(`${where}: not a bounded A1 range: "${address}"`);
  return pos;
}

function overlaps(a: RangePosition, b: RangePosition): boolean {
  return (
    a.start.row <= b.end.row &&
    b.start.row <= a.end.row &&
    a.start.col <= b.end.col &&
    b.start.col <= a.end.col
  );
}

function isSingleCell(p: RangePosition): boolean {
  return p.start.row === p.end.row && p.start.col === p.end.col;
}

/**
 * Everything about a spec that could make writing fail, checked before anything is written. Messages
 * match the ExcelJS port's where both ports refuse the same thing.
 */
export function checkSheetSpec(spec: SheetSpec): void {
  const where = `Sheet "${spec.name}"`;
  if (spec.table) {
    throw new Error(
      `${where}: the patch port does not write Excel tables (write templates with XlsxWorkbookPort)`,
    );
  }
  if (spec.validations && spec.validations.length > 0) {
    throw new Error(
      `${where}: the patch port does not write list validations (write templates with XlsxWorkbookPort)`,
    );
  }
  const merges: RangePosition[] = [];
  for (const s of spec.styles ?? []) {
    const pos = range(s.range, `${where}, style`);
    if (s.fontColor !== undefined) argbOf(s.fontColor);
    if (s.fill !== undefined) argbOf(s.fill);
    if (s.fontSize !== undefined && !(Number.isFinite(s.fontSize) && s.fontSize > 0)) {
      throw new Error(`${where}, style on ${s.range}: font size must be a positive number`);
    }
    if (s.merge && !isSingleCell(pos)) {
      const clash = merges.find((m) => overlaps(m, pos));
      if (clash) throw new Error(`${where}: merged range ${s.range} overlaps another merged range`);
      merges.push(pos);
    }
  }
  for (const f of spec.numberFormats ?? []) range(f.range, `${where}, number format`);
  for (const r of spec.conditionalFormats ?? []) {
    range(r.range, `${where}, conditional format`);
    if (r.kind === "dataBar") argbOf(r.color || DATA_BAR_COLOUR);
  }
  if (spec.tabColor) argbOf(spec.tabColor);
  const repeat = spec.page?.repeatRows;
  if (repeat && !repeat.every((r) => Number.isSafeInteger(r) && r >= 1 && r <= 1_048_576)) {
    throw new Error(`${where}: rows to repeat on every page must be 1-based row numbers`);
  }
  if (spec.freeze) {
    const { rows, columns } = spec.freeze;
    if (!Number.isSafeInteger(rows) || rows < 0 || !Number.isSafeInteger(columns) || columns < 0) {
      throw new Error(`${where}: freeze rows and columns must be non-negative integers`);
    }
  }
}

// ---------------------------------------------------------------- styles per cell

interface Layer {
  order: number;
  pos: RangePosition;
  numFmt?: string;
  span?: StyleSpan;
}

interface CellStyle {
  numFmt?: string;
  font?: FontOverride;
  fill?: string;
  border?: boolean;
  horizontal?: StyleSpan["align"];
  vertical?: StyleSpan["verticalAlign"];
  wrap?: boolean;
}

function apply(style: CellStyle | undefined, layer: Layer): CellStyle {
  const out: CellStyle = style ? { ...style } : {};
  if (layer.numFmt !== undefined) {
    out.numFmt = layer.numFmt;
    return out;
  }
  const s = layer.span!;
  if (
    s.bold !== undefined ||
    s.italic !== undefined ||
    s.fontSize !== undefined ||
    s.fontColor !== undefined
  ) {
    const font: FontOverride = { ...out.font };
    if (s.bold !== undefined) font.bold = s.bold;
    if (s.italic !== undefined) font.italic = s.italic;
    if (s.fontSize !== undefined) font.size = s.fontSize;
    if (s.fontColor !== undefined) font.color = s.fontColor;
    out.font = font;
  }
  if (s.align !== undefined) out.horizontal = s.align;
  if (s.verticalAlign !== undefined) out.vertical = s.verticalAlign;
  if (s.wrap !== undefined) out.wrap = s.wrap;
  if (s.fill !== undefined) out.fill = s.fill;
  if (s.border) out.border = true;
  return out;
}

/** Resolves CellStyles to cellXfs indices through the StyleBook, once per distinct style. */
class XfCache {
  private readonly byKey = new Map<string, number>();
  constructor(private readonly book: StyleBook) {}

  xf(style: CellStyle | undefined): number {
    if (!style) return 0;
    const f = style.font;
    const key = [
      style.numFmt ?? "",
      f ? `${f.bold ?? ""},${f.italic ?? ""},${f.size ?? ""},${f.color ?? ""}` : "-",
      style.fill ?? "",
      style.border ? 1 : 0,
      style.horizontal ?? "",
      style.vertical ?? "",
      style.wrap ?? "",
    ].join("|");
    let id = this.byKey.get(key);
    if (id === undefined) {
      const book = this.book;
      id = book.xf({
        numFmtId: style.numFmt !== undefined ? book.numFmt(style.numFmt) : 0,
        fontId: f ? book.font(f) : 0,
        fillId: style.fill !== undefined ? book.fill(style.fill) : 0,
        borderId: style.border ? book.thinBorder() : 0,
        horizontal: style.horizontal,
        vertical: style.vertical,
        wrap: style.wrap,
      });
      this.byKey.set(key, id);
    }
    return id;
  }
}

function layersOf(spec: SheetSpec): Layer[] {
  const layers: Layer[] = [];
  for (const nf of spec.numberFormats ?? []) {
    layers.push({ order: layers.length, pos: range(nf.range, "Number format"), numFmt: nf.format });
  }
  for (const span of spec.styles ?? [])
    layers.push({ order: layers.length, pos: range(span.range, "Style"), span });
  return layers;
}

/** Cell xf ids of one row band: `xf[c]` for the layers active on it (0 = no style). */
function rowXfs(active: readonly Layer[], cache: XfCache): Int32Array {
  let width = 0;
  for (const l of active) width = Math.max(width, l.pos.end.col + 1);
  const styles: (CellStyle | undefined)[] = new Array(width);
  for (const l of active) {
    for (let c = l.pos.start.col; c <= l.pos.end.col; c++) styles[c] = apply(styles[c], l);
  }
  const xfs = new Int32Array(width);
  for (let c = 0; c < width; c++) xfs[c] = cache.xf(styles[c]);
  return xfs;
}

function styleAt(layers: readonly Layer[], row: number, col: number): CellStyle | undefined {
  let style: CellStyle | undefined;
  for (const l of layers) {
    const p = l.pos;
    if (row >= p.start.row && row <= p.end.row && col >= p.start.col && col <= p.end.col)
      style = apply(style, l);
  }
  return style;
}

// ---------------------------------------------------------------- cells

const letters: string[] = [];
function colLetters(c: number): string {
  return (letters[c] ??= columnLetters(c));
}

function isEmpty(v: OutCell | undefined): boolean {
  return v === null || v === undefined || v === "";
}

function cellXml(ref: string, v: OutCell | undefined, xf: number): string {
  const s = xf > 0 ? ` s="${xf}"` : "";
  if (isEmpty(v)) return xf > 0 ? `<c r="${ref}"${s}/>` : "";
  switch (typeof v) {
    case "number":
      return Number.isFinite(v)
        ? `<c r="${ref}"${s}><v>${v}</v></c>`
        : `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
    case "boolean":
      return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
    default: {
      const str = String(v);
      const text = str.length > MAX_CELL_TEXT ? str.slice(0, MAX_CELL_TEXT) : str;
      const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      return `<c r="${ref}"${s} t="inlineStr"><is><t${preserve}>${escapeText(encodeOoxmlEscapes(text))}</t></is></c>`;
    }
  }
}

interface MergeBand {
  c0: number;
  c1: number;
  xf: number;
  /** The top-left cell's column on the merge's first row (it keeps its value and style), else -1. */
  keep: number;
}

/** Last row and column (0-based) holding a value or a style, or -1 when the sheet is empty. */
function extent(spec: SheetSpec, layers: readonly Layer[]): { row: number; col: number } {
  let row = -1;
  let col = -1;
  spec.rows.forEach((values, r) => {
    if (!values) return;
    for (let c = values.length - 1; c >= 0; c--) {
      if (!isEmpty(values[c])) {
        row = r;
        if (c > col) col = c;
        break;
      }
    }
  });
  for (const l of layers) {
    row = Math.max(row, l.pos.end.row);
    col = Math.max(col, l.pos.end.col);
  }
  return { row, col };
}

function guid(seed: string): string {
  const h = createHash("md5").update(seed).digest("hex").toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`;
}

function conditionalFormats(spec: SheetSpec, book: StyleBook): { main: string; ext: string } {
  let main = "";
  let ext = "";
  (spec.conditionalFormats ?? []).forEach((rule, i) => {
    const ref = escapeAttr(canonicalRange(rule.range, "Conditional format"));
    const priority = i + 1;
    if (rule.kind === "dataBar") {
      const id = guid(`${spec.name}\u0000${i}`);
      main +=
        `<conditionalFormatting sqref="${ref}"><cfRule type="dataBar" priority="${priority}"><dataBar>` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="${argbOf(rule.color || DATA_BAR_COLOUR)}"/>` +
        `</dataBar><extLst><ext uri="${EXT_DATABAR_ID}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst>` +
        `</cfRule></conditionalFormatting>`;
      ext +=
        `<x14:conditionalFormatting xmlns:xm="${XM_NS}"><x14:cfRule type="dataBar" id="${id}">` +
        `<x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="num"><xm:f>0</xm:f></x14:cfvo>` +
        `<x14:cfvo type="num"><xm:f>1</xm:f></x14:cfvo><x14:negativeFillColor rgb="FFFF0000"/>` +
        `<x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>${ref}</xm:sqref>` +
        `</x14:conditionalFormatting>`;
      return;
    }
    const colours = HIGHLIGHT_PALETTE[rule.style];
    const dxf = book.dxf({ font: colours.font, fill: colours.fill });
    main +=
      `<conditionalFormatting sqref="${ref}"><cfRule type="expression" dxfId="${dxf}" priority="${priority}">` +
      `<formula>${escapeText(ruleFormula(rule))}</formula></cfRule></conditionalFormatting>`;
  });
  if (ext) {
    ext = `<extLst><ext uri="${EXT_CONDITIONAL_FORMATS}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${ext}</x14:conditionalFormattings></ext></extLst>`;
  }
  return { main, ext };
}

function sheetViews(spec: SheetSpec): string {
  const f = spec.freeze;
  if (!f || (f.rows <= 0 && f.columns <= 0))
    return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const topLeft = cellAddress(f.rows, f.columns);
  const pane = f.columns > 0 && f.rows > 0 ? "bottomRight" : f.rows > 0 ? "bottomLeft" : "topRight";
  const x = f.columns > 0 ? ` xSplit="${f.columns}"` : "";
  const y = f.rows > 0 ? ` ySplit="${f.rows}"` : "";
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${x}${y} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** A4 (paper size 9), fitted to one page wide and as many pages tall as needed (as applySheetSpec.ts). */
function pageSetup(spec: SheetSpec): string {
  if (!spec.page) return "";
  const orientation = spec.page.landscape ? "landscape" : "portrait";
  return `<pageSetup paperSize="9" orientation="${orientation}" fitToWidth="1" fitToHeight="0"/>`;
}

/**
 * The formula of the sheet's print titles (`_xlnm.Print_Titles`, rows repeated on every page), or null.
 * Rows are 1-based inclusive, as in PageSetup.repeatRows.
 */
export function printTitles(spec: SheetSpec): string | null {
  const rows = spec.page?.repeatRows;
  if (!rows) return null;
  const [a, b] = rows;
  return `${quoteSheetName(spec.name)}!$${Math.min(a, b)}:$${Math.max(a, b)}`;
}

function cols(spec: SheetSpec): string {
  let out = "";
  (spec.columnWidths ?? []).forEach((w, i) => {
    if (typeof w === "number" && Number.isFinite(w) && w > 0) {
      out += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
    }
  });
  return out ? `<cols>${out}</cols>` : "";
}

/**
 * The worksheet XML of `spec` as Buffers. Styles are added to `book` as the rows are generated, so the
 * stylesheet must be serialised after the generator is exhausted.
 */
export function* sheetXmlChunks(spec: SheetSpec, book: StyleBook): Generator<Buffer> {
  const layers = layersOf(spec);
  const cache = new XfCache(book);
  const { row: lastRow, col: lastCol } = extent(spec, layers);

  // Merges: covered cells take the top-left cell's style and lose their value.
  const merges = new Map<number, MergeBand[]>();
  const mergeRefs: string[] = [];
  for (const span of spec.styles ?? []) {
    if (!span.merge) continue;
    const pos = range(span.range, "Merge");
    if (isSingleCell(pos)) continue;
    mergeRefs.push(canonicalRange(span.range, "Merge"));
    const xf = cache.xf(styleAt(layers, pos.start.row, pos.start.col));
    for (let r = pos.start.row; r <= pos.end.row; r++) {
      const band = { c0: pos.start.col, c1: pos.end.col, xf, keep: r === pos.start.row ? pos.start.col : -1 };
      const list = merges.get(r);
      if (list) list.push(band);
      else merges.set(r, [band]);
    }
  }

  const tabColor = spec.tabColor ? `<tabColor rgb="${argbOf(spec.tabColor)}"/>` : "";
  const fit = spec.page ? '<pageSetUpPr fitToPage="1"/>' : "";
  const tab = tabColor || fit ? `<sheetPr>${tabColor}${fit}</sheetPr>` : "";
  const dimension = lastRow < 0 ? "A1" : `A1:${colLetters(Math.max(lastCol, 0))}${lastRow + 1}`;
  yield Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${tab}<dimension ref="${dimension}"/>` +
      `${sheetViews(spec)}<sheetFormatPr defaultRowHeight="15"/>${cols(spec)}<sheetData>`,
    "utf8",
  );

  // Rows: a sweep over the layers, recomputing the styles of a row only when the set of layers on it
  // changes (a header band, then thousands of data rows under the same layers).
  const byStart = [...layers].sort((a, b) => a.pos.start.row - b.pos.start.row || a.order - b.order);
  let next = 0;
  let active: Layer[] = [];
  let xfs: Int32Array = new Int32Array(0);
  let dirty = true;
  let parts: string[] = [];
  let pending = 0;
  for (let r = 0; r <= lastRow; r++) {
    if (active.some((l) => l.pos.end.row < r)) {
      active = active.filter((l) => l.pos.end.row >= r);
      dirty = true;
    }
    while (next < byStart.length && byStart[next].pos.start.row <= r) {
      active.push(byStart[next++]);
      dirty = true;
    }
    if (dirty) {
      active.sort((a, b) => a.order - b.order);
      xfs = rowXfs(active, cache);
      dirty = false;
    }
    const values = spec.rows[r];
    const bands = merges.get(r);
    let width = Math.max(values ? values.length : 0, xfs.length);
    if (bands) for (const b of bands) width = Math.max(width, b.c1 + 1);
    if (width === 0) continue;
    const rowNo = r + 1;
    let cells = "";
    for (let c = 0; c < width; c++) {
      let xf = c < xfs.length ? xfs[c] : 0;
      let v: OutCell | undefined = values ? values[c] : undefined;
      if (bands) {
        for (const b of bands) {
          if (c >= b.c0 && c <= b.c1 && c !== b.keep) {
            xf = b.xf;
            v = null;
            break;
          }
        }
      }
      if (xf === 0 && isEmpty(v)) continue;
      cells += cellXml(colLetters(c) + rowNo, v, xf);
    }
    if (cells === "") continue;
    const row = `<row r="${rowNo}">${cells}</row>`;
    parts.push(row);
    pending += row.length;
    if (pending >= FLUSH_CHARS) {
      yield Buffer.from(parts.join(""), "utf8");
      parts = [];
      pending = 0;
    }
  }
  if (parts.length > 0) yield Buffer.from(parts.join(""), "utf8");

  const merged = mergeRefs.length
    ? `<mergeCells count="${mergeRefs.length}">${mergeRefs.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const cf = conditionalFormats(spec, book);
  yield Buffer.from(
    `</sheetData>${merged}${cf.main}` +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      pageSetup(spec) +
      `${cf.ext}</worksheet>`,
    "utf8",
  );
}
