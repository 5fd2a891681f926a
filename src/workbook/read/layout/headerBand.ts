/**
 * Finding a table's header band and flattening it into one header path per column, over a plain
 * grid: the part of reading a planner's form that knows nothing about roles.
 *
 *   UBND TỈNH HÀ TĨNH              CỘNG HÒA XÃ HỘI …        ← title block (not the band)
 *        KẾT QUẢ … NĂM 2022
 *   STT | Tên xã | Ngân sách nhà nước           | Ghi chú  ← band row 1 ("STT" merged A5:A7)
 *       |        | Tổng số | Trong đó           |          ← band row 2
 *       |        |         | Trung ương | Tỉnh  |          ← band row 3
 *   (1) | (2)    | (3)     | (4)        | (5)   | (6)      ← numbering row (skipped)
 *
 * The band grows from an anchor row (the one whose cells best read as known headers) up and down,
 * along merged ranges, over sub-header rows sitting under a group and unit rows; a column's path
 * leaves out connectors ("Trong đó") and keeps its unit apart: ["Ngân sách nhà nước", "Trung ương"].
 * Pure.
 */
import { isConnectorHeader, isNumberingRow, totalLabel, unitLabel } from "../text";
import { sectionOf } from "./bodyRows";
import { foldText } from "../../../domain/text";
import type { GridIndex } from "./gridIndex";

export interface HeaderColumn {
  col: number;
  /** Header cells top to bottom, without connectors, units, repeats or blanks. */
  path: string[];
  /** The unit typed in the band for this column ("%", "km", "Tr.đ"), if any. */
  unit?: string;
  /** True when a connector ("Trong đó") stood above the last part: it is one part of a total. */
  partOfTotal: boolean;
}

export interface HeaderBand {
  /** 0-based first and last rows of the band. */
  first: number;
  last: number;
  /** 0-based row of the column-numbering row under the band, if any. */
  numberingRow?: number;
  /** First row of the table's body. */
  bodyStart: number;
  /** First and last column of the table. */
  firstCol: number;
  lastCol: number;
  columns: HeaderColumn[];
}

export interface BandOptions {
  /** How much a cell reads like a header (see vocabulary.ts). */
  headerScore: (text: string) => number;
  /** Rows searched for the anchor. */
  maxScan?: number;
  /** The planner's own header rows (0-based), which win over the search. */
  fixed?: { first: number; last: number };
}

const DEFAULT_SCAN = 40;
/** An anchor needs at least two known headers' worth of score. */
const MIN_ANCHOR_SCORE = 1.5;
/** A merge at least this share of the table's width is a title, not a group header. */
const TITLE_SPAN = 0.8;

/** Finds the header band of the grid's table, or null when no row reads like a header row. */
export function findHeaderBand(grid: GridIndex, opts: BandOptions): HeaderBand | null {
  if (opts.fixed) return bandFrom(grid, opts.fixed.first, opts.fixed.last);
  const anchor = findAnchor(grid, opts);
  if (anchor < 0) return null;
  const width = tableWidth(grid, anchor);
  let first = anchor;
  while (first > 0 && rowContinuesBandUp(grid, first - 1, first, width, opts)) first--;
  let last = anchor;
  while (last + 1 < grid.rowCount && rowContinuesBandDown(grid, last + 1, first, last, width)) last++;
  return bandFrom(grid, first, last);
}

function rowScore(grid: GridIndex, row: number, opts: BandOptions): number {
  let score = 0;
  for (const c of grid.filledColumns(row)) score += opts.headerScore(grid.ownText(row, c));
  return score;
}

function findAnchor(grid: GridIndex, opts: BandOptions): number {
  const limit = Math.min(grid.rowCount, opts.maxScan ?? DEFAULT_SCAN);
  let best = -1;
  let bestScore = MIN_ANCHOR_SCORE - 1e-9;
  for (let r = 0; r < limit; r++) {
    if (isBodyLabelRow(grid, r)) continue;
    const s = rowScore(grid, r, opts);
    if (s > bestScore) {
      bestScore = s;
      best = r;
    }
  }
  return best;
}

