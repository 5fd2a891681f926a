/**
 * Locality sheets (province, districts, communes, villages): one row per unit, its fields, one
 * column per data code of its level and, in planners' forms, one column per criterion holding its
 * mark ("x", "Đạt"). A row's unit is its code, or its name matched to a GSO unit within the
 * district of its section row ("I | Huyện Can Lộc") or its district column; section, subtotal and
 * total rows are never localities, and what they and the "Số tiêu chí đạt" column say is kept to be
 * checked against the results. Values are parsed with the sheet's number formats and the settings'
 * number style; percent columns detect whether they were typed as 85 or 0.85.
 */
import type { CellValue } from "../port";
import type { CellRef, InputValue, Issue, Level, Locality, ValueKind } from "../../domain/types";
import { detectPercentMode, toIndicatorValue, type ParsedCell } from "../../domain/parse";
import { foldText } from "../../domain/text";
import {
  GROUP_LABELS,
  LOCALITY_FIELDS,
  LOCALITY_ROLES,
  MARK_LABELS,
  parseLabel,
  REGION_LABELS,
  type FieldDef,
  type LocalityRole,
} from "../layout";
import { COMMUNE_NAME_ALIASES, FORM_FIELDS } from "./formFields";
import type { HeaderRows } from "./mapping";
import { markColumnCandidates, markCellValue, MARK_KEY_PREFIX, type MarkColumnKind } from "./marks";
import type { NameResolver } from "./nameResolver";
import { rowUnits, type NameReport } from "./rowUnits";
import { addIssue, locateColumns, type LayoutObserver, type SheetView, type TableLayout } from "./sheet";
import { markColumnKind, parseCount } from "./text";

/** A criterion of the set, for recognising its mark column. */
export interface CriterionInfo {
  code: string;
  nameVi: string;
}

export interface ReadLocalitiesOptions {
  /** Data codes of this level (not "@" metrics) and how their cells are read. */
  dataCodes: ReadonlyMap<string, ValueKind>;
  /** Every indicator and data code of the criteria sheet (any level), to tell unknown code columns apart. */
  allCodes: ReadonlySet<string>;
  /** Criteria whose marks this sheet may carry (commune and district sheets). */
  criteria?: readonly CriterionInfo[];
  /** Parent used when the parent cell is blank (the province for districts and communes). */
  defaultParent?: string;
  /** Matches names to GSO units; without it a row needs its code. */
  names?: NameResolver;
  /** The planner's choice of unit for a name typed at "Sheet!B7". */
  mappedNames?: Readonly<Record<string, string>>;
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: HeaderRows;
  observe?: LayoutObserver;
}

/** A figure the planner typed, to be checked against the results once evaluated. */
export interface TypedFigure {
  /** "criteriaMet": a commune's count of criteria met; "ntmCount": communes meeting NTM under a district or the province. */
  kind: "criteriaMet" | "ntmCount";
  /** The locality the figure is about (undefined: the whole table, e.g. a total row). */
  locality?: string;
  typed: number;
  of?: number;
  ref: CellRef;
}

export type { NameReport };

export interface MarkColumn {
  criterion: string;
  col: number;
  kind: MarkColumnKind;
}

export interface LocalityRead {
  localities: Locality[];
  /** Districts made from the section rows of a commune sheet. */
  sections: Locality[];
  typed: TypedFigure[];
  names: NameReport[];
  marks: MarkColumn[];
  /** Data codes found as columns. */
  dataColumns: string[];
  /** The district code of each section row that names one, by row. */
  sectionCodes: Map<number, string>;
  layout: TableLayout;
}

const EXPECTED: Record<ValueKind, [vi: string, en: string]> = {
  percent: ["tỷ lệ (%)", "a percentage"],
  number: ["số", "a number"],
  boolean: ["Đạt/Không đạt", "Met/Not met (Đạt/Không đạt)"],
};

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

/** The template's fields of a role plus what forms add (row number, typed counts, district by name). */
export function localityFields(role: LocalityRole): FieldDef[] {
  return [
    ...LOCALITY_FIELDS[role].map((field) =>
      role === "communes" && field.key === "name"
        ? { ...field, aliases: [...field.aliases, ...COMMUNE_NAME_ALIASES] }
        : field,
    ),
    ...FORM_FIELDS[role],
  ];
}

