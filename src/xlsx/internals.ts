/**
 * The parts of ExcelJS 4.4's worksheet and workbook that exist at run time but are missing from its
 * type definitions. One cast, in one place.
 */
import type { DataValidation, Workbook, Worksheet } from "exceljs";

/** A conditional-format rule as ExcelJS keeps it (loaded rules carry more fields than the typings). */
export interface CfRuleModel {
  type: string;
  priority?: number;
  formulae?: unknown[];
  style?: unknown;
  [key: string]: unknown;
}

export interface CfModel {
  ref: string;
  rules: CfRuleModel[];
}

/** One merged range as ExcelJS indexes it (1-based corners). */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface WorksheetInternals {
  id: number;
  orderNo: number;
  /** The merged ranges by their master cell's address ("A5"); `ws.model.merges` builds the whole model. */
  _merges: Record<string, MergeRange | undefined>;
  conditionalFormattings: CfModel[];
  dataValidations: {
    model: Record<string, DataValidation | undefined>;
    add(address: string, v: DataValidation): void;
  };
}

export function internals(ws: Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/** The names of every table in the workbook, except those on `except`. */
export function tableNames(wb: Workbook, except?: Worksheet): string[] {
  const names: string[] = [];
  for (const ws of wb.worksheets) {
    if (ws === except) continue;
    // ExcelJS types getTables() as [Table, void][]; it returns Table objects.
    for (const table of ws.getTables() as unknown as { name?: string }[])
      if (table.name) names.push(table.name);
  }
  return names;
}
