/**
 * A port-neutral description of a sheet to write: values, static styling of bounded ranges,
 * number formats, conditional-format rules, validations and an optional Excel table.
 * Renderers build these; the .xlsx and office.js ports turn them into a workbook.
 *
 * Ranges are A1 ranges on the sheet itself ("B3:F20"), always bounded.
 */

/**
 * A cell to write. Strings are ALWAYS written as text, never as a formula, even when they start
 * with "=", "+", "-" or "@" (user text is echoed back into result sheets).
 */
export type OutCell = string | number | boolean | null;

/** The four result colours, defined once in highlightPalette.ts. */
export type HighlightStyle = "met" | "notMet" | "near" | "unknown";

export type ConditionalRule =
  /** Highlight cells whose text equals `text` (e.g. "Đạt"). */
  | { kind: "textEquals"; range: string; text: string; style: HighlightStyle }
  /** Highlight cells where `formula` (written for the top-left cell of `range`, relative refs) is TRUE. */
  | { kind: "formula"; range: string; formula: string; style: HighlightStyle }
  /** Data bar over numeric cells (shares in 0..1). */
  | { kind: "dataBar"; range: string; color: string };

export interface StyleSpan {
  range: string;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string; // "RRGGBB"
  fill?: string; // "RRGGBB", used only for headers and titles, never for results
  wrap?: boolean;
  align?: "left" | "center" | "right";
  verticalAlign?: "top" | "middle" | "bottom";
  border?: boolean;
  merge?: boolean;
}

export interface ListValidation {
  range: string;
  list: string[];
  /** Shown when the user types something not in the list. */
  errorTitle?: string;
  error?: string;
}

export interface TableSpec {
  name: string;
  /** Range including the header row. */
  range: string;
}

/** Print setup: A4, fitted to the page width, header rows repeated on every page. */
export interface PageSetup {
  landscape: boolean;
  /** Rows repeated at the top of every printed page, 1-based inclusive, e.g. [5, 5]. */
  repeatRows?: [number, number];
  /** Margins in inches (Excel's unit). Default: Excel's. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /**
   * Centred page footer in Excel's header/footer codes, e.g. "Trang &P/&N" (page n of N). Plain
   * text otherwise: an "&" meant literally is written "&&".
   */
  footer?: string;
}

export interface SheetSpec {
  name: string;
  rows: OutCell[][];
  columnWidths?: number[];
  freeze?: { rows: number; columns: number };
  styles?: StyleSpan[];
  numberFormats?: { range: string; format: string }[];
  conditionalFormats?: ConditionalRule[];
  validations?: ListValidation[];
  table?: TableSpec;
  /** Hidden sheets hold the tool's internal marks. */
  hidden?: boolean;
  tabColor?: string;
  page?: PageSetup;
  /** Font of every cell unless a style span says otherwise, e.g. Times New Roman 13 for documents. */
  font?: { name: string; size: number };
  /** False hides the gridlines on screen (administrative documents); default shown. */
  showGridLines?: boolean;
  /** Protects the sheet against accidental edits, without a password: cells can still be selected and copied. */
  protect?: boolean;
}