/** A section or total row ("I | Huyện Can Lộc", "Tổng cộng") is never a header row. */
function isBodyLabelRow(grid: GridIndex, row: number): boolean {
  const cols = grid.filledColumns(row);
  if (cols.length === 0) return false;
  const first = grid.ownText(row, cols[0]);
  const second = cols.length > 1 ? grid.ownText(row, cols[1]) : undefined;
  return sectionOf(first, second) !== null || totalLabel(first) !== null;
}

interface Width {
  first: number;
  last: number;
}

/** The columns the anchor row and its merges span. */
function tableWidth(grid: GridIndex, anchor: number): Width {
  const cols = grid.filledColumns(anchor);
  let first = cols[0] ?? 0;
  let last = cols[cols.length - 1] ?? 0;
  for (const m of grid.merges) {
    if (m.r0 <= anchor && m.r1 >= anchor) {
      first = Math.min(first, m.c0);
      last = Math.max(last, m.c1);
    }
  }
  return { first, last };
}

function spansTitle(m: { c0: number; c1: number }, width: Width): boolean {
  const span = width.last - width.first + 1;
  return span > 1 && (m.c1 - m.c0 + 1) / span >= TITLE_SPAN;
}

/** Whether row `row`, just above the band's top row `top`, belongs to the band. */
function rowContinuesBandUp(
  grid: GridIndex,
  row: number,
  top: number,
  width: Width,
  opts: BandOptions,
): boolean {
  const cols = grid.filledColumns(row).filter((c) => c >= width.first && c <= width.last);
  if (cols.length === 0) return false;
  if (isBodyLabelRow(grid, row)) return false;
  // A cell merged down into the band ("STT" over three rows) or a group merged across part of it.
  for (const c of cols) {
    const m = grid.mergeAt(row, c);
    if (!m || m.r0 !== row) continue;
    if (m.r1 >= top) return true;
    if (m.c1 > m.c0 && !spansTitle(m, width)) return true;
  }
  if (cols.length >= 2) return rowScore(grid, row, opts) >= 1 && !isLetterhead(grid, row, cols);
  // One cell typed over a group without merging: a short header away from the first column.
  const c = cols[0];
  const text = grid.ownText(row, c);
  return (
    !grid.mergeAt(row, c) &&
    c > width.first &&
    text.length <= 60 &&
    grid.filledColumns(top).some((x) => x >= c) &&
    opts.headerScore(text) > 0
  );
}

/** "UBND TỈNH …" beside "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": two far-apart title cells. */
function isLetterhead(grid: GridIndex, row: number, cols: number[]): boolean {
  return cols.length === 2 && cols.some((c) => LETTERHEAD.test(foldText(grid.ownText(row, c))));
}

const LETTERHEAD = /^(cong hoa|doc lap|ubnd|uy ban|so |van phong)/;

/** Whether row `row`, just below the band rows first..last, belongs to the band. */
function rowContinuesBandDown(
  grid: GridIndex,
  row: number,
  first: number,
  last: number,
  width: Width,
): boolean {
  const cols = grid.filledColumns(row).filter((c) => c >= width.first && c <= width.last);
  if (isNumberingRow(cols.map((c) => grid.raw(row, c)))) return false;
  if (isBodyLabelRow(grid, row)) return false;
  // Nothing of its own but cells merged down from the band: still the band.
  const coveredFromBand = (c: number) => {
    const m = grid.mergeAt(row, c);
    return m !== undefined && m.r0 >= first && m.r0 <= last;
  };
  if (cols.length === 0) {
    for (let c = width.first; c <= width.last; c++) if (coveredFromBand(c)) return true;
    return false;
  }
  // The first column (row numbers, names) must be empty or merged down from the band.
  const lead = grid.ownText(row, width.first);
  if (lead !== "" && !coveredFromBand(width.first)) return false;
  // Every cell sits under a group header of the band (a merge across, or one typed over blanks).
  const underGroup = (c: number) => {
    for (let r = first; r <= last; r++) {
      const m = grid.mergeAt(r, c);
      if (m && m.c1 > m.c0 && m.r1 < row) return true;
    }
    if (grid.mergesKnown && grid.merges.length > 0) return false;
    return groupTypedOverBlanks(grid, first, last, c);
  };
  if (cols.every(underGroup)) return true;
  // A row of units only ("%", "km", "Tr.đ").
  return cols.length >= 2 && cols.every((c) => unitLabel(grid.ownText(row, c)) !== null);
}

