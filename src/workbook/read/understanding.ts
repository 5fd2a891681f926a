/**
 * How the reader understood a workbook, for the planner to check before anything is written: per
 * sheet its role and how sure, its header rows, what each column means (with a few of its values),
 * its section and total rows, the names it matched and those it could not; per setting its value
 * and where it came from. `ntm-planner inspect`, the short summary of `recalc` and the pane's Setup
 * preview all show this. Pure.
 */
import { columnLetters } from "../a1";
import { parseThresholdKey, type SettingKey } from "../layout";
import type { BodyRow } from "./layout/bodyRows";
import type { ReadRole } from "./mapping";
import type { NameReport } from "./rowUnits";
import type { SettingSource, WorkbookSettings } from "./settings";
import { cellString, type SheetView, type TableLayout } from "./sheet";
import type { SheetRole } from "./roles";

export type ColumnMeaning = "field" | "indicator" | "mark" | "threshold" | "source" | "total" | "unknown";

export interface ColumnUnderstanding {
  /** Column letters. */
  column: string;
  /** The header path, top to bottom, joined with " › ". */
  header: string;
  meaning: ColumnMeaning;
  /** The field key, data code, criterion ("mark.2"), threshold or source key; null when unknown. */
  key: string | null;
  confidence: number;
  mapped: boolean;
  unit?: string;
  /** Up to three values of the column, as typed. */
  sample: string[];
}

export interface SheetUnderstanding {
  sheet: string;
  file?: string;
  role: ReadRole | null;
  confidence: number;
  evidence: string[];
  mapped: boolean;
  /** Why a sheet is not read: the mapping said so, the instructions sheet, hidden, or looks like nothing known. */
  ignored?: "mapping" | "instructions" | "unknown" | "hidden";
  /** 1-based rows of the header band and of the numbering row under it. */
  headerRows?: { first: number; last: number };
  numberingRow?: number;
  columns: ColumnUnderstanding[];
  dataRows: number;
  /** 1-based rows. */
  sections: { row: number; name: string; code?: string }[];
  totals: { row: number; kind: "total" | "subtotal" }[];
  names: NameReport[];
}

export interface SettingUnderstanding {
  key: SettingKey;
  value: string | number;
  source: SettingSource;
}

export interface WorkbookUnderstanding {
  sheets: SheetUnderstanding[];
  settings: SettingUnderstanding[];
  /** Where the evaluated criteria come from: the workbook's criteria sheet, the catalog's set, or nowhere. */
  criteria: "workbook" | "catalog" | "none";
  /** Criteria judged by the marks of a commune sheet. */
  markedCriteria: string[];
  /** National criteria of the catalog's set the workbook has no data for. */
  criteriaWithoutData: string[];
}

const SAMPLE = 3;

function meaningOf(key: string, layout: TableLayout): ColumnMeaning {
  if (layout.fields.has(key)) return "field";
  if (layout.data.has(key)) return "indicator";
  if (key.startsWith("mark.")) return "mark";
  if (parseThresholdKey(key)) return "threshold";
  if (key.startsWith("total:")) return "total";
  return "source";
}

/** One sheet's understanding from the layout its reader found (or only its role, when not read). */
export function sheetUnderstanding(
  view: SheetView,
  role: SheetRole,
  layout: TableLayout | undefined,
  names: readonly NameReport[] = [],
  sectionCodes: ReadonlyMap<number, string> = new Map(),
): SheetUnderstanding {
  const out: SheetUnderstanding = {
    sheet: view.name,
    ...(view.grid.file !== undefined ? { file: view.grid.file } : {}),
    role: role.guess?.role ?? null,
    confidence: role.guess?.confidence ?? 0,
    evidence: role.guess?.evidence ?? [],
    mapped: role.mapped,
    ...(role.ignored ? { ignored: role.ignored } : {}),
    columns: [],
    dataRows: 0,
    sections: [],
    totals: [],
    names: [...names],
  };
  if (!layout || !layout.band) return out;
  const band = layout.band;
  out.headerRows = { first: band.first + 1, last: band.last + 1 };
  if (band.numberingRow !== undefined) out.numberingRow = band.numberingRow + 1;
  out.dataRows = layout.rows.length;
  const keyOf = new Map<number, string>();
  for (const m of [layout.fields, layout.special, layout.data])
    for (const [key, col] of m) keyOf.set(col, key);
  for (const column of band.columns) {
    const key = keyOf.get(column.col) ?? null;
    const sample: string[] = [];
    for (const r of layout.rows) {
      const text = cellString(view.raw(r, column.col));
      if (text !== "") sample.push(text);
      if (sample.length >= SAMPLE) break;
    }
    out.columns.push({
      column: columnLetters(column.col),
      header: column.path.join(" › "),
      meaning: key === null ? "unknown" : meaningOf(key, layout),
      key,
      confidence: key === null ? 0 : (layout.confidence.get(key) ?? 0.7),
      mapped: key !== null && layout.mapped.has(key),
      ...(column.unit ? { unit: column.unit } : {}),
      sample,
    });
  }
  for (const b of layout.body) addBodyRow(out, b, sectionCodes);
  return out;
}

function addBodyRow(out: SheetUnderstanding, b: BodyRow, codes: ReadonlyMap<number, string>): void {
  if (b.kind === "section") {
    const code = codes.get(b.row);
    out.sections.push({ row: b.row + 1, name: b.name ?? b.marker ?? "", ...(code ? { code } : {}) });
  } else if (b.kind === "total" || b.kind === "subtotal") out.totals.push({ row: b.row + 1, kind: b.kind });
}

/** The decided settings, each with where it came from. */
export function settingsUnderstanding(settings: WorkbookSettings): SettingUnderstanding[] {
  const out: SettingUnderstanding[] = [];
  const add = (key: SettingKey, value: string | number | undefined) => {
    if (value === undefined) return;
    out.push({
      key,
      value,
      source:
        settings.sources[key] ??
        (settings.refs[key] ? { kind: "typed", ref: settings.refs[key]! } : { kind: "default" }),
    });
  };
  add("year", settings.year);
  add("setId", settings.setId);
  add("provinceCode", settings.provinceCode);
  add("provinceName", settings.provinceName);
  add("region", settings.region);
  add("moneyUnit", settings.moneyUnit);
  return out;
}