export function readLocalities(
  view: SheetView,
  role: LocalityRole,
  issues: Issue[],
  opts: ReadLocalitiesOptions,
): LocalityRead {
  const level: Level = LOCALITY_ROLES[role];
  const fields = localityFields(role);
  const dataCodes = new Set(opts.dataCodes.keys());
  const body = view.analysis().body;
  const dataRows = body.filter((b) => b.kind === "data").map((b) => b.row);
  const layout = locateColumns(
    view,
    {
      fields,
      dataCodes,
      special: opts.criteria
        ? markColumnCandidates(opts.criteria, opts.dataCodes, (col) => dataRows.map((r) => view.raw(r, col)))
        : undefined,
      isSpecialKey: (key) => key.startsWith(MARK_KEY_PREFIX),
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const out: LocalityRead = {
    localities: [],
    sections: [],
    typed: [],
    names: [],
    marks: [],
    dataColumns: [],
    sectionCodes: new Map(),
    layout,
  };
  const codeCol = layout.fields.get("code");
  let nameCol = layout.fields.get("name");
  if (nameCol === undefined && codeCol === undefined && layout.band) nameCol = guessNameColumn(view, layout);
  if (layout.headerRow < 0 || (codeCol === undefined && nameCol === undefined)) {
    const codeField = fields.find((f) => f.key === "code")!;
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
    return out;
  }
  for (const { key, col } of layout.duplicates) {
    addIssue(issues, "info", "DUPLICATE_COLUMN", view.ref(layout.headerRow, col), { key });
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

  const rows = layout.rows;
  const dataCols = [...layout.data].filter(([code]) => opts.dataCodes.has(code));
  out.dataColumns = dataCols.map(([code]) => code);
  // Percent columns are parsed once, for detecting how they were typed and then for their values.
  const modes = new Map<string, "points" | "fraction">();
  for (const [code, col] of dataCols) {
    if (opts.dataCodes.get(code) !== "percent") continue;
    modes.set(code, detectPercentMode(rows.map((r) => view.parsed(r, col))));
  }
  // A pass/fail column that only ever ticks the met cells ("x", "✓") means "not met" by a blank; one
  // that writes "Đạt" leaves a blank as "no data yet", as the template does.
  const positiveOnly = new Set<string>();
  for (const [code, col] of dataCols) {
    const values = rows.map((r) => view.raw(r, col));
    if (
      opts.dataCodes.get(code) === "boolean" &&
      markColumnKind(values) === "positiveOnly" &&
      ticksOnly(values)
    )
      positiveOnly.add(code);
  }
  for (const [key, col] of layout.special) {
    if (!key.startsWith(MARK_KEY_PREFIX)) continue;
    const kind = markColumnKind(rows.map((r) => view.raw(r, col)));
    out.marks.push({
      criterion: key.slice(MARK_KEY_PREFIX.length),
      col,
      kind: kind === "notMarks" ? "explicit" : kind,
    });
  }

  const col = (key: string) => layout.fields.get(key);
  const text = (r: number, key: string) => view.text(r, col(key));
  const units = rowUnits(
    view,
    layout,
    {
      level,
      codeCol,
      nameCol,
      parentCol: col("parent"),
      parentNameCol: col("parentName"),
      names: opts.names,
      mappedNames: opts.mappedNames,
      defaultParent: opts.defaultParent,
      reportBlank: true,
    },
    issues,
  );
  out.sections = units.sections;
  out.names = units.names;
  out.sectionCodes = units.sectionCodes;

  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const id = units.units[i];
    if (!id) continue;
    const loc: Locality = { code: id.code, name: id.name, level, values: {}, ref: id.ref };
    const parent = id.parent ?? opts.defaultParent;
    if (parent) loc.parent = parent;
    const unitType = text(r, "unitType") || id.unitType;
    if (unitType) loc.unitType = unitType;

    const regionText = text(r, "region");
    if (regionText) {
      const region = parseLabel(REGION_LABELS, regionText);
      if (region) loc.region = region;
      else
        addIssue(issues, "warning", "INVALID_REGION", view.ref(r, col("region")!), {
          value: regionText,
          locality: loc.code,
        });
    }
    for (const key of ["dbkk", "atkPoorDistrict"] as const) {
      const t = text(r, key);
      if (!t) continue;
      const flag = parseLabel(MARK_LABELS, t);
      if (flag === undefined) {
        addIssue(issues, "warning", "INVALID_FLAG", view.ref(r, col(key)!), { value: t, locality: loc.code });
      } else if (flag) loc[key] = true;
    }
    const groupText = text(r, "group");
    if (groupText) {
      const group = parseLabel(GROUP_LABELS, groupText);
      if (group) loc.group = group;
      else
        addIssue(issues, "warning", "INVALID_GROUP", view.ref(r, col("group")!), {
          value: groupText,
          locality: loc.code,
        });
    }
    for (const [dataCode, c] of dataCols) {
      const kind = opts.dataCodes.get(dataCode)!;
      let value = readValueCell(
        view,
        r,
        c,
        kind,
        modes.get(dataCode) ?? "points",
        dataCode,
        loc.code,
        issues,
      );
      if (value.kind === "missing" && positiveOnly.has(dataCode))
        value = { kind: "value", value: false, ref: view.ref(r, c) };
      loc.values[dataCode] = value;
    }
    for (const mark of out.marks) {
      const value = markCellValue(view.raw(r, mark.col), mark.kind, view.ref(r, mark.col));
      loc.values[markDataCode(mark.criterion)] = value;
      if (value.kind === "invalid")
        addIssue(issues, "warning", "NOT_A_PASS_VALUE", view.ref(r, mark.col), {
          value: view.text(r, mark.col),
          code: markDataCode(mark.criterion),
          locality: loc.code,
          expected: EXPECTED.boolean[0],
          expectedEn: EXPECTED.boolean[1],
        });
    }
    const typedCol = col("typedCriteriaMet");
    if (typedCol !== undefined) {
      const count = parseCount(view.raw(r, typedCol));
      if (count)
        out.typed.push({
          kind: "criteriaMet",
          locality: loc.code,
          ...typedOf(count),
          ref: view.ref(r, typedCol),
        });
    }
    const ntmCol = col("typedNtmCount");
    if (ntmCol !== undefined) {
      const count = parseCount(view.raw(r, ntmCol));
      if (count)
        out.typed.push({ kind: "ntmCount", locality: loc.code, ...typedOf(count), ref: view.ref(r, ntmCol) });
    }
    out.localities.push(loc);
  }
  typedOnLabelRows(view, layout, out, units.sectionCodes);
  return out;
}

const TICKS = new Set(["x", "X", "✓", "✔", "v", "V"]);

function ticksOnly(values: readonly CellValue[]): boolean {
  return values.every(
    (v) => v === null || (typeof v === "string" && (v.trim() === "" || TICKS.has(v.trim()))),
  );
}

function typedOf(count: { count: number; of?: number }): { typed: number; of?: number } {
  return count.of !== undefined ? { typed: count.count, of: count.of } : { typed: count.count };
}

/** The data code under which a criterion's mark is kept (and the indicator that reads it). */
export function markDataCode(criterion: string): string {
  return `TC.${criterion}`;
}

/**
 * Counts typed on section and total rows ("4/6 xã đạt", "Số xã đạt chuẩn: 12"): the number of
 * communes meeting NTM in that district (a section matched to one) or in the whole table.
 */
function typedOnLabelRows(
  view: SheetView,
  layout: TableLayout,
  out: LocalityRead,
  sectionCodes: ReadonlyMap<number, string>,
): void {
  const ntmCol = layout.fields.get("typedNtmCount");
  for (const b of layout.body) {
    if (b.kind !== "section" && b.kind !== "total") continue;
    const scope = b.kind === "section" ? sectionCodes.get(b.row) : undefined;
    if (b.kind === "section" && scope === undefined) continue;
    const cols = ntmCol !== undefined ? [ntmCol] : labelRowCountColumns(view, layout, b.row);
    for (const c of cols) {
      const count = parseCount(view.raw(b.row, c));
      if (!count || count.of === undefined) continue;
      out.typed.push({
        kind: "ntmCount",
        ...(scope ? { locality: scope } : {}),
        ...typedOf(count),
        ref: view.ref(b.row, c),
      });
      break;
    }
  }
}

/** Cells of a label row that may hold "4/6 xã đạt": text cells outside data and mark columns. */
function labelRowCountColumns(view: SheetView, layout: TableLayout, row: number): number[] {
  const taken = new Set([...layout.data.values(), ...layout.special.values()]);
  const out: number[] = [];
  const width = view.grid.values[row]?.length ?? 0;
  for (let c = 0; c < width; c++) if (!taken.has(c) && typeof view.raw(row, c) === "string") out.push(c);
  return out;
}

/**
 * Without a name or code header: the text column whose cells read most like unit names (the first
 * text column that is not the row number), for forms headed "Đơn vị" variants we do not know.
 */
function guessNameColumn(view: SheetView, layout: TableLayout): number | undefined {
  const placed = new Set([...layout.fields.values(), ...layout.data.values(), ...layout.special.values()]);
  const sample = layout.rows.slice(0, 50);
  let best: number | undefined;
  let bestShare = 0.6;
  for (const column of layout.band?.columns ?? []) {
    if (placed.has(column.col)) continue;
    const texts = sample.map((r) => view.raw(r, column.col)).filter((v) => v !== null);
    if (texts.length === 0) continue;
    const share =
      texts.filter((v) => typeof v === "string" && /\p{L}{2}/u.test(v) && v.length <= 60).length /
      sample.length;
    if (share > bestShare) {
      bestShare = share;
      best = column.col;
    }
  }
  return best;
}
