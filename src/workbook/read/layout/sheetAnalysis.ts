/**
 * What a sheet looks like before anyone knows its role: its title block, its table's header band
 * and body rows. The role readers and the classifier work from this. Pure.
 */
import type { SheetGrid } from "../../port";
import { headerScore } from "../vocabulary";
import { bodyRows, type BodyRow } from "./bodyRows";
import { GridIndex } from "./gridIndex";
import { findHeaderBand, type HeaderBand } from "./headerBand";

export interface TitleLine {
  row: number;
  col: number;
  text: string;
}

export interface SheetAnalysis {
  name: string;
  grid: GridIndex;
  /** The texts above the table (or of the whole sheet when it holds no table). */
  title: TitleLine[];
  band: HeaderBand | null;
  body: BodyRow[];
}

/** Rows of title read at most (a letterhead, a title, a subtitle, a unit line). */
const MAX_TITLE_ROWS = 12;

const analyses = new WeakMap<SheetGrid, SheetAnalysis>();

/** analyseSheet, once per grid. */
export function analysisOf(grid: SheetGrid): SheetAnalysis {
  let a = analyses.get(grid);
  if (!a) analyses.set(grid, (a = analyseSheet(grid)));
  return a;
}

export function analyseSheet(grid: SheetGrid, fixed?: { first: number; last: number }): SheetAnalysis {
  const index = new GridIndex(grid);
  const band = findHeaderBand(index, { headerScore, ...(fixed ? { fixed } : {}) });
  const titleEnd = band ? band.first : Math.min(index.rowCount, MAX_TITLE_ROWS);
  const title: TitleLine[] = [];
  for (let r = Math.max(0, titleEnd - MAX_TITLE_ROWS); r < titleEnd; r++)
    for (const c of index.filledColumns(r)) {
      const text = index.ownText(r, c);
      if (typeof index.raw(r, c) === "string") title.push({ row: r, col: c, text });
    }
  const body = band ? bodyRows(index, band.bodyStart, band.firstCol, band.lastCol) : [];
  return { name: grid.name, grid: index, title, band, body };
}
