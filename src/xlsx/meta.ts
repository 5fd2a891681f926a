/**
 * The NTM_META sheet through ExcelJS, in the layout src/workbook/formats/meta.ts defines: the sheet is
 * read with readGrid.ts and understood by metaFromGrid; it is written from metaRows.
 */
import type { Workbook, Worksheet } from "exceljs";
import { META_SHEET, type ToolMeta } from "../workbook/port";
import { isOurMetaGrid, metaFromGrid, metaRows } from "../workbook/formats/meta";
import { readGrid } from "./readGrid";

export function findMetaSheet(wb: Workbook): Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === META_SHEET);
}

/** True when the sheet carries our marker in A1. */
export function isOurMetaSheet(ws: Worksheet): boolean {
  return isOurMetaGrid(readGrid(ws).values);
}

/** Reads ToolMeta, or null when there is no meta sheet, it is not ours, or its version is unknown. */
export function readMeta(wb: Workbook): ToolMeta | null {
  const ws = findMetaSheet(wb);
  return ws ? metaFromGrid(readGrid(ws).values) : null;
}

/**
 * Replaces the meta sheet with a fresh one at the end of the tab order, holding `meta` and the
 * validation `lists` (column C onwards).
 */
export function writeMeta(wb: Workbook, meta: ToolMeta, lists: readonly (readonly string[])[]): Worksheet {
  const old = findMetaSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  metaRows(meta, lists).forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) ws.getCell(r + 1, c + 1).value = value;
    });
  });
  return ws;
}
