/**
 * The NTM_META sheet: what NTM Planner remembers inside the workbook.
 *
 * Layout (state "veryHidden", so it appears in no Unhide dialog; only VBA can show it):
 *   A1  "NTM Planner"      marker, so a stranger's sheet of the same name is never taken for ours
 *   A2  1                  ToolMeta.version
 *   A3… owned sheet names, one per row, until the first empty cell
 *   C…  lists for data validations too long for an inline list, one per column from row 1
 *       (see validationLists.ts); rewritten on every write.
 */
import type { Workbook, Worksheet } from "exceljs";
import { META_SHEET, type ToolMeta } from "../workbook/port";
import { cellAddress } from "../workbook/a1";

export const META_MARKER = "NTM Planner";
/** First column (0-based) of the validation lists on the meta sheet: C. */
export const META_LIST_FIRST_COLUMN = 2;

function text(ws: Worksheet, address: string): string | null {
  const v = ws.getCell(address).value;
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number") return String(v);
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("");
  return null;
}

export function findMetaSheet(wb: Workbook): Worksheet | undefined {
  return wb.worksheets.find((ws) => ws.name === META_SHEET);
}

/** True when the sheet carries our marker in A1. */
export function isOurMetaSheet(ws: Worksheet): boolean {
  return text(ws, "A1") === META_MARKER;
}

/** Reads ToolMeta, or null when there is no meta sheet, it is not ours, or its version is unknown. */
export function readMeta(wb: Workbook): ToolMeta | null {
  const ws = findMetaSheet(wb);
  if (!ws || !isOurMetaSheet(ws)) return null;
  if (text(ws, "A2") !== "1") return null;
  const ownedSheets: string[] = [];
  for (let row = 2; ; row++) {
    const name = text(ws, cellAddress(row, 0));
    if (name === null || name === "") break;
    ownedSheets.push(name);
  }
  return { version: 1, ownedSheets };
}

/**
 * Replaces the meta sheet with a fresh one at the end of the tab order, holding `meta` and the
 * validation `lists` (column C onwards).
 */
export function writeMeta(wb: Workbook, meta: ToolMeta, lists: readonly (readonly string[])[]): Worksheet {
  const old = findMetaSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(META_SHEET, { state: "veryHidden" });
  ws.getCell("A1").value = META_MARKER;
  ws.getCell("A2").value = meta.version;
  meta.ownedSheets.forEach((name, i) => {
    ws.getCell(cellAddress(i + 2, 0)).value = name;
  });
  lists.forEach((list, i) => {
    list.forEach((item, row) => {
      ws.getCell(cellAddress(row, META_LIST_FIRST_COLUMN + i)).value = item;
    });
  });
  return ws;
}
