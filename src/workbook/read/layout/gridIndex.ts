/**
 * A read-only index over one SheetGrid for layout inference: cell text, and which merged range (if
 * any) covers a cell. Merged ranges matter for headers typed over several rows: a group header
 * merged across C5:F5 names every column under it, "STT" merged down A5:A7 belongs to every band row.
 * Pure.
 */
import { parseRangeAddress } from "../../a1";
import type { CellValue, SheetGrid } from "../../port";
import { cellString } from "../sheet";

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Wide enough for any Excel column index: a cell's key is row × this + column. */
const KEY_STRIDE = 16_384;

export class GridIndex {
  readonly rowCount: number;
  /** Column count of the widest row. */
  readonly colCount: number;
  readonly merges: readonly Merge[];
  /** True when the port told us the merged ranges (an empty list counts): else unknown. */
  readonly mergesKnown: boolean;
  private readonly coverByCell = new Map<number, Merge>();

  constructor(readonly grid: SheetGrid) {
    this.rowCount = grid.values.length;
    let width = 0;
    for (const row of grid.values) if (row && row.length > width) width = row.length;
    this.colCount = width;
    const merges: Merge[] = [];
    for (const ref of grid.merges ?? []) {
      const pos = parseRangeAddress(ref);
      if (!pos) continue;
      const m = { r0: pos.start.row, c0: pos.start.col, r1: pos.end.row, c1: pos.end.col };
      if (m.r0 === m.r1 && m.c0 === m.c1) continue;
      merges.push(m);
      // Index every covered cell of ranges near the data (a merge over a whole column stays cheap:
      // only rows the grid has are indexed).
      const lastRow = Math.min(m.r1, this.rowCount - 1);
      const lastCol = Math.min(m.c1, Math.max(width - 1, m.c0));
      for (let r = m.r0; r <= lastRow; r++)
        for (let c = m.c0; c <= lastCol; c++) this.coverByCell.set(r * KEY_STRIDE + c, m);
    }
    this.merges = merges;
    this.mergesKnown = grid.merges !== undefined;
  }

  raw(row: number, col: number): CellValue {
    return this.grid.values[row]?.[col] ?? null;
  }

  /** The cell's own text (trimmed), "" for an empty or covered cell. */
  ownText(row: number, col: number): string {
    return cellString(this.raw(row, col));
  }

  /** The merged range covering the cell, if any. */
  mergeAt(row: number, col: number): Merge | undefined {
    return this.coverByCell.get(row * KEY_STRIDE + col);
  }

  /** The text a reader sees at the cell: its own, or the top-left cell's of the merge covering it. */
  text(row: number, col: number): string {
    const m = this.mergeAt(row, col);
    return m ? this.ownText(m.r0, m.c0) : this.ownText(row, col);
  }

  /** Columns of the row holding a value of their own. */
  filledColumns(row: number): number[] {
    const cells = this.grid.values[row];
    const out: number[] = [];
    if (!cells) return out;
    for (let c = 0; c < cells.length; c++) if (cellString(cells[c]) !== "") out.push(c);
    return out;
  }

  isBlankRow(row: number): boolean {
    const cells = this.grid.values[row];
    if (!cells) return true;
    for (const v of cells) if (cellString(v) !== "") return false;
    return true;
  }
}