/** Without merges: some band row has a header at or left of `c` with blanks up to `c`. */
function groupTypedOverBlanks(grid: GridIndex, first: number, last: number, c: number): boolean {
  for (let r = first; r <= last; r++) {
    if (grid.ownText(r, c) !== "") return true;
    for (let x = c - 1; x >= 0; x--) {
      if (grid.ownText(r, x) !== "") return x < c;
    }
  }
  return false;
}

/** The band first..last flattened, with the numbering row under it found. */
function bandFrom(grid: GridIndex, first: number, last: number): HeaderBand {
  let firstCol = Number.POSITIVE_INFINITY;
  let lastCol = -1;
  for (let r = first; r <= last; r++) {
    for (const c of grid.filledColumns(r)) {
      firstCol = Math.min(firstCol, c);
      lastCol = Math.max(lastCol, c);
    }
  }
  for (const m of grid.merges) {
    if (m.r0 <= last && m.r1 >= first) {
      firstCol = Math.min(firstCol, m.c0);
      lastCol = Math.max(lastCol, m.c1);
    }
  }
  if (lastCol < 0) firstCol = lastCol = 0;
  let bodyStart = last + 1;
  let numberingRow: number | undefined;
  if (bodyStart < grid.rowCount) {
    const cells: ReturnType<GridIndex["raw"]>[] = [];
    for (let c = firstCol; c <= lastCol; c++) cells.push(grid.raw(bodyStart, c));
    if (isNumberingRow(cells)) {
      numberingRow = bodyStart;
      bodyStart++;
    }
  }
  const fillRight = !(grid.mergesKnown && grid.merges.some((m) => m.r0 <= last && m.r1 >= first));
  const columns: HeaderColumn[] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    const column = headerPath(grid, first, last, c, fillRight);
    if (column.path.length > 0) columns.push(column);
  }
  return { first, last, numberingRow, bodyStart, firstCol, lastCol, columns };
}

/** A column's header cells top to bottom: merged cells read once, connectors and units apart. */
function headerPath(
  grid: GridIndex,
  first: number,
  last: number,
  col: number,
  fillRight: boolean,
): HeaderColumn {
  const path: string[] = [];
  let unit: string | undefined;
  let partOfTotal = false;
  let previous: string | undefined;
  for (let r = first; r <= last; r++) {
    let text = grid.text(r, col);
    if (text === "" && fillRight && r < last) text = typedGroupLeftOf(grid, r, col, last);
    if (text === "" || text === previous) continue;
    previous = text;
    if (isConnectorHeader(text)) {
      partOfTotal = true;
      continue;
    }
    const u = unitLabel(text);
    if (u !== null && path.length > 0) {
      unit = u;
      continue;
    }
    path.push(text);
  }
  return { col, path, ...(unit !== undefined ? { unit } : {}), partOfTotal };
}

/**
 * Without merges a group header is typed once, over the first of its columns, and the cells to its
 * right are left blank: a blank upper cell takes the nearest header to its left in the same row,
 * when the rows below have headers of their own under both.
 */
function typedGroupLeftOf(grid: GridIndex, row: number, col: number, last: number): string {
  const hasLower = (c: number) => {
    for (let r = row + 1; r <= last; r++) if (grid.ownText(r, c) !== "") return true;
    return false;
  };
  if (!hasLower(col)) return "";
  for (let c = col - 1; c >= 0; c--) {
    const text = grid.ownText(row, c);
    if (text !== "") return hasLower(c) ? text : "";
    if (!hasLower(c)) return "";
  }
  return "";
}
