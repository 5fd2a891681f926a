/**
 * The NTM_META sheet through office.js, in exactly the layout src/xlsx/meta.ts defines (a workbook
 * written by either port is read by the other): A1 "NTM Planner", A2 the version, A3… the owned sheet
 * names until the first empty cell, validation lists from column C. The sheet is very hidden.
 */
import type { CellValue, ToolMeta } from "../workbook/port";
import type { OutCell } from "../workbook/sheetSpec";
import { META_LIST_FIRST_COLUMN, META_MARKER } from "../xlsx/meta";

function text(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return String(v);
  return null;
}

/** True when the grid of a sheet named NTM_META carries our marker in A1. */
export function isOurMetaGrid(values: readonly (readonly CellValue[])[]): boolean {
  return text(values[0]?.[0]) === META_MARKER;
}

/** ToolMeta from the grid of the meta sheet, or null when it is not ours or of an unknown version. */
export function metaFromGrid(values: readonly (readonly CellValue[])[]): ToolMeta | null {
  if (!isOurMetaGrid(values)) return null;
  if (text(values[1]?.[0]) !== "1") return null;
  const ownedSheets: string[] = [];
  for (let row = 2; ; row++) {
    const name = text(values[row]?.[0]);
    if (name === null || name === "") break;
    ownedSheets.push(name);
  }
  return { version: 1, ownedSheets };
}

/** The rows of the meta sheet holding `meta` and the validation `lists`. */
export function metaRows(meta: ToolMeta, lists: readonly (readonly string[])[]): OutCell[][] {
  const height = Math.max(2 + meta.ownedSheets.length, ...lists.map((l) => l.length));
  const rows: OutCell[][] = Array.from({ length: height }, () => []);
  rows[0][0] = META_MARKER;
  rows[1][0] = meta.version;
  meta.ownedSheets.forEach((name, i) => (rows[i + 2][0] = name));
  lists.forEach((list, i) => {
    list.forEach((item, r) => {
      const row = rows[r];
      while (row.length < META_LIST_FIRST_COLUMN + i) row.push(null);
      row[META_LIST_FIRST_COLUMN + i] = item;
    });
  });
  return rows;
}
