import type { SheetSpec } from "../workbook/sheetSpec";
import type { XlsxWorkbookPort } from "../xlsx/xlsxPort";

/** Writes input sheets (a template) into a workbook: they belong to the user, not the tool. */
export async function writeSheets(port: XlsxWorkbookPort, sheets: SheetSpec[]): Promise<void> {
  await port.write({
    sheets: [],
    inputSheets: sheets,
    inputHighlights: [],
    meta: { version: 1, ownedSheets: [] },
  });
}
