/**
 * Safety checks every WorkbookPort runs on a WritePlan before it changes anything, so a refused plan
 * leaves the workbook as it was and a user's sheet is never replaced. Port-neutral: the .xlsx ports
 * and the office.js port share them.
 */
import { META_SHEET, type ToolMeta, type WritePlan } from "./port";
import type { SheetSpec } from "./sheetSpec";

/** Excel's rules for a sheet name (ExcelJS would silently cut a long one to 31 characters). */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "is empty";
  if (name.length > 31) return "is longer than 31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "contains one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return 'is "History", which Excel reserves';
  return null;
}

/** Excel compares sheet names without regard to case. */
export const sameSheetName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * Checks the tool-owned sheets of `plan` against the meta stored in the workbook and returns, for
 * each spec that replaces an existing sheet, that sheet (as the port represents it).
 */
export function checkOwnedSheets<T extends { name: string }>(
  plan: WritePlan,
  stored: ToolMeta | null,
  findSheet: (name: string) => T | undefined,
  checkSpec: (spec: SheetSpec) => void,
): { replaced: Map<SheetSpec, T>; seen: string[] } {
  if (plan.meta.version !== 1)
    throw new Error(`Unknown NTM Planner meta version ${String(plan.meta.version)}`);
  const owned = (name: string) => (stored?.ownedSheets ?? []).some((o) => sameSheetName(o, name));
  const replaced = new Map<SheetSpec, T>();
  const seen: string[] = [];
  for (const spec of plan.sheets) {
    const problem = sheetNameProblem(spec.name);
    if (problem) throw new Error(`Sheet name "${spec.name}" ${problem}`);
    if (sameSheetName(spec.name, META_SHEET))
      throw new Error(`"${META_SHEET}" is reserved for NTM Planner's meta sheet`);
    if (seen.some((s) => sameSheetName(s, spec.name)))
      throw new Error(`The plan writes sheet "${spec.name}" twice`);
    seen.push(spec.name);
    if (!plan.meta.ownedSheets.some((o) => o === spec.name)) {
      throw new Error(`Sheet "${spec.name}" is written but missing from meta.ownedSheets`);
    }
    checkSpec(spec);
    const existing = findSheet(spec.name);
    if (existing) {
      if (!owned(existing.name)) {
        throw new Error(
          `Sheet "${existing.name}" exists and was not created by NTM Planner; refusing to replace it`,
        );
      }
      replaced.set(spec, existing);
    }
  }
  return { replaced, seen };
}
