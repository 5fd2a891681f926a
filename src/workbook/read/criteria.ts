/**
 * The criteria sheet ("Chỉ tiêu" / "Indicators"): one row per indicator, which IS the evaluated set.
 * Rows with an unknown comparator, value kind, level, tier or year are skipped with an error issue;
 * a bad threshold cell is dropped with a warning; everything else is read.
 */
import type {
  CellRef,
  CriterionDef,
  DerivedThreshold,
  IndicatorDef,
  InputValue,
  ValueKind,
  Issue,
  ThresholdRule,
  Tier,
} from "../../domain/types";
import { TIERS } from "../../domain/types";
import {
  detectPercentMode,
  parseNumberText,
  toIndicatorValue,
  type NumberStyle,
  type ParsedCell,
} from "../../domain/parse";
import { foldText } from "../../domain/text";
import type { CatalogCriterion } from "../../catalog/types";
import {
  COMPARATOR_LABELS,
  CRITERIA_FIELDS,
  KIND_LABELS,
  LEVEL_LABELS,
  parseLabel,
  parseThresholdHeader,
  parseThresholdKey,
  thresholdKey,
  TIER_LABELS,
  YES_NO_LABELS,
  type ThresholdScope,
} from "../layout";
import { FORM_FIELDS } from "./formFields";
import type { HeaderRows } from "./mapping";
import { addIssue, locateColumns, type LayoutObserver, type SheetView, type TableLayout } from "./sheet";
import { parseThresholdText } from "./text";

export interface CriteriaRead {
  indicators: IndicatorDef[];
  criteria: CriterionDef[];
}

export interface ReadCriteriaOptions {
  mappedColumns?: Record<string, string>;
  mappedHeaderRow?: HeaderRows;
  observe?: LayoutObserver;
  /** Catalog criteria of the set, used only for a criterion's English name when the sheet has none. */
  catalogCriteria?: readonly CatalogCriterion[];
  /** Catalog indicators of the set: the comparator and kind of a known code the row leaves out. */
  catalogIndicators?: readonly IndicatorDef[];
}

const DERIVED =
  /^(\d[\d.,]*)\s*(%?)\s*(?:x|lần|lan|nhân|nhan)?\s*(?:(?:của|cua)\s+)?([\p{L}\d][\p{L}\d._]*)$/iu;

/** Parses "110% × NC.10", "1,1 x NC.10", "1.1*NC.10", "110% của NC.10" into a derived threshold, or null. */
export function parseDerived(text: string): DerivedThreshold | null {
  const m = DERIVED.exec(text.trim().replace(/[×✕*]/g, " x ").replace(/\s+/g, " "));
  if (!m) return null;
  const [, num, percent, from] = m;
  const factorText = num.includes(",") && num.includes(".") ? null : num.replace(",", ".");
  let factor = factorText !== null ? Number(factorText) : parseNumberText(num, "vi");
  if (factor === null || !Number.isFinite(factor)) return null;
  if (percent) factor = factor / 100;
  if (!(factor > 0)) return null;
  return { factor: Math.round(factor * 1e10) / 1e10, from };
}

/** "110% × NC.10": how the template writes a derived threshold. */
export function formatDerived(derived: DerivedThreshold): string {
  const percent = Math.round(derived.factor * 100 * 1e8) / 1e8;
  return `${percent}% × ${derived.from}`;
}

/**
 * Thresholds are documented in points (80 = 80%), so a plain-number column is read as fractions
 * only on stronger evidence than a data column: detectPercentMode says so and at least two plain
 * values lie strictly between 0 and 1 (one "≤ 0,5" poverty threshold alone stays 0.5 points).
 * Percent-formatted cells and "80%" text are unambiguous either way.
 */
export function thresholdPercentMode(cells: readonly ParsedCell[]): "points" | "fraction" {
  if (detectPercentMode(cells) === "points") return "points";
  const between = cells.filter((c) => c.kind === "number" && !c.percent && c.value > 0 && c.value < 1).length;
  return between >= 2 ? "fraction" : "points";
}

function tierRank(t: Tier): number {
  return TIERS.indexOf(t);
}

