/**
 * The NTM_META sheet: what NTM Planner remembers inside the workbook, in the one layout every port
 * reads and writes (a workbook written by one port is read by the others). Pure: each port reads the
 * sheet into a grid its usual way and calls `metaFromGrid`, and writes the rows of `metaRows`.
 *
 * Layout (the sheet is very hidden, so it appears in no Unhide dialog; only VBA can show it):
 *   A1  "NTM Planner"      marker, so a stranger's sheet of the same name is never taken for ours
 *   A2  1                  ToolMeta.version
 *   A3… owned sheet names, one per row, until the first empty cell
 *   C…  lists for data validations too long for an inline list, one per column from row 1
 *       (validationLists.ts); rewritten on every write.
 */
import type { CellValue, ToolMeta } from "../port";
import type { OutCell } from "../sheetSpec";

export const META_MARKER = "NTM Planner";
/** First column (0-based) of the validation lists on the meta sheet: C. */
export const META_LIST_FIRST_COLUMN = 2;

type Grid = readonly (readonly CellValue[])[];

/** A meta cell as text: strings as they are, numbers as String(n), anything else (errors, booleans) null. */
export function metaText(v: CellValue | undefined): string | null {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return null;
}

/** True when the grid of a sheet named NTM_META carries our marker in A1. */
export function isOurMetaGrid(values: Grid): boolean {
  return metaText(values[0]?.[0]) === META_MARKER;
}

/** ToolMeta from the grid of the meta sheet, or null when the sheet is not ours or of an unknown version. */
export function metaFromGrid(values: Grid): ToolMeta | null {
  if (!isOurMetaGrid(values)) return null;
  if (metaText(values[1]?.[0]) !== "1") return null;
  const ownedSheets: string[] = [];
  for (let row = 2; ; row++) {
    const name = metaText(values[row]?.[0]);
    if (name === null || name === "") break;
    ownedSheets.push(name);
  }
  return { version: 1, ownedSheets };
}

/**
 * The validation lists on the meta sheet (column C on), each from row 1 to its last text cell, with
 * null where a cell is empty; a port that rewrites the sheet without rewriting the validations that
 * point at it (the patch port) keeps them cell for cell.
 */
export function metaLists(values: Grid): (string | null)[][] {
  const lists: (string | null)[][] = [];
  values.forEach((row, r) => {
    for (let c = META_LIST_FIRST_COLUMN; c < row.length; c++) {
      const text = metaText(row[c]);
      if (text === null) continue;
      const i = c - META_LIST_FIRST_COLUMN;
      while (lists.length <= i) lists.push([]);
      const list = lists[i];
      while (list.length < r) list.push(null);
      list[r] = text;
    }
  });
  return lists;
}

/** The rows of the meta sheet holding `meta` and the validation `lists` (null leaves a cell empty). */
export function metaRows(meta: ToolMeta, lists: readonly (readonly (string | null)[])[]): OutCell[][] {
  const height = Math.max(2 + meta.ownedSheets.length, ...lists.map((l) => l.length));
  const rows: OutCell[][] = Array.from({ length: height }, () => []);
  rows[0][0] = META_MARKER;
  rows[1][0] = meta.version;
  meta.ownedSheets.forEach((name, i) => (rows[i + 2][0] = name));
  lists.forEach((list, i) => {
    list.forEach((item, r) => {
      if (item === null) return;
      const row = rows[r];
      while (row.length < META_LIST_FIRST_COLUMN + i) row.push(null);
      row[META_LIST_FIRST_COLUMN + i] = item;
    });
  });
  return rows;
}
