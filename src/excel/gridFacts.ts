/**
 * What office.js tells a SheetGrid beside its cells: whether the sheet is hidden (Worksheet.visibility)
 * and its merged ranges (Range.getMergedAreasOrNullObject, ExcelApi 1.13). Both are queued with the
 * values, so they cost no sync of their own.
 *
 * Merged areas are asked of the sheet's used range with formats (a merged range counts as formatted),
 * because Excel returns only the areas whose top-left cell lies in the range asked; their addresses
 * come back sheet-qualified ("'Dữ liệu xã'!A5:A7") and go to the grid as "A5:A7", in the form every port
 * uses (src/workbook/formats/merges.ts). No merged areas: a null object, `merges: []`. Without ExcelApi
 * 1.13 `merges` is left out (the reader then works from the cells alone). Excel refuses the call when a
 * range holds more than 512 merged areas: the read is then made once more without them (`merges` left
 * out), so merges never fail a read.
 */
import { canonicalMerges } from "../workbook/formats/merges";
import type { SheetGrid } from "../workbook/port";
import { hostErrorCode } from "./queue";
import { excelApi } from "./requirements";

/** A sheet's facts, queued: its visibility, and its merged areas when asked for. */
export interface FactsLoad {
  sheet: Excel.Worksheet;
  merged: Excel.RangeAreas | null;
}

/** Queues the loads of `sheet`'s name, visibility and (with `merges`) merged areas. */
export function queueFacts(sheet: Excel.Worksheet, merges: boolean): FactsLoad {
  sheet.load("name,visibility");
  if (!merges) return { sheet, merged: null };
  const merged = sheet.getUsedRangeOrNullObject(false).getMergedAreasOrNullObject();
  merged.load("areas/items/address");
  return { sheet, merged };
}

/** The grid fields of a synced FactsLoad (of a sheet that exists). */
export function factsOf(load: FactsLoad): Pick<SheetGrid, "merges" | "hidden"> {
  const hidden = load.sheet.visibility !== "Visible";
  if (load.merged === null) return { hidden };
  const merges = load.merged.isNullObject
    ? []
    : canonicalMerges(load.merged.areas.items.map((area) => withoutSheet(area.address)));
  return { merges, hidden };
}

/** "Sheet1!A5:A7" → "A5:A7" (the sheet name may itself hold "!": the range never does). */
export function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

/**
 * Runs `read` with merged areas where the host has them (ExcelApi 1.13), and once more without them
 * when Excel refused that read for a reason the merged areas may cause. Cell-edit mode, busy and
 * too-large errors are not theirs and go to the caller (the queue, the block reader) as they are.
 */
export async function withMergesIfPossible<T>(read: (merges: boolean) => Promise<T>): Promise<T> {
  if (!excelApi("1.13")) return read(false);
  try {
    return await read(true);
  } catch (err) {
    const code = hostErrorCode(err);
    if (code === null || code === "cellEditing" || code === "busy" || code === "tooLarge") throw err;
    return read(false);
  }
}
