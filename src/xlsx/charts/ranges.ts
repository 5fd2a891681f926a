/**
 * The cell ranges of a chart: checking the A1 text a ChartSpec gives, and writing the formulas a chart
 * part holds (`'Nguồn vốn'!$B$5:$B$12`). Pure.
 */
import { columnLetters, parseCellAddress, parseRangeAddress, quoteSheetName } from "../../workbook/a1";
import type { CellPosition, RangePosition } from "../../workbook/a1";

/**
 * Excel 2007–2010 draw at most 32,000 points per series; a range longer than that is refused rather
 * than written as a chart some versions cannot open.
 */
export const MAX_POINTS = 32_000;

/** A one-row or one-column range, as the list of its cells in order (top to bottom, left to right). */
export interface LineRange {
  range: RangePosition;
  cells: CellPosition[];
}

/**
 * Parses a bounded A1 range that is one column or one row ("B5:B12", "$B$5:$B$12", "B5:H5", "B5").
 * Throws an Error naming `what` for anything else: whole columns or rows ("B:B", "5:5"),
 * sheet-qualified references, names, two-dimensional blocks, more than MAX_POINTS cells.
 */
export function parseLineRange(text: string, what: string): LineRange {
  const range = typeof text === "string" ? parseRangeAddress(text) : null;
  if (range === null) {
    throw new Error(
      `${what}: "${String(text)}" is not a bounded A1 range such as "B5:B12" ` +
        "(whole columns or rows, other sheets and defined names are not accepted)",
    );
  }
  const rows = range.end.row - range.start.row + 1;
  const cols = range.end.col - range.start.col + 1;
  if (rows > 1 && cols > 1) {
    throw new Error(`${what}: "${text}" spans ${rows} rows and ${cols} columns; give one column or one row`);
  }
  const n = Math.max(rows, cols);
  if (n > MAX_POINTS)
    throw new Error(`${what}: "${text}" has ${n} cells, more than the ${MAX_POINTS} a chart series may hold`);
  const cells: CellPosition[] = [];
  for (let i = 0; i < n; i++) {
    cells.push(
      rows > 1
        ? { row: range.start.row + i, col: range.start.col }
        : { row: range.start.row, col: range.start.col + i },
    );
  }
  return { range, cells };
}

/** Parses one cell of a chart's placement ("H2"); throws an Error naming `what` otherwise. */
export function parseAnchorCell(text: string, what: string): CellPosition {
  const cell = typeof text === "string" ? parseCellAddress(text) : null;
  if (cell === null) throw new Error(`${what}: "${String(text)}" is not a cell address such as "H2"`);
  return cell;
}

/** "$B$5" for a 0-based cell. */
export function absoluteCell(cell: CellPosition): string {
  return `$${columnLetters(cell.col)}$${cell.row + 1}`;
}

/**
 * The formula of a range on a sheet as a chart part writes it: the sheet name always quoted (inner
 * apostrophes doubled), absolute references, one cell without a colon:
 * ("KQ Huyện", B5:B12) → `'KQ Huyện'!$B$5:$B$12`.
 */
export function rangeFormula(sheet: string, range: RangePosition): string {
  const start = absoluteCell(range.start);
  const same = range.start.row === range.end.row && range.start.col === range.end.col;
  return `${quoteSheetName(sheet)}!${same ? start : `${start}:${absoluteCell(range.end)}`}`;
}
