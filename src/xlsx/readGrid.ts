/**
 * Reads an ExcelJS worksheet into a port-neutral SheetGrid.
 *
 * The grid runs from A1 to the last row and column that hold a value (cells that only carry a format
 * do not count) and is padded to a rectangle with null, so every row has the same length.
 * Values are normalised the way the office.js port sees them:
 *  - rich text and hyperlinks → their plain text;
 *  - formulas (master, shared or array) → their cached result, or null when the file has none;
 *  - errors → { error: "#N/A" };
 *  - dates (numbers under a date format; ExcelJS turns them into Date) → "yyyy-mm-dd", time of day dropped;
 *  - the covered cells of a merged range → null (only the top-left cell holds the value, as in Excel),
 *    and the merged ranges in `merges` (from ExcelJS's index of them, src/workbook/formats/merges.ts);
 *  - numbers, booleans and strings as they are.
 * numberFormats has the same shape: the cell's number format, or null for General / no value.
 * `hidden` is the sheet's state ("hidden" or "veryHidden").
 */
import type { Cell, Worksheet } from "exceljs";
import { ValueType } from "exceljs";
import type { CellValue, SheetGrid } from "../workbook/port";
import { rangeAddress } from "../workbook/a1";
import { isoDate } from "../workbook/formats/dates";
import { canonicalMerges } from "../workbook/formats/merges";
import { internals } from "./internals";

function plainText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object" && Array.isArray((value as { richText?: unknown }).richText)) {
    return (value as { richText: { text?: string }[] }).richText.map((run) => run.text ?? "").join("");
  }
  return String(value);
}

/** A formula's cached result (or any loose value) as a CellValue. */
export function normaliseValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return value;
    default:
      break;
  }
  if (value instanceof Date) return isoDate(value);
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.error === "string") return { error: v.error };
    if (Array.isArray(v.richText)) return plainText(v);
    if ("hyperlink" in v || "text" in v) return plainText(v.text);
    if ("formula" in v || "sharedFormula" in v) return normaliseValue(v.result);
  }
  return String(value);
}

function cellValue(cell: Cell): CellValue {
  switch (cell.type) {
    case ValueType.Null:
    case ValueType.Merge:
      return null;
    case ValueType.Formula:
      return normaliseValue(cell.result);
    case ValueType.Hyperlink:
      return plainText((cell.value as { text?: unknown }).text);
    default:
      return normaliseValue(cell.value);
  }
}

function numberFormat(cell: Cell): string | null {
  const fmt = cell.numFmt;
  return typeof fmt === "string" && fmt !== "" && fmt !== "General" ? fmt : null;
}

/** The used values of a worksheet (see the module comment for the normalisation). */
export function readGrid(ws: Worksheet): SheetGrid {
  const valueRows: CellValue[][] = [];
  const formatRows: (string | null)[][] = [];
  let height = 0;
  let width = 0;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let values: CellValue[] | undefined;
    let formats: (string | null)[] | undefined;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const value = cellValue(cell);
      if (value === null) return;
      if (!values || !formats) {
        values = [];
        formats = [];
        valueRows[rowNumber - 1] = values;
        formatRows[rowNumber - 1] = formats;
      }
      values[colNumber - 1] = value;
      formats[colNumber - 1] = numberFormat(cell);
      if (colNumber > width) width = colNumber;
      if (rowNumber > height) height = rowNumber;
    });
  });

  const values: CellValue[][] = new Array(height);
  const numberFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const valueRow: CellValue[] = new Array(width).fill(null);
    const formatRow: (string | null)[] = new Array(width).fill(null);
    const sparseValues = valueRows[r];
    const sparseFormats = formatRows[r];
    if (sparseValues && sparseFormats) {
      for (let c = 0; c < sparseValues.length; c++) {
        const v = sparseValues[c];
        if (v !== undefined) {
          valueRow[c] = v;
          formatRow[c] = sparseFormats[c] ?? null;
        }
      }
    }
    values[r] = valueRow;
    numberFormats[r] = formatRow;
  }
  return { name: ws.name, values, numberFormats, merges: mergesOf(ws), hidden: isHidden(ws) };
}

function mergesOf(ws: Worksheet): string[] {
  const refs: string[] = [];
  for (const m of Object.values(internals(ws)._merges ?? {})) {
    if (m) refs.push(rangeAddress(m.top - 1, m.left - 1, m.bottom - 1, m.right - 1));
  }
  return canonicalMerges(refs);
}

function isHidden(ws: Worksheet): boolean {
  return ws.state === "hidden" || ws.state === "veryHidden";
}
