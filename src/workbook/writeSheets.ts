import type { WorkbookPort } from "./port";
import type { SheetSpec } from "./sheetSpec";

/**
 * Writes input sheets (a template) into a workbook: they belong to the user, not the tool, and the
 * tool's own sheets, names and highlights stay as they are.
 */
export async function writeSheets(port: WorkbookPort, sheets: SheetSpec[]): Promise<void> {
  const meta = await port.readMeta();
  await port.write({
    sheets: [],
    inputSheets: sheets,
    meta: meta ?? { version: 1, ownedSheets: [] },
  });
}
