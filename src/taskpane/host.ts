/**
 * What the task pane and the ribbon commands need from the host application. The office.js
 * implementation lives in src/excel/officeHost.ts (the only code that touches `Office`/`Excel`);
 * tests use an in-memory one. Keeping this small is what lets the pane be tested without Excel.
 */
import type { ColumnMapping } from "../workbook/read/reader";
import type { WorkbookPort } from "../workbook/port";
import type { ChartSpec } from "../workbook/reports/types";

/** Optional capabilities, checked at run time (isSetSupported) and degraded gracefully. */
export type HostFeature =
  /** Excel.createWorkbook (ExcelApi 1.8): reports open as new workbooks. */
  | "createWorkbook"
  /** WorksheetChangedEventArgs.triggerSource (ExcelApi 1.14): tells the user's edits from add-ins'. */
  | "changeTriggerSource"
  /** The pane can save a file through the browser (Excel on the web): downloadFile. */
  | "download";

/** Why a host call failed, in terms a planner can act on (messages: `host.error.<code>`). */
export type HostErrorCode =
  /** The user is editing a cell: "Finish editing the cell, then try again". */
  | "cellEditing"
  /** Excel is busy with another request and did not recover after the retries. */
  | "busy"
  /** A request grew over Excel's size limit even after splitting. */
  | "tooLarge"
  /** The workbook is protected or read-only. */
  | "readOnly"
  | "unknown";

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = "HostError";
  }
}

export interface Host {
  /** Office's UI language, e.g. "vi-VN" (Office.context.displayLanguage). */
  displayLanguage(): string;
  /** Office's theme: dark when the task pane body background is dark. */
  prefersDark(): boolean;
  /** Per-user preferences (language, auto-recalculate), kept across sessions on this machine. */
  getPreference(key: string): string | null;
  setPreference(key: string, value: string): void;
  /** The open workbook, for the shared pipeline (read → evaluate → render → write). */
  readonly port: WorkbookPort;
  /** The column mapping saved with the document (document settings), or null. */
  loadMapping(): Promise<ColumnMapping | null>;
  /** Saves (or, with null, removes) the column mapping in the document settings. */
  saveMapping(mapping: ColumnMapping | null): Promise<void>;
  /** Activates `sheet` and selects `cell` (A1 address). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Calls `onChange` when the user changes a cell in one of `sheets` (names compared without case),
   * never for the add-in's own writes. Resolves to a function that stops watching.
   */
  watchSheets(sheets: readonly string[], onChange: () => void): Promise<() => Promise<void>>;
  supports(feature: HostFeature): boolean;
  /** Shows the task pane (shared runtime): a ribbon command uses it to show what went wrong. */
  showPane(): Promise<void>;

  // Report export. Optional, so that a host without them (or a test double) is still a Host: the
  // pane offers what needs one only when it is there and `supports` says the host can.

  /**
   * Opens an .xlsx file, given as base64, as a new workbook (Excel.createWorkbook); the open workbook
   * is not touched. Used when supports("createWorkbook").
   */
  createWorkbook?(base64: string): Promise<void>;
  /**
   * Adds native charts to sheets of the open workbook (report sheets the port has written); resolves
   * to the number added (0 where the host cannot draw them).
   */
  addCharts?(charts: readonly ChartSpec[]): Promise<number>;
  /** Saves `bytes` as a file named `name` through the browser. Used when supports("download"). */
  downloadFile?(name: string, bytes: Uint8Array, mimeType: string): void;
}
