/**
 * The current values of the cells a chart reads, taken from the worksheet XML (shared strings, inline
 * strings, numbers, formula results as cached in the file), for the caches a chart part carries so that
 * viewers which do not recalculate still draw it.
 */
import { SheetScanner } from "../patch/sheetScanner";
import type { CellType } from "../patch/sheetScanner";
import type { CellFormats } from "../patch/stylesXml";
import type { CellPosition } from "../../workbook/a1";

/** One cell as the chart caches see it. */
export interface ChartCell {
  /** Text of the cell as a label: strings as they are, numbers as written in the file, TRUE/FALSE. */
  text: string;
  /** The number, for numbers and numeric formula results; null for text, booleans and errors. */
  number: number | null;
  /** The cell's number format code (null for General). */
  format: string | null;
}

function key(row: number, col: number): number {
  return row * 16_384 + col;
}

/**
 * Reads the cells at `wanted` from a worksheet's XML. Cells that are empty (or absent) are missing
 * from the result.
 */
export function readCells(
  sheetXml: string,
  wanted: readonly CellPosition[],
  sharedStrings: readonly string[],
  formats: CellFormats,
): Map<number, ChartCell> {
  const want = new Set(wanted.map((c) => key(c.row, c.col)));
  const out = new Map<number, ChartCell>();
  const scanner = new SheetScanner((row, col, style, type: CellType, text, formula) => {
    const k = key(row, col);
    if (!want.has(k)) return;
    const cell = toChartCell(type, text, formula, sharedStrings, formats.numberFormat(style));
    if (cell !== null) out.set(k, cell);
  });
  scanner.push(sheetXml);
  scanner.end();
  return out;
}

/** The cell at (row, col) in a map from readCells. */
export function cellAt(cells: Map<number, ChartCell>, pos: CellPosition): ChartCell | undefined {
  return cells.get(key(pos.row, pos.col));
}

function toChartCell(
  type: CellType,
  text: string,
  formula: boolean,
  sharedStrings: readonly string[],
  format: string | null,
): ChartCell | null {
  switch (type) {
    case "s": {
      if (formula) return { text, number: null, format };
      const s = sharedStrings[parseInt(text, 10)];
      return s === undefined || s === "" ? null : { text: s, number: null, format };
    }
    case "str":
    case "inlineStr":
    case "d":
      return { text, number: null, format };
    case "b":
      return { text: parseInt(text, 10) !== 0 ? "TRUE" : "FALSE", number: null, format };
    case "e":
      return { text, number: null, format };
    default: {
      const n = Number(text.trim());
      return Number.isFinite(n) ? { text: String(n), number: n, format } : null;
    }
  }
}
