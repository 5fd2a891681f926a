/**
 * A1 addresses, column letters, ragged grids and row chunks: the pure helpers beside the workbook
 * ports. Rows and columns are 0-based everywhere in code; only the A1 text is 1-based.
 */

/** Excel's sheet size (XFD1048576). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellPosition {
  /** 0-based row. */
  row: number;
  /** 0-based column. */
  col: number;
}

/** A range by its top-left and bottom-right cells (inclusive, 0-based). */
export interface RangePosition {
  start: CellPosition;
  end: CellPosition;
}

/** Rows [start, end) of one chunk (0-based, end exclusive). */
export interface RowChunk {
  start: number;
  end: number;
}

function assertIndex(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}

/** Column letters of a 0-based column index: 0 → "A", 25 → "Z", 26 → "AA", 16383 → "XFD". */
export function columnLetters(index0: number): string {
  assertIndex(index0, "column index");
  let n = index0 + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = (n - 1 - rem) / 26;
  }
  return letters;
}

/** Letters A–Z or a–z as a code in 1..26, or 0 for anything else. */
function letterValue(c: number): number {
  if (c >= 65 && c <= 90) return c - 64;
  if (c >= 97 && c <= 122) return c - 96;
  return 0;
}

/**
 * 0-based column index of column letters, in either case: "A" → 0, "aa" → 26.
 * Throws a RangeError for anything but letters (a bug in the caller; user text goes through
 * parseCellAddress, which returns null instead).
 */
export function columnIndex(letters: string): number {
  if (letters.length === 0) throw new RangeError("column letters must not be empty");
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const v = letterValue(letters.charCodeAt(i));
    if (v === 0) throw new RangeError(`not column letters: "${letters}"`);
    n = n * 26 + v;
  }
  return n - 1;
}

/** A1 address of a 0-based cell: (2, 1) → "B3". */
export function cellAddress(row0: number, col0: number): string {
  assertIndex(row0, "row index");
  return columnLetters(col0) + (row0 + 1);
}

/**
 * A1 address of a range, always in "top-left:bottom-right" form, even for one cell ("B3:B3"), with the
 * corners put in order whichever way they are given.
 */
export function rangeAddress(r0: number, c0: number, r1: number, c1: number): string {
  return (
    cellAddress(Math.min(r0, r1), Math.min(c0, c1)) + ":" + cellAddress(Math.max(r0, r1), Math.max(c0, c1))
  );
}

/**
 * Parses "B3", "$B$3" or "b3" (surrounding spaces allowed) into a 0-based position. Returns null for
 * anything else, including addresses beyond XFD1048576.
 */
export function parseCellAddress(address: string): CellPosition | null {
  const s = address.trim();
  let i = 0;
  if (s.charCodeAt(i) === 36 /* $ */) i++;
  let col = 0;
  const lettersStart = i;
  while (i < s.length) {
    const v = letterValue(s.charCodeAt(i));
    if (v === 0) break;
    col = col * 26 + v;
    if (col > MAX_COLUMNS) return null;
    i++;
  }
  if (i === lettersStart) return null;
  if (s.charCodeAt(i) === 36) i++;
  const digitsStart = i;
  let row = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
    if (row > MAX_ROWS) return null;
    i++;
  }
  if (i === digitsStart || row === 0 || s.charCodeAt(digitsStart) === 48) return null;
  return { row: row - 1, col: col - 1 };
}

/**
 * Parses "B3:D9" (or a single cell "B3", meaning B3:B3) into ordered corners. Returns null for
 * anything else: whole rows or columns ("B:D", "3:9") and sheet-qualified ranges are not accepted.
 */
export function parseRangeAddress(address: string): RangePosition | null {
  const colon = address.indexOf(":");
  if (colon < 0) {
    const cell = parseCellAddress(address);
    return cell === null ? null : { start: cell, end: { row: cell.row, col: cell.col } };
  }
  const a = parseCellAddress(address.slice(0, colon));
  const b = parseCellAddress(address.slice(colon + 1));
  if (a === null || b === null) return null;
  return {
    start: { row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) },
    end: { row: Math.max(a.row, b.row), col: Math.max(a.col, b.col) },
  };
}

/**
 * A sheet name as written in a formula. Always quoted, which Excel accepts for every name, with inner
 * apostrophes doubled: "KQ Xã" → "'KQ Xã'", "Bob's" → "'Bob''s'".
 */
export function quoteSheetName(name: string): string {
  return "'" + name.split("'").join("''") + "'";
}

/**
 * Makes a ragged grid rectangular: every row padded with `fill` to the width of the longest row (or
 * `minWidth` when that is larger). The input is not changed; rows already full width are reused as
 * they are, not copied.
 */
export function padGrid<T>(values: readonly (readonly T[])[], fill: T, minWidth = 0): T[][] {
  let width = minWidth;
  for (const row of values) if (row.length > width) width = row.length;
  const out: T[][] = new Array<T[]>(values.length);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    if (row.length === width) {
      out[r] = row as T[];
    } else {
      const padded = row.slice();
      for (let c = row.length; c < width; c++) padded.push(fill);
      out[r] = padded;
    }
  }
  return out;
}

/**
 * Splits rows 0..rowCount-1 into consecutive chunks of at most `rowsPerChunk` rows, for writes that
 * must stay under a payload budget. rowCount 0 gives no chunks.
 */
export function chunkRows(rowCount: number, rowsPerChunk: number): RowChunk[] {
  assertIndex(rowCount, "row count");
  if (!Number.isSafeInteger(rowsPerChunk) || rowsPerChunk < 1) {
    throw new RangeError(`rows per chunk must be a positive integer, got ${rowsPerChunk}`);
  }
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += rowsPerChunk) {
    chunks.push({ start, end: Math.min(rowCount, start + rowsPerChunk) });
  }
  return chunks;
}