export function readCriteria(view: SheetView, issues: Issue[], opts: ReadCriteriaOptions = {}): CriteriaRead {
  const out: CriteriaRead = { indicators: [], criteria: [] };
  const layout = locateColumns(
    view,
    {
      fields: [...CRITERIA_FIELDS, ...FORM_FIELDS.criteria],
      special: (header) => {
        const scope = parseThresholdHeader(header);
        return scope ? [{ key: thresholdKey(scope), score: 1, specificity: header.length }] : [];
      },
      isSpecialKey: (key) => parseThresholdKey(key) !== undefined,
      mappedColumns: opts.mappedColumns,
      mappedHeaderRow: opts.mappedHeaderRow,
      observe: opts.observe,
    },
    issues,
  );
  const codeCol = layout.fields.get("code");
  const codes = layout.headerRow >= 0 ? rowCodes(view, layout, codeCol) : [];
  if (layout.headerRow < 0 || codes.every((c) => c === undefined)) {
    addIssue(
      issues,
      "error",
      "MISSING_KEY_COLUMN",
      { sheet: view.name },
      { column: "Mã chỉ tiêu", columnEn: "Indicator code" },
    );
    return out;
  }
  for (const { key, col } of layout.duplicates) {
    addIssue(issues, "info", "DUPLICATE_COLUMN", view.ref(layout.headerRow, col), { key });
  }

  const thresholdCols: { scope: ThresholdScope; col: number }[] = [];
  for (const [key, col] of layout.special) {
    const scope = parseThresholdKey(key);
    if (scope) thresholdCols.push({ scope, col });
  }
  thresholdCols.sort((a, b) => a.col - b.col);
  if (thresholdCols.length === 0) {
    addIssue(
      issues,
      "warning",
      "NO_THRESHOLD_COLUMNS",
      view.ref(layout.headerRow, codeCol ?? layout.band!.firstCol),
      {},
    );
  }

  const col = (key: string) => layout.fields.get(key);
  const text = (row: number, key: string) => view.text(row, col(key));

  // Percent mode per threshold column, over the rows whose kind is percent.
  const rows = layout.rows;
  const percentRow = (r: number) => {
    const k = text(r, "kind");
    const kind = k ? parseLabel(KIND_LABELS, k) : text(r, "unit").trim() === "%" ? "percent" : undefined;
    return kind === "percent";
  };
  const percentMode = new Map<number, "points" | "fraction">();
  for (const { col: c } of thresholdCols) {
    const cells: ParsedCell[] = rows.filter(percentRow).map((r) => view.parsed(r, c));
    percentMode.set(c, thresholdPercentMode(cells));
  }

  const seen = new Map<string, string>();
  const criteria = new Map<string, CriterionDef & { rank: number }>();
  const catalogByCode = new Map((opts.catalogCriteria ?? []).map((c) => [c.code, c]));

  const catalogIndicators = new Map((opts.catalogIndicators ?? []).map((d) => [d.code, d]));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const rowCode = codes[i];
    const code = rowCode?.code ?? "";
    const codeRef = rowCode?.ref ?? view.ref(r, codeCol ?? layout.band!.firstCol);
    const skip = (issueCode: string, key: string, value: string) => {
      const c = col(key);
      addIssue(issues, "error", issueCode, c !== undefined ? view.ref(r, c) : codeRef, { value, code });
    };
    if (!code) {
      const hasContent =
        text(r, "comparator") !== "" ||
        text(r, "kind") !== "" ||
        thresholdCols.some((t) => view.text(r, t.col) !== "");
      if (hasContent) addIssue(issues, "warning", "BLANK_INDICATOR_CODE", codeRef, {});
      continue;
    }

    const unit = text(r, "unit");
    const kindText = text(r, "kind");
    let kind = kindText ? parseLabel(KIND_LABELS, kindText) : undefined;
    if (kindText && !kind) {
      skip("UNKNOWN_VALUE_KIND", "kind", kindText);
      continue;
    }
    const cmpText = text(r, "comparator");
    let comparator = cmpText ? parseLabel(COMPARATOR_LABELS, cmpText) : undefined;
    if (cmpText && !comparator) {
      skip("UNKNOWN_COMPARATOR", "comparator", cmpText);
      continue;
    }
    // Thresholds typed with their comparator ("≤ 13", "từ 80% trở lên", "Đạt") say what the row lacks.
    const typed = thresholdCols
      .map(({ col: c }) =>
        typeof view.raw(r, c) === "string" ? parseThresholdText(view.text(r, c), view.style) : null,
      )
      .find((x) => x !== null);
    const known = catalogIndicators.get(code);
    if (!kind) {
      if (comparator === "pass" || typeof typed?.value === "boolean") kind = "boolean";
      else if (typed?.percent || unit.trim() === "%") kind = "percent";
      else if (known && !typed) kind = known.kind;
      else kind = "number";
    }
    if (!comparator && typed?.comparator) comparator = typed.comparator;
    if (!comparator && known && known.kind === kind) {
      comparator = known.comparator;
      addIssue(issues, "info", "COMPARATOR_FROM_CATALOG", codeRef, { code, comparator });
    }
    if (!comparator) comparator = kind === "boolean" ? "pass" : ">=";

    const levelText = text(r, "level");
    const level = levelText ? parseLabel(LEVEL_LABELS, levelText) : "commune";
    if (!level) {
      skip("UNKNOWN_LEVEL", "level", levelText);
      continue;
    }
    const tierText = text(r, "tier");
    const tier = tierText ? parseLabel(TIER_LABELS, tierText) : "ntm";
    if (!tier) {
      skip("UNKNOWN_TIER", "tier", tierText);
      continue;
    }
    let year: number | undefined;
    const yearCol = col("year");
    if (yearCol !== undefined) {
      const cell = view.parsed(r, yearCol);
      if (
        cell.kind === "number" &&
        Number.isInteger(cell.value) &&
        cell.value >= 1990 &&
        cell.value <= 2100 &&
        !cell.percent
      ) {
        year = cell.value;
      } else if (cell.kind !== "blank") {
        skip("INVALID_INDICATOR_YEAR", "year", view.text(r, yearCol));
        continue;
      }
    }

    const dupKey = `${foldText(code)}|${year ?? ""}`;
    const first = seen.get(dupKey);
    if (first !== undefined) {
      addIssue(issues, "warning", "DUPLICATE_INDICATOR_ROW", codeRef, {
        code,
        year: year !== undefined ? String(year) : "",
        first,
      });
      continue;
    }
    seen.set(dupKey, codeRef.cell);

    const confirmedText = text(r, "confirmed");
    let confirmed = false;
    if (confirmedText) {
      const v = parseLabel(YES_NO_LABELS, confirmedText);
      if (v === undefined)
        addIssue(issues, "warning", "INVALID_YES_NO", view.ref(r, col("confirmed")!), {
          value: confirmedText,
          code,
        });
      else confirmed = v;
    }

    const thresholds: ThresholdRule[] = [];
    for (const { scope, col: c } of thresholdCols) {
      const cell = view.parsed(r, c);
      if (cell.kind === "blank") continue;
      const value = thresholdValue(cell, view.text(r, c), kind, percentMode.get(c)!, view.style);
      if (value.kind !== "value") {
        addIssue(issues, "warning", "INVALID_THRESHOLD", view.ref(r, c), {
          value: view.text(r, c),
          code,
          kind: kindText || kind,
        });
        continue;
      }
      const rule: ThresholdRule = { value: value.value, confirmed };
      if ("region" in scope) rule.region = scope.region;
      if ("group" in scope) rule.group = scope.group;
      thresholds.push(rule);
    }

    const indicatorName = rowCode?.name ?? text(r, "nameVi");
    const def: IndicatorDef = {
      code,
      criterion: text(r, "criterion") || rowCode?.criterion || "",
      nameVi: indicatorName,
      nameEn: text(r, "nameEn") || indicatorName,
      unit,
      kind,
      comparator,
      level,
      tier,
      thresholds,
      source: text(r, "source"),
      confirmed,
      origin: codeRef,
    };
    if (!def.criterion) {
      def.criterion = code.replace(/^[A-Za-z]+\./, "").split(".")[0];
      addIssue(issues, "warning", "CRITERION_MISSING", codeRef, { code, criterion: def.criterion });
    }
    if (year !== undefined) def.year = year;
    const derivedText = text(r, "derived");
    if (derivedText) {
      const derived = parseDerived(derivedText);
      if (derived) def.derived = derived;
      else
        addIssue(issues, "warning", "INVALID_DERIVED", view.ref(r, col("derived")!), {
          value: derivedText,
          code,
        });
    }
    const dataCode = text(r, "dataCode");
    if (dataCode) def.dataCode = dataCode;
    const department = text(r, "department");
    if (department) def.department = department;
    const note = text(r, "note");
    if (note) def.note = note;
    out.indicators.push(def);

    // The criterion, from its first row (names: first non-empty).
    const nationalText = text(r, "national");
    let national: boolean | undefined;
    if (nationalText) {
      national = parseLabel(YES_NO_LABELS, nationalText);
      if (national === undefined)
        addIssue(issues, "warning", "INVALID_YES_NO", view.ref(r, col("national")!), {
          value: nationalText,
          code,
        });
    }
    const nameVi = text(r, "criterionName");
    const nameEn = text(r, "criterionNameEn");
    const existing = criteria.get(def.criterion);
    if (!existing) {
      criteria.set(def.criterion, {
        code: def.criterion,
        nameVi,
        nameEn,
        level,
        tier,
        national: national ?? true,
        rank: tierRank(tier),
      });
    } else {
      if (!existing.nameVi) existing.nameVi = nameVi;
      if (!existing.nameEn) existing.nameEn = nameEn;
      if (tierRank(tier) < existing.rank) {
        existing.rank = tierRank(tier);
        existing.tier = tier;
      }
    }
  }

  out.criteria = [...criteria.values()].map(({ rank: _rank, ...c }) => {
    const catalog = catalogByCode.get(c.code);
    return {
      ...c,
      nameVi: c.nameVi || catalog?.nameVi || c.code,
      nameEn: c.nameEn || catalog?.nameEn || c.nameVi || c.code,
    };
  });
  return out;
}

