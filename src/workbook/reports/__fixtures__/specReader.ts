/**
 * Reading a report's SheetSpec back in tests: cell text, the styles covering a cell, merged blocks,
 * and the rows of a table below its header. Test support only.
 */
import { parseRangeAddress } from "../../a1";
import type { OutCell, SheetSpec, StyleSpan } from "../../sheetSpec";

export const cell = (spec: SheetSpec, r: number, c: number): OutCell => spec.rows[r]?.[c] ?? null;

/** Every non-empty text of a row, in order. */
export const rowTexts = (spec: SheetSpec, r: number): string[] =>
  (spec.rows[r] ?? []).filter((v) => v !== null && v !== "").map((v) => String(v));

/** 0-based index of the first row whose cell `c` equals `text` (or satisfies the test), -1 when none. */
export function findRow(spec: SheetSpec, match: string | ((v: OutCell) => boolean), c = 0, from = 0): number {
  const test = typeof match === "string" ? (v: OutCell) => v === match : match;
  for (let r = from; r < spec.rows.length; r++) if (test(cell(spec, r, c))) return r;
  return -1;
}

/** The style spans whose range covers (r, c), in order. */
export function spansAt(spec: SheetSpec, r: number, c: number): StyleSpan[] {
  return (spec.styles ?? []).filter((s) => {
    const p = parseRangeAddress(s.range);
    return p !== null && p.start.row <= r && r <= p.end.row && p.start.col <= c && c <= p.end.col;
  });
}

/** The effective style of (r, c): later spans win, as the ports apply them. */
export function styleAt(spec: SheetSpec, r: number, c: number): Omit<StyleSpan, "range"> {
  const out: Omit<StyleSpan, "range"> = {};
  for (const span of spansAt(spec, r, c)) Object.assign(out, span);
  delete (out as Partial<StyleSpan>).range;
  return out;
}

/** The merged block starting at (r, c), as [c0, c1], or null. */
export function mergeAt(spec: SheetSpec, r: number, c: number): [number, number] | null {
  for (const s of spec.styles ?? []) {
    if (!s.merge) continue;
    const p = parseRangeAddress(s.range);
    if (p && p.start.row === r && p.start.col === c) return [p.start.col, p.end.col];
  }
  return null;
}

/** The number format covering (r, c), or undefined. */
export function formatAt(spec: SheetSpec, r: number, c: number): string | undefined {
  let out: string | undefined;
  for (const f of spec.numberFormats ?? []) {
    const p = parseRangeAddress(f.range);
    if (p && p.start.row <= r && r <= p.end.row && p.start.col <= c && c <= p.end.col) out = f.format;
  }
  return out;
}

/** Rows after `header` up to the first empty row. */
export function tableRows(spec: SheetSpec, header: number): number[] {
  const out: number[] = [];
  for (let r = header + 1; r < spec.rows.length && rowTexts(spec, r).length > 0; r++) out.push(r);
  return out;
}

/** The cells of an A1 range of one column or row. */
export function rangeCells(spec: SheetSpec, a1: string): OutCell[] {
  const p = parseRangeAddress(a1);
  if (!p) throw new Error(`bad range ${a1}`);
  const out: OutCell[] = [];
  for (let r = p.start.row; r <= p.end.row; r++)
    for (let c = p.start.col; c <= p.end.col; c++) out.push(cell(spec, r, c));
  return out;
}

export interface UnmetSection {
  /** The criterion row's text. */
  heading: string;
  /** Locality rows: their district heading (when grouped), code (column B) and row index. */
  rows: { district?: string; code: string; row: number }[];
  /** Rows of text that are neither headings nor localities ("all met"). */
  notes: string[];
}

/**
 * Table 2 of a department report, read from its layout: below the header row whose column B says
 * `codeHeader`, a filled one-cell row opens a criterion, a bold italic one opens a district, a row
 * with a number in column A is a locality. Ends at the first empty row.
 */
export function unmetSections(spec: SheetSpec, codeHeader: string): UnmetSection[] | null {
  const header = findRow(spec, codeHeader, 1);
  if (header < 0) return null;
  const out: UnmetSection[] = [];
  let district: string | undefined;
  for (const r of tableRows(spec, header)) {
    const a = cell(spec, r, 0);
    const style = styleAt(spec, r, 0);
    if (typeof a === "number") {
      out[out.length - 1].rows.push({
        ...(district !== undefined ? { district } : {}),
        code: String(cell(spec, r, 1)),
        row: r,
      });
    } else if (style.fill) {
      out.push({ heading: String(a), rows: [], notes: [] });
      district = undefined;
    } else if (style.bold && style.italic) {
      district = String(a);
    } else {
      out[out.length - 1].notes.push(String(a));
    }
  }
  return out;
}
