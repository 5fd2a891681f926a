/**
 * Reports for departments (sở, ngành) and the province summary, in the layout of a Vietnamese
 * administrative document. Built from a recalculation's outcome by pure functions
 * (buildReports.ts); written by any port: .xlsx files on the command line, new workbooks or sheets in
 * the add-in.
 */
import type { Lang } from "../../i18n";
import type { SheetSpec } from "../sheetSpec";

/** A calendar date, given by the caller (builders never read the clock). */
export interface ReportDate {
  day: number;
  month: number;
  year: number;
}

export interface ReportOptions {
  lang: Lang;
  /** Printed on the place and date line ("Hà Tĩnh, ngày 27 tháng 11 năm 2026"). */
  date: ReportDate;
  /** Departments to report on, as named in the criteria sheet (matched without case/diacritics); default all. */
  departments?: readonly string[];
  /** Whether to build the province summary (default true). */
  summary?: boolean;
}

/** A native chart over cells of a report sheet (written where the port or library can). */
export interface ChartSpec {
  /** Sheet the data and the chart are on. */
  sheet: string;
  kind: "pie" | "bar" | "column";
  title: string;
  /** Category labels, a bounded A1 range on `sheet` (one column). */
  categories: string;
  /** One or more series, each a bounded A1 range of numbers the same length as `categories`. */
  series: { name: string; values: string }[];
  /** Placement: top-left and bottom-right cells (A1) the chart spans. */
  from: string;
  to: string;
}

export interface ReportDoc {
  kind: "department" | "summary";
  /** The department as named in the criteria sheet (department reports). */
  department?: string;
  /** Safe, readable, unique within one set of reports: "BaoCao_So-Giao-thong-van-tai_2022.xlsx". */
  fileName: string;
  /** The document's title as printed (for lists in the pane and the command line). */
  title: string;
  /** The report's sheets (usually one), in document layout: fonts, print setup, protection. */
  sheets: SheetSpec[];
  charts: ChartSpec[];
  /** Counts shown to the planner before export, e.g. unmet rows. */
  stats: { criteria: number; indicators: number; unmetRows: number };
}
