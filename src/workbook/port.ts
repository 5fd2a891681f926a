/**
 * The one boundary between the sheet model and a concrete workbook (an .xlsx file through ExcelJS,
 * or the open workbook through office.js). Both ports implement this interface, so the whole pipeline
 * (read → evaluate → render → write) is shared.
 */
import type { SheetSpec } from "./sheetSpec";

/** A cell value as a port reads it. Dates arrive as ISO strings; formulas as their cached result. */
export type CellValue = string | number | boolean | null | { error: string };

/** The values of a sheet from A1 to the end of its used range (ragged rows are allowed). */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Number format per cell where the port knows it (used to read "85%" cells stored as 0.85). */
  numberFormats?: (string | null)[][];
  /**
   * Merged ranges as A1 ranges ("A5:A7"), as the sheet stores them; absent when the port cannot tell.
   * Every port gives them in one form (src/workbook/formats/merges.ts): no "$", sorted by top-left cell.
   * Only the top-left cell of a merged range holds its value; the covered cells read as null.
   */
  merges?: string[];
  /** True when the sheet is hidden or very hidden in the workbook. */
  hidden?: boolean;
  /** The workbook file the sheet comes from, set by callers that read several workbooks together. */
  file?: string;
}

/** What NTM Planner remembers inside the workbook about its own sheets. */
export interface ToolMeta {
  version: 1;
  /** Names of sheets the tool created; only these may ever be replaced or deleted. */
  ownedSheets: string[];
}

export interface WritePlan {
  /** Tool-owned sheets to create or replace, in the order they should appear after the inputs. */
  sheets: SheetSpec[];
  /**
   * Sheets created FOR the user (a new template's input sheets): created only when no sheet of that
   * name exists, never replaced, never recorded as the tool's own.
   */
  inputSheets?: SheetSpec[];
  /**
   * Workbook-scoped names the tool owns (all start with "NTM_"); the port replaces every NTM_ name
   * with these. Absent: the tool's names stay as they are. Highlight rules read the hidden marks sheets through them, because a
   * conditional-format formula may not point at another sheet directly in every Excel version.
   */
  names?: DefinedName[];
  /**
   * Highlight rules on user input sheets, the tool's whole set: the port replaces only the rules it
   * added before, and removes them from sheets not listed. Absent: the tool's rules stay as they are
   * (a plan that only adds input sheets, e.g. a new template in an open workbook).
   */
  inputHighlights?: InputHighlight[];
  meta: ToolMeta;
}

export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 range on `sheet`, e.g. "A1:Z200". */
  range: string;
}

/** Prefix of every defined name NTM Planner owns. */
export const TOOL_NAME_PREFIX = "NTM_";

export interface InputHighlight {
  sheet: string;
  rules: import("./sheetSpec").ConditionalRule[];
}

export interface WorkbookPort {
  sheetNames(): Promise<string[]>;
  /** Reads the used range of every named sheet that exists, in one pass. */
  readSheets(names: string[]): Promise<SheetGrid[]>;
  readMeta(): Promise<ToolMeta | null>;
  write(plan: WritePlan): Promise<void>;
}

/** Name of the hidden sheet that stores ToolMeta. */
export const META_SHEET = "NTM_META";
