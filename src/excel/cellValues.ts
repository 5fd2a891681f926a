/**
 * Cell values between the sheet model and office.js, both ways. Pure.
 *
 * Writing (OutCell → what goes into `Range.values`). Excel reads a string written through
 * `Range.values` as if the user typed it: "=1+1", "+84…", "-5 xã" and "@x" become formulas, "85%" and
 * "1,5" numbers, "TRUE" a boolean, "2025-01-01" a date. To keep every string text, each non-empty string
 * is sent with a leading apostrophe, Excel's own "this is text" prefix: the cell holds the string
 * without the apostrophe (a quote-prefixed text cell), `values` and `formulas` read it back unchanged.
 * We chose the prefix over the Text number format ("@"), which would also work but would leave "@" as
 * the cells' number format: the .xlsx port reports those cells as General, and a planner typing a
 * number into such a cell later would get text. Other values, as the .xlsx port writes them: numbers
 * as they are (a non-finite one as the error #NUM!), booleans, text cut to Excel's 32,767-character
 * limit. null and "" are not sent (null in a values array leaves the cell alone; every cell the port
 * writes is on a fresh sheet), since office.js reads an empty-text cell as "" like an empty one anyway.
 *
 * Reading (`Range.values` + `numberFormat` → CellValue). office.js gives "" for an empty cell (→ null),
 * and a date as its serial number: a number under a date format becomes "yyyy-mm-dd" exactly as the
 * .xlsx ports report it (src/workbook/formats/dates.ts: ExcelJS's date-format test and arithmetic).
 * Error cells arrive as their text ("#N/A"), which the reader treats as the error it is. The number
 * format is reported for non-empty cells only, null for General, as readGrid.ts does.
 */
import type { CellValue, SheetGrid } from "../workbook/port";
import type { OutCell } from "../workbook/sheetSpec";
import { isDateFormat, serialToIsoDate } from "../workbook/formats/dates";

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;

/** What the port puts into a `Range.values` array for one cell (null: leave the cell alone). */
export type ExcelInput = string | number | boolean | null;

/** The `Range.values` element for an OutCell (see the module comment). */
export function toExcelInput(v: OutCell | undefined): ExcelInput {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "#NUM!";
  if (typeof v === "boolean") return v;
  if (v === "") return null;
  return "'" + (v.length > MAX_CELL_TEXT ? v.slice(0, MAX_CELL_TEXT) : v);
}

/** One cell read through office.js as a CellValue. */
export function fromExcelValue(value: unknown, format: string | null): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return isDateFormat(format) ? serialToIsoDate(value) : value;
  if (typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function formatOf(raw: unknown): string | null {
  return typeof raw === "string" && raw !== "" && raw !== "General" ? raw : null;
}

/** A loaded used range: its values and number formats and where it starts (0-based). */
export interface UsedRangeData {
  values: unknown[][];
  numberFormat?: unknown[][] | null;
  rowIndex: number;
  columnIndex: number;
}

/**
 * The SheetGrid of a sheet from its used range: from A1 (rows and columns before the used range padded
 * with null), rectangular, trailing empty rows and columns dropped.
 */
export function gridFromRanges(name: string, parts: readonly UsedRangeData[]): SheetGrid {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  let width = 0;
  for (const part of parts) {
    part.values.forEach((row, i) => {
      const r = part.rowIndex + i;
      const fmtRow = part.numberFormat?.[i];
      row.forEach((raw, j) => {
        const format = formatOf(fmtRow?.[j]);
        const v = fromExcelValue(raw, format);
        if (v === null) return;
        const c = part.columnIndex + j;
        (values[r] ??= [])[c] = v;
        (formats[r] ??= [])[c] = format;
        if (c + 1 > width) width = c + 1;
      });
    });
  }
  const height = values.length;
  const outValues: CellValue[][] = new Array(height);
  const outFormats: (string | null)[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const vRow: CellValue[] = new Array(width).fill(null);
    const fRow: (string | null)[] = new Array(width).fill(null);
    const sparse = values[r];
    if (sparse) {
      for (let c = 0; c < sparse.length; c++) {
        if (sparse[c] !== undefined) {
          vRow[c] = sparse[c];
          fRow[c] = formats[r][c] ?? null;
        }
      }
    }
    outValues[r] = vRow;
    outFormats[r] = fRow;
  }
  return { name, values: outValues, numberFormats: outFormats };
}
