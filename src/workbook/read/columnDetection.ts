/**
 * What the reader would find in a planner's own layout, for the mapping screen: per input role the
 * sheet, the header row and, for every field and indicator, the column detected with a confidence.
 * The planner corrects what is wrong and saves a ColumnMapping; the reader then uses it.
 */
import { FUNDING_CATEGORIES } from "../../catalog/fundingCategories";
import type { Lang } from "../../i18n";
import { columnLetters } from "../a1";
import { INPUT_ROLES } from "../layout";
import type { WorkbookPort } from "../port";
import { inputSheetNames, readInputs } from "./reader";
import type { ColumnMapping, ReadRole } from "./mapping";
import { cellString, type TableLayout, type TableSpecForRead } from "./sheet";

export type DetectedKind = "field" | "indicator" | "source" | "threshold";

export interface DetectedColumn {
  /** Mapping key: a field ("code", "name", "parent"…), an indicator data code ("2.1"), a source code ("NSTW"), "threshold.BTB"… */
  key: string;
  kind: DetectedKind;
  /** Label for the planner, in the requested language. */
  label: string;
  /** Whether the reader cannot work without it (e.g. the locality code). */
  required: boolean;
  /** Column letters ("E"), or null when nothing was found. */
  column: string | null;
  /** The header text of that column. */
  header: string | null;
  /** 1 = set by the mapping or an exact header; lower = a looser match; 0 = not found. */
  confidence: number;
  /** True when the saved mapping decided it (not the detection). */
  mapped: boolean;
}

export interface SheetDetection {
  role: ReadRole;
  /** The sheet used for this role, or null when none was found. */
  sheet: string | null;
  /** 1-based header row, or null when none was found. */
  headerRow: number | null;
  columns: DetectedColumn[];
  /** Every column of the header row, for the correction drop-downs: letters and header text. */
  headers: { column: string; header: string }[];
}

export type { ColumnMapping, ReadRole };

/**
 * Runs the reader over the workbook (with `mapping`, if any) and reports, per input role, what it
 * found: the sheet, the header row and the column of every field and indicator, with a confidence.
 * Only reads; the workbook is not changed.
 */
export async function detectColumns(
  port: WorkbookPort,
  opts: { mapping?: ColumnMapping; lang: Lang },
): Promise<SheetDetection[]> {
  const seen = new Map<ReadRole, { sheet: string; layout: TableLayout; spec: TableSpecForRead }>();
  const names = await port.sheetNames();
  const roles = inputSheetNames(names, opts.mapping);
  const wanted = INPUT_ROLES.map((r) => roles[r]).filter((n): n is string => n !== undefined);
  const grids = await port.readSheets(wanted);
  const read = readInputs(grids, {
    mapping: opts.mapping,
    observe: (role, sheet, layout, spec) => seen.set(role, { sheet, layout, spec }),
  });
  const indicatorName = new Map<string, string>();
  for (const d of read.input.indicators) {
    const code = d.dataCode ?? d.code;
    if (!indicatorName.has(code)) indicatorName.set(code, opts.lang === "vi" ? d.nameVi : d.nameEn);
  }
  const sourceName = new Map(
    FUNDING_CATEGORIES.map((c) => [c.code, opts.lang === "vi" ? c.nameVi : c.nameEn]),
  );

  return INPUT_ROLES.map((role): SheetDetection => {
    const found = seen.get(role);
    const sheet = read.roles[role] ?? null;
    if (!found) return { role, sheet, headerRow: null, columns: [], headers: [] };
    const { layout, spec } = found;
    const grid = grids.find((g) => g.name === found.sheet);
    const headerCells = layout.headerRow >= 0 ? (grid?.values[layout.headerRow] ?? []) : [];
    const headerAt = (col: number | undefined) =>
      col === undefined ? null : cellString(headerCells[col]) || null;
    const column = (
      key: string,
      kind: DetectedKind,
      label: string,
      required: boolean,
      col: number | undefined,
    ): DetectedColumn => ({
      key,
      kind,
      label,
      required,
      column: col === undefined ? null : columnLetters(col),
      header: headerAt(col),
      confidence: col === undefined ? 0 : (layout.confidence.get(key) ?? 0.7),
      mapped: layout.mapped.has(key),
    });

    const columns: DetectedColumn[] = spec.fields.map((f) =>
      column(f.key, "field", f[opts.lang], f.required === true, layout.fields.get(f.key)),
    );
    for (const [key, col] of layout.special) {
      const isSource = role === "budget";
      const label = isSource ? (sourceName.get(key) ?? key) : key;
      columns.push(column(key, isSource ? "source" : "threshold", label, false, col));
    }
    for (const code of spec.dataCodes ?? []) {
      const name = indicatorName.get(code);
      columns.push(
        column(code, "indicator", name ? `${code} – ${name}` : code, false, layout.data.get(code)),
      );
    }
    const headers: SheetDetection["headers"] = [];
    headerCells.forEach((cell, c) => {
      const text = cellString(cell);
      if (text) headers.push({ column: columnLetters(c), header: text });
    });
    return {
      role,
      sheet,
      headerRow: layout.headerRow >= 0 ? layout.headerRow + 1 : null,
      columns,
      headers,
    };
  });
}
