/**
 * Locality sheets (province, districts, communes, villages): one row per unit, its fields, and one
 * column per data code of its level. Values are parsed with the sheet's number formats and the
 * settings' number style; percent columns detect whether they were typed as 85 or 0.85.
 */
import type { InputValue, Issue, Level, Locality, ValueKind } from "../../domain/types";
import { detectPercentMode, toIndicatorValue, type ParsedCell } from "../../domain/parse";
import { foldText } from "../../domain/text";
import {
  GROUP_LABELS,
  LOCALITY_FIELDS,
  LOCALITY_ROLES,
  MARK_LABELS,
  parseLabel,
  REGION_LABELS,
  type LocalityRole,
} from "../layout";
import { addIssue, locateColumns, type SheetView, type LayoutObserver } from "./sheet";

export interface ReadLocalitiesOptions {
  /** Data codes of this level (not "@" metrics) and how their cells are read. */
  dataCodes: ReadonlyMap<string, ValueKind>;
  /** Every indicator and data code of the criteria sheet (any level), to tell unknown code columns apart. */
  allCodes: ReadonlySet<string>;
  /** Parent used when the parent cell is blank (the province for districts and communes). */
  defaultParent?: string;
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: number;
  observe?: LayoutObserver;
}

const EXPECTED: Record<ValueKind, [vi: string, en: string]> = {
  percent: ["tỷ lệ (%)", "a percentage"],
  number: ["số", "a number"],
  boolean: ["Đạt/Không đạt", "Met/Not met (Đạt/Không đạt)"],
};

const TOTAL_ROW = /^(tong|cong|total|toan tinh|toan huyen|toan xa)\b/;

/** Reads a value cell for a data code, adding an issue for an Excel error or an unreadable value. */
export function readValueCell(
  view: SheetView,
  row: number,
  col: number,
  kind: ValueKind,
  percentMode: "points" | "fraction",
  dataCode: string,
  locality: string,
  issues: Issue[],
  parsed?: ParsedCell,
): InputValue {
  const cell = parsed ?? view.parsed(row, col);
  const ref = view.ref(row, col);
  const value = toIndicatorValue(cell, kind, percentMode, ref);
  if (cell.kind === "error") {
    addIssue(issues, "warning", "EXCEL_ERROR_VALUE", ref, { value: cell.code, code: dataCode, locality });
  } else if (value.kind === "invalid") {
    addIssue(issues, "warning", kind === "boolean" ? "NOT_A_PASS_VALUE" : "NOT_A_NUMBER", ref, {
      value: view.text(row, col),
      code: dataCode,
      locality,
      expected: EXPECTED[kind][0],
      expectedEn: EXPECTED[kind][1],
    });
  }
  return value;
}

export function readLocalities(
  view: SheetView,
  role: LocalityRole,
  issues: Issue[],
  opts: ReadLocalitiesOptions,
): Locality[] {
  const level: Level = LOCALITY_ROLES[role];
  const fields = LOCALITY_FIELDS[role];
  const layout = locateColumns(
    view,
    {
      fields,
      dataCodes: new Set(opts.dataCodes.keys()),
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const codeField = fields.find((f) => f.key === "code")!;
  const codeCol = layout.fields.get("code");
  if (layout.headerRow < 0 || codeCol === undefined) {
    addIssue(
      issues,
      role === "communes" ? "error" : "warning",
      "MISSING_KEY_COLUMN",
      { sheet: view.name },
      {
        column: codeField.vi,
        columnEn: codeField.en,
      },
    );
    return [];
  }
  for (const { key, col } of layout.duplicates) {
    addIssue(issues, "info", "DUPLICATE_COLUMN", view.ref(layout.headerRow, col), { key });
  }
  for (const code of opts.dataCodes.keys()) {
    if (!layout.data.has(code)) {
      addIssue(issues, "warning", "MISSING_DATA_COLUMN", { sheet: view.name }, { code });
    }
  }
  for (const { col, header } of layout.unknownCodeHeaders) {
    const other = [...opts.allCodes].find((c) => foldText(header).split(" ").includes(foldText(c)));
    addIssue(
      issues,
      "info",
      other ? "DATA_COLUMN_OTHER_LEVEL" : "UNKNOWN_CODE_COLUMN",
      view.ref(layout.headerRow, col),
      {
        header,
        ...(other ? { code: other } : {}),
      },
    );
  }

  const rows: number[] = [];
  for (let r = layout.headerRow + 1; r < view.rowCount; r++) if (!view.rowIsBlank(r)) rows.push(r);

  const dataCols = [...layout.data].filter(([code]) => opts.dataCodes.has(code));
  // Percent columns are parsed once, for detecting how they were typed and then for their values.
  const modes = new Map<string, "points" | "fraction">();
  const parsedColumns = new Map<string, ParsedCell[]>();
  for (const [code, col] of dataCols) {
    if (opts.dataCodes.get(code) !== "percent") continue;
    const cells: ParsedCell[] = rows.map((r) => view.parsed(r, col));
    parsedColumns.set(code, cells);
    modes.set(code, detectPercentMode(cells));
  }

  const col = (key: string) => layout.fields.get(key);
  const text = (r: number, key: string) => view.text(r, col(key));
  const out: Locality[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const code = view.text(r, codeCol);
    const name = text(r, "name");
    if (!code) {
      if (TOTAL_ROW.test(foldText(name))) continue;
      addIssue(issues, "warning", "BLANK_LOCALITY_CODE", view.ref(r, codeCol), { name });
      continue;
    }
    const loc: Locality = { code, name, level, values: {}, ref: view.ref(r, codeCol) };
    const parent = text(r, "parent") || opts.defaultParent;
    if (parent) loc.parent = parent;
    const unitType = text(r, "unitType");
    if (unitType) loc.unitType = unitType;

    const regionText = text(r, "region");
    if (regionText) {
      const region = parseLabel(REGION_LABELS, regionText);
      if (region) loc.region = region;
      else
        addIssue(issues, "warning", "INVALID_REGION", view.ref(r, col("region")!), {
          value: regionText,
          locality: code,
        });
    }
    for (const key of ["dbkk", "atkPoorDistrict"] as const) {
      const t = text(r, key);
      if (!t) continue;
      const flag = parseLabel(MARK_LABELS, t);
      if (flag === undefined) {
        addIssue(issues, "warning", "INVALID_FLAG", view.ref(r, col(key)!), { value: t, locality: code });
      } else if (flag) loc[key] = true;
    }
    const groupText = text(r, "group");
    if (groupText) {
      const group = parseLabel(GROUP_LABELS, groupText);
      if (group) loc.group = group;
      else
        addIssue(issues, "warning", "INVALID_GROUP", view.ref(r, col("group")!), {
          value: groupText,
          locality: code,
        });
    }
    for (const [dataCode, c] of dataCols) {
      const kind = opts.dataCodes.get(dataCode)!;
      loc.values[dataCode] = readValueCell(
        view,
        r,
        c,
        kind,
        modes.get(dataCode) ?? "points",
        dataCode,
        code,
        issues,
      );
    }
    out.push(loc);
  }
  return out;
}