/** A threshold cell's value: a number or Đạt as usual, or the value of a text such as "≥ 80%", "Không còn". */
function thresholdValue(
  cell: ParsedCell,
  text: string,
  kind: ValueKind,
  percentMode: "points" | "fraction",
  style: NumberStyle,
): InputValue {
  if (cell.kind !== "text") return toIndicatorValue(cell, kind, kind === "percent" ? percentMode : "points");
  const typed = parseThresholdText(text, style);
  if (!typed) return { kind: "invalid", raw: text };
  if (typeof typed.value === "boolean")
    return kind === "boolean" ? { kind: "value", value: typed.value } : { kind: "invalid", raw: text };
  if (kind === "boolean") return { kind: "invalid", raw: text };
  // "80%" in a number row is the fraction 0.8, as Excel would store it; in a percent row 80 points.
  const value = typed.percent && kind === "number" ? typed.value / 100 : typed.value;
  return { kind: "value", value };
}

interface RowCode {
  code: string;
  ref: CellRef;
  criterion?: string;
  /** The indicator's wording without the code it starts with ("Tỷ lệ đường xã…" from "2.1. Tỷ lệ…"). */
  name?: string;
}

/** "2.1." / "2.1)" / "2.1 -" at the start of an indicator's wording in a decision's table. */
const LEADING_CODE = /^(\d{1,2}(?:\.\d{1,2}){1,2})\s*[.)\-–:]?\s+(\S.*)$/s;
const CRITERION_NUMBER = /^(\d{1,2})\.?$/;

