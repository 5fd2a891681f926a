/**
 * The one check of a requirement set (Office.context.requirements.isSetSupported). The manifest
 * requires ExcelApi 1.8 and SharedRuntime 1.1; everything newer is checked here at run time, and the
 * caller falls back (docs/ARCHITECTURE.md, "Requirement sets"). Without office.js, or when the check
 * itself throws, nothing is supported.
 */

/** True when the host supports `set` at `version` or later. */
export function isSetSupported(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported(set, version) ?? false;
  } catch {
    return false;
  }
}

/** True when the host supports ExcelApi `version` or later. */
export function excelApi(version: string): boolean {
  return isSetSupported("ExcelApi", version);
}
