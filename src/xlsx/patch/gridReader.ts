/**
 * Scanned cells → SheetGrid, with the same normalisation as the ExcelJS port (../readGrid.ts), so both
 * ports hand the reader identical grids for the same file:
 *  - shared, inline and formula-string text as plain text (rich-text runs joined);
 *  - formulas as their cached result, null without one;
 *  - `t="e"` as { error }, `t="b"` as a boolean, other numbers with parseFloat;
 *  - numbers under a date format (ExcelJS's isDateFmt) as "yyyy-mm-dd", in the 1900 or 1904 system;
 *  - the covered cells of a merged range as null, and the merged ranges in `merges` (formats/merges.ts);
 *  - numberFormats: the cell's format code, null for General or no style (style 0 counts as none);
 *  - the grid from A1 to the last row and column holding a value, padded with null.
 *
 * Where ExcelJS 4.4 misreads a file this reader does what Excel shows instead:
 * a date-formatted formula whose result is text, an error or a boolean keeps that result (ExcelJS makes
 * it an invalid date); `t="d"` cells give their ISO date (ExcelJS parses "2025-01-31" as 2025);
 * cached formula strings are decoded once (ExcelJS decodes entities twice); rows and cells without `r`
 * are placed by order (ExcelJS drops such rows); inline strings drop phonetic runs and decode
 * `_xHHHH_` like shared strings; hyperlinked numbers stay numbers (ExcelJS turns them into text).
 */
import type { CellValue, SheetGrid } from "../../workbook/port";
import { parseRangeAddress } from "../../workbook/a1";
import { serialToIsoDate } from "../../workbook/formats/dates";
import { canonicalMerges } from "../../workbook/formats/merges";
import type { CellType } from "./sheetScanner";
import type { CellFormats } from "./stylesXml";

export interface ReadContext {
  sharedStrings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
}

/** The value ExcelJS's port would read for one scanned cell. */
export function cellValue(
  ctx: ReadContext,
  style: number,
  type: CellType,
  text: string,
  formula: boolean,
): CellValue {
  if (formula) {
    switch (type) {
      case "str":
      case "inlineStr":
        return text;
      case "b":
        return parseInt(text, 10) !== 0;
      case "e":
        return { error: text };
      default:
        return numberValue(ctx, style, text);
    }
  }
  switch (type) {
    case "s": {
      const s = ctx.sharedStrings[parseInt(text, 10)];
      return s === undefined ? null : s;
    }
    case "str":
    case "inlineStr":
      return text;
    case "b":
      return parseInt(text, 10) !== 0;
    case "e":
      return { error: text };
    case "d": {
      const m = /^\d{4}-\d{2}-\d{2}/.exec(text.trim());
      return m ? m[0] : text;
    }
    default:
      return numberValue(ctx, style, text);
  }
}

function numberValue(ctx: ReadContext, style: number, text: string): CellValue {
  const n = parseFloat(text);
  return ctx.formats.isDate(style) ? serialToIsoDate(n, ctx.date1904) : n;
}

/** Collects scanned cells into a SheetGrid. */
export class GridBuilder {
  private readonly values: CellValue[][] = [];
  private readonly formats: (string | null)[][] = [];

  constructor(private readonly ctx: ReadContext) {}

  readonly onCell = (
    row: number,
    col: number,
    style: number,
    type: CellType,
    text: string,
    formula: boolean,
  ) => {
    if (row < 0 || col < 0) return;
    const v = cellValue(this.ctx, style, type, text, formula);
    if (v === null) return;
    let values = this.values[row];
    let formats = this.formats[row];
    if (!values) {
      values = this.values[row] = [];
      formats = this.formats[row] = [];
    }
    values[col] = v;
    formats[col] = this.ctx.formats.numberFormat(style);
  };

  /** The grid, after clearing the covered cells of `merges`, which it carries (formats/merges.ts). */
  build(name: string, merges: readonly string[]): SheetGrid {
    for (const ref of merges) {
      const pos = parseRangeAddress(ref);
      if (!pos) continue;
      for (let r = pos.start.row; r <= pos.end.row && r < this.values.length; r++) {
        const row = this.values[r];
        if (!row) continue;
        const last = Math.min(pos.end.col, row.length - 1);
        for (let c = pos.start.col; c <= last; c++) {
          if (r === pos.start.row && c === pos.start.col) continue;
          if (row[c] !== undefined) {
            delete row[c];
            delete this.formats[r][c];
          }
        }
      }
    }

    let height = 0;
    let width = 0;
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== undefined) {
          if (c + 1 > width) width = c + 1;
          height = r + 1;
          break;
        }
      }
    }

    const values: CellValue[][] = new Array(height);
    const numberFormats: (string | null)[][] = new Array(height);
    for (let r = 0; r < height; r++) {
      const valueRow: CellValue[] = new Array(width).fill(null);
      const formatRow: (string | null)[] = new Array(width).fill(null);
      const sparse = this.values[r];
      const sparseFormats = this.formats[r];
      if (sparse) {
        const n = Math.min(sparse.length, width);
        for (let c = 0; c < n; c++) {
          const v = sparse[c];
          if (v !== undefined) {
            valueRow[c] = v;
            formatRow[c] = sparseFormats[c] ?? null;
          }
        }
      }
      values[r] = valueRow;
      numberFormats[r] = formatRow;
      // Free the sparse row as we go: the grid is the only copy we keep.
      this.values[r] = undefined as unknown as CellValue[];
      this.formats[r] = undefined as unknown as (string | null)[];
    }
    return { name, values, numberFormats, merges: canonicalMerges(merges) };
  }
}