/**
 * The indicator code of each data row: the code column's; else, in a list copied from a decision
 * (no code column), the code the wording starts with ("2.1. Tỷ lệ…") under the criterion number of
 * the "TT" column (often typed on the criterion's first row only), or the criterion number itself for
 * a criterion of one indicator.
 */
function rowCodes(
  view: SheetView,
  layout: TableLayout,
  codeCol: number | undefined,
): (RowCode | undefined)[] {
  const rows = layout.rows;
  if (codeCol !== undefined) {
    return rows.map((r) => ({ code: view.text(r, codeCol), ref: view.ref(r, codeCol) }));
  }
  const nameCol = layout.fields.get("nameVi");
  const numberCol = layout.fields.get("rowNumber") ?? layout.fields.get("criterion");
  if (nameCol === undefined) return rows.map(() => undefined);
  const out: (RowCode | undefined)[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const number = CRITERION_NUMBER.exec(view.text(r, numberCol));
    const wording = view.text(r, nameCol);
    const lead = LEADING_CODE.exec(wording);
    if (lead) {
      out.push({
        code: lead[1],
        ref: view.ref(r, nameCol),
        criterion: lead[1].split(".")[0],
        name: lead[2].trim(),
      });
    } else if (number && wording) {
      // A criterion of one indicator: its wording is on the criterion's row, without a sub-code.
      const next = rows[i + 1];
      const nextLead = next !== undefined ? LEADING_CODE.exec(view.text(next, nameCol)) : null;
      const nextNumber = next !== undefined ? CRITERION_NUMBER.test(view.text(next, numberCol)) : true;
      out.push(
        nextLead && !nextNumber
          ? undefined
          : { code: number[1], ref: view.ref(r, numberCol!), criterion: number[1], name: wording },
      );
    } else out.push(undefined);
  }
  return out;
}
