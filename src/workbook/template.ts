/**
 * Builds the input workbook a planner fills in, as port-neutral SheetSpecs (the .xlsx and office.js
 * ports write them). Pure: the same options always give the same specs.
 *
 * Layout of every table sheet: a title (row 1), a one-line instruction (row 2), the sample-data note
 * when there is one (row 3), the headers (row 4, frozen) and the data as an Excel table, with number
 * formats and list validations over a bounded range. Sheet names, headers and lists come from
 * layout.ts, which the reader shares.
 */
import type {
  BudgetLine,
  CommuneGroup,
  CriteriaSetId,
  CriterionDef,
  IndicatorDef,
  Level,
  MetricKey,
  RegionCode,
  ThresholdRule,
} from "../domain/types";
import { REGION_CODES, SHARE_METRICS } from "../domain/types";
import type { NumberStyle } from "../domain/parse";
import { catalogCriteria, catalogIndicators, getCriteriaSet } from "../catalog";
import { FUNDING_CATEGORIES } from "../catalog/fundingCategories";
import { HA_TINH, HA_TINH_TARGETS } from "../catalog/haTinh";
import { regionOfProvince } from "../catalog/regions";
import { t, type Lang } from "../i18n";
import { cellAddress, columnLetters, parseRangeAddress, rangeAddress } from "./a1";
import {
  BUDGET_FIELDS,
  BUDGET_KIND_LABELS,
  COMPARATOR_LABELS,
  CRITERIA_FIELDS,
  KIND_LABELS,
  labelOf,
  LEVEL_LABELS,
  LANG_LABELS,
  listValues,
  LOCALITY_FIELDS,
  METRIC_LABELS,
  NUMBER_STYLE_LABELS,
  PASS_LABELS,
  REGION_LABELS,
  SET_LABELS,
  SETTING_FIELDS,
  SETTINGS_TABLE_HEADERS,
  sheetName,
  sourceHeader,
  TABLE_NAMES,
  TARGET_COMPARATOR_LABELS,
  TARGET_FIELDS,
  thresholdHeader,
  thresholdKey,
  TIER_LABELS,
  YES_NO_LABELS,
  type ColumnFormat,
  type FieldDef,
  type InputRole,
  type LocalityRole,
  type SettingKey,
  type ThresholdScope,
} from "./layout";
import type { CellValue, SheetGrid } from "./port";
import { formatDerived } from "./read/criteria";
import { defaultTargetComparator } from "./read/targets";
import { DEFAULT_MONEY_UNIT } from "./read/settings";
import type { ListValidation, OutCell, SheetSpec, StyleSpan } from "./sheetSpec";

// ---------------------------------------------------------------- options

/** A threshold scope as the demo names it: a region, a commune group or any scope. */
export type OverrideScope = RegionCode | "group1" | "group2" | "group3" | "any";

/**
 * Illustrative thresholds for the demo workbook. The rows they touch say "Minh họa – không phải
 * ngưỡng chính thức" in Ghi chú and stay unconfirmed. A given scope replaces the catalog's value.
 */
export interface ThresholdOverride {
  code: string;
  /** Only the row of this year (income rows); undefined = every row of the code. */
  year?: number;
  values: Partial<Record<OverrideScope, number | boolean>>;
  note?: string;
}

/** A locality row to pre-fill. Percent values are in points (85 = 85%); pass/fail values are booleans. */
export interface LocalityRow {
  code: string;
  name: string;
  parent?: string;
  unitType?: string;
  region?: RegionCode;
  dbkk?: boolean;
  atkPoorDistrict?: boolean;
  group?: CommuneGroup;
  /** By data code (indicator code or its data column). */
  values?: Record<string, number | boolean | string | null>;
}

export type BudgetLineRow = Omit<BudgetLine, "ref" | "cells"> & { localityName?: string };

/** A target row; shares are fractions (1 = 100%). */
export interface TargetRow {
  metric: MetricKey;
  scope?: string;
  year: number;
  value: number;
  comparator?: ">=" | "<=";
  note?: string;
}

export interface TemplateOptions {
  setId: CriteriaSetId;
  provinceCode?: string;
  provinceName?: string;
  /** Default: from the province code. */
  region?: RegionCode;
  year: number;
  lang: Lang;
  nearMargin?: number;
  /** Shown on every sheet and in the settings' data note, e.g. "DỮ LIỆU MẪU – không phải số liệu chính thức". */
  sampleNote?: string;
  numberStyle?: NumberStyle;
  moneyUnit?: string;
  counterpartRatio?: number | null;
  issuer?: string;
  signerTitle?: string;
  signer?: string;
  recipients?: string;
  /** Default: the catalog's indicators for the set and province. */
  indicators?: IndicatorDef[];
  /** Criterion names and national flags. Default: the catalog's criteria. */
  criteria?: CriterionDef[];
  thresholdOverrides?: ThresholdOverride[];
  communes?: LocalityRow[];
  districts?: LocalityRow[];
  province?: LocalityRow;
  villages?: LocalityRow[];
  budgetLines?: BudgetLineRow[];
  /** Default: Hà Tĩnh's seed targets within the set's years when provinceCode is "42", otherwise none. */
  targets?: TargetRow[];
}

// ---------------------------------------------------------------- constants

/** Row (0-based) of the headers on every table sheet: title, hint, note, then headers. */
export const HEADER_ROW = 3;
/** Validations and formats cover this many rows below the header (bounded ranges). */
export const INPUT_ROWS = 1000;

const HEADER_FILL = "DDEBF7";
const TITLE_COLOUR = "1F4E78";
const NOTE_COLOUR = "C00000";

const FORMATS: Record<ColumnFormat, string | undefined> = {
  text: "@",
  integer: "0",
  year: "0",
  number: "General",
  percent: "0.0%",
  amount: "#,##0.0",
  general: undefined,
};

// ---------------------------------------------------------------- sheet assembly

interface Column {
  header: string;
  width: number;
  format?: string;
  list?: string[];
}

function fieldColumn(field: FieldDef, lang: Lang): Column {
  return {
    header: field[lang],
    width: field.width ?? 14,
    format: field.format ? FORMATS[field.format] : undefined,
    list: field.list ? listValues(field.list, lang) : undefined,
  };
}

/** Excel's limit on an inline list validation ("a,b,c"). */
const MAX_LIST_CHARS = 255;

function validationFor(range: string, list: string[], lang: Lang): ListValidation | undefined {
  if (list.length === 0 || list.some((v) => v.includes(",")) || list.join(",").length > MAX_LIST_CHARS)
    return undefined;
  return {
    range,
    list,
    errorTitle: lang === "vi" ? "Giá trị không có trong danh sách" : "Value not in the list",
    error: lang === "vi" ? `Chọn một trong: ${list.join(", ")}` : `Choose one of: ${list.join(", ")}`,
  };
}

/** A table sheet: title, hint, optional note, header row, data rows. */
function tableSheet(
  role: InputRole,
  lang: Lang,
  title: string,
  hint: string,
  note: string | undefined,
  columns: Column[],
  data: OutCell[][],
  extra: {
    freezeColumns?: number;
    styles?: StyleSpan[];
    numberFormats?: { range: string; format: string }[];
  } = {},
): SheetSpec {
  const width = columns.length;
  const last = width - 1;
  const rows: OutCell[][] = [[title], [hint], [note ?? null], columns.map((c) => c.header)];
  for (const r of data) rows.push(padRow(r, width));
  const lastDataRow = HEADER_ROW + Math.max(1, data.length);
  if (data.length === 0) rows.push(padRow([], width));
  const firstInput = HEADER_ROW + 1;
  const lastInput = Math.max(lastDataRow, HEADER_ROW + INPUT_ROWS);

  const numberFormats: { range: string; format: string }[] = [];
  const validations: ListValidation[] = [];
  columns.forEach((c, i) => {
    const range = rangeAddress(firstInput, i, lastInput, i);
    if (c.format) numberFormats.push({ range, format: c.format });
    if (c.list) {
      const v = validationFor(range, c.list, lang);
      if (v) validations.push(v);
    }
  });
  numberFormats.push(...(extra.numberFormats ?? []));

  const styles: StyleSpan[] = [
    {
      range: rangeAddress(0, 0, 0, last),
      bold: true,
      fontSize: 14,
      fontColor: TITLE_COLOUR,
      merge: width > 1,
    },
    { range: rangeAddress(1, 0, 1, last), italic: true, wrap: true, verticalAlign: "top", merge: width > 1 },
    { range: rangeAddress(2, 0, 2, last), bold: true, fontColor: NOTE_COLOUR, merge: width > 1 },
    {
      range: rangeAddress(HEADER_ROW, 0, HEADER_ROW, last),
      bold: true,
      fill: HEADER_FILL,
      wrap: true,
      verticalAlign: "middle",
      align: "center",
      border: true,
    },
    ...(extra.styles ?? []),
  ];
  return {
    name: sheetName(role, lang),
    rows,
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: HEADER_ROW + 1, columns: extra.freezeColumns ?? 0 },
    styles,
    numberFormats,
    validations,
    table: { name: TABLE_NAMES[role], range: rangeAddress(HEADER_ROW, 0, lastDataRow, last) },
  };
}

function padRow(row: OutCell[], width: number): OutCell[] {
  const out = row.slice(0, width);
  while (out.length < width) out.push(null);
  return out;
}

// ---------------------------------------------------------------- criteria sheet

function ownRegion(opts: TemplateOptions): RegionCode | undefined {
  return opts.region ?? (opts.provinceCode ? regionOfProvince(opts.provinceCode) : undefined);
}

function ruleScope(rule: ThresholdRule): ThresholdScope {
  if (rule.region) return { region: rule.region };
  if (rule.group) return { group: rule.group };
  return { any: true };
}

function overrideScope(scope: OverrideScope): ThresholdScope {
  if (scope === "any") return { any: true };
  if (scope === "group1" || scope === "group2" || scope === "group3")
    return { group: Number(scope.slice(5)) as CommuneGroup };
  return { region: scope };
}

/** The threshold columns of the criteria sheet: the set's scopes (own region first), the generic column, and any other scope in use. */
export function thresholdScopes(
  opts: TemplateOptions,
  indicators: readonly IndicatorDef[],
): ThresholdScope[] {
  const set = getCriteriaSet(opts.setId);
  const scopes: ThresholdScope[] = [];
  if (set.thresholdScope === "region") {
    const own = ownRegion(opts);
    const regions = own ? [own, ...REGION_CODES.filter((r) => r !== own)] : [...REGION_CODES];
    scopes.push(...regions.map((region) => ({ region })));
  } else {
    scopes.push({ group: 1 }, { group: 2 }, { group: 3 });
  }
  scopes.push({ any: true });
  const keys = new Set(scopes.map(thresholdKey));
  const used = [
    ...indicators.flatMap((i) => i.thresholds.filter((r) => r.value !== null).map(ruleScope)),
    ...(opts.thresholdOverrides ?? []).flatMap((o) =>
      Object.keys(o.values).map((s) => overrideScope(s as OverrideScope)),
    ),
  ];
  for (const s of used) {
    if (!keys.has(thresholdKey(s))) {
      keys.add(thresholdKey(s));
      scopes.push(s);
    }
  }
  return scopes;
}

/**
 * A threshold as written: true as "Đạt", false as "Không" (e.g. 9.1: no makeshift houses), numbers as
 * they are, except on percent rows, whose threshold cells carry the percent format (80 → 0.8, "80.0%").
 */
function thresholdCell(
  value: number | boolean | null | undefined,
  kind: IndicatorDef["kind"],
  lang: Lang,
): OutCell {
  if (value === null || value === undefined) return null;
  if (value === true) return labelOf(PASS_LABELS, true, lang);
  if (value === false) return labelOf(YES_NO_LABELS, false, lang);
  return kind === "percent" ? toFraction(value) : value;
}

/** How the template fills the "Đã xác nhận" flag: the indicator and every threshold it gives confirmed, and no illustrative value. */
export function rowConfirmed(def: IndicatorDef, illustrative: boolean): boolean {
  return def.confirmed && !illustrative && def.thresholds.every((r) => r.value === null || r.confirmed);
}

/** The Ghi chú text the template writes for an indicator row. */
export function criteriaNote(def: IndicatorDef, override: ThresholdOverride | undefined, lang: Lang): string {
  const parts: string[] = [];
  if (override) {
    parts.push(t(lang, "template.illustrative"));
    if (override.note) parts.push(override.note);
  }
  const confirmed = rowConfirmed(def, override !== undefined);
  if (!confirmed && !override && !def.note) parts.push(t(lang, "template.unconfirmed"));
  if (def.confirmed && !override && !confirmed) parts.push(t(lang, "template.thresholdUnconfirmed"));
  if (def.note) parts.push(def.note);
  return parts.join(" ");
}

function overrideFor(
  overrides: readonly ThresholdOverride[],
  def: IndicatorDef,
): ThresholdOverride | undefined {
  return overrides.find((o) => o.code === def.code && (o.year === undefined || o.year === def.year));
}

function criteriaSheet(
  opts: TemplateOptions,
  indicators: IndicatorDef[],
  criteria: CriterionDef[],
): SheetSpec {
  const lang = opts.lang;
  const scopes = thresholdScopes(opts, indicators);
  const fields: (FieldDef | ThresholdScope)[] = [];
  for (const f of CRITERIA_FIELDS) {
    fields.push(f);
    if (f.key === "year") fields.push(...scopes);
  }
  const columns: Column[] = fields.map((f) =>
    "key" in f ? fieldColumn(f, lang) : { header: thresholdHeader(f, lang), width: "any" in f ? 10 : 9 },
  );
  const criterionByCode = new Map(criteria.map((c) => [c.code, c]));
  const overrides = opts.thresholdOverrides ?? [];

  const data: OutCell[][] = indicators.map((def) => {
    const override = overrideFor(overrides, def);
    const criterion = criterionByCode.get(def.criterion);
    const byScope = new Map<string, number | boolean>();
    for (const rule of def.thresholds) {
      if (rule.value === null) continue;
      const key = thresholdKey(ruleScope(rule));
      if (!byScope.has(key)) byScope.set(key, rule.value);
    }
    if (override) {
      for (const [scope, value] of Object.entries(override.values)) {
        if (value !== undefined) byScope.set(thresholdKey(overrideScope(scope as OverrideScope)), value);
      }
    }
    const values: Record<string, OutCell> = {
      code: def.code,
      criterion: def.criterion,
      criterionName: criterion?.nameVi ?? null,
      criterionNameEn: criterion?.nameEn ?? null,
      nameVi: def.nameVi,
      nameEn: def.nameEn,
      unit: def.unit || null,
      kind: labelOf(KIND_LABELS, def.kind, lang),
      comparator: labelOf(COMPARATOR_LABELS, def.comparator, lang),
      level: labelOf(LEVEL_LABELS, def.level, lang),
      tier: labelOf(TIER_LABELS, def.tier, lang),
      year: def.year ?? null,
      derived: def.derived ? formatDerived(def.derived) : null,
      dataCode: def.dataCode ?? null,
      national: labelOf(YES_NO_LABELS, criterion?.national ?? true, lang),
      department: def.department ?? null,
      source: def.source || null,
      confirmed: labelOf(YES_NO_LABELS, rowConfirmed(def, override !== undefined), lang),
      note: criteriaNote(def, override, lang) || null,
    };
    return fields.map((f) =>
      "key" in f ? (values[f.key] ?? null) : thresholdCell(byScope.get(thresholdKey(f)), def.kind, lang),
    );
  });
  // Threshold cells of percent rows carry the percent format.
  const firstScope = fields.findIndex((f) => !("key" in f));
  const percentFormats = indicators.flatMap((def, i) =>
    def.kind === "percent"
      ? [
          {
            range: rangeAddress(
              HEADER_ROW + 1 + i,
              firstScope,
              HEADER_ROW + 1 + i,
              firstScope + scopes.length - 1,
            ),
            format: FORMATS.percent!,
          },
        ]
      : [],
  );

  const set = getCriteriaSet(opts.setId);
  const sheet = tableSheet(
    "criteria",
    lang,
    t(lang, "template.title.criteria", { set: lang === "vi" ? set.nameVi : set.nameEn }),
    t(lang, "template.hint.criteria"),
    opts.sampleNote,
    columns,
    data,
    { freezeColumns: 1, numberFormats: percentFormats },
  );
  // Unconfirmed rows stand out: the whole row in the "near" (amber) colour.
  const confirmedCol = fields.findIndex((f) => "key" in f && f.key === "confirmed");
  const first = HEADER_ROW + 1;
  const last = first + Math.max(1, data.length) - 1;
  const no = labelOf(YES_NO_LABELS, false, lang);
  sheet.conditionalFormats = [
    {
      kind: "formula",
      range: rangeAddress(first, 0, last, columns.length - 1),
      formula: `$${columnLetters(confirmedCol)}${first + 1}="${no}"`,
      style: "near",
    },
  ];
  const nameCol = fields.findIndex((f) => "key" in f && f.key === "nameVi");
  sheet.styles!.push(
    { range: rangeAddress(first, 0, last, columns.length - 1), verticalAlign: "top" },
    { range: rangeAddress(first, nameCol, last, nameCol), wrap: true },
  );
  return sheet;
}

// ---------------------------------------------------------------- locality sheets

interface DataColumn {
  code: string;
  kind: IndicatorDef["kind"];
  /** A yes/no fact compared with "=" (9.1 "Nhà tạm, dột nát: Không"): Có/Không, not Đạt/Không đạt. */
  yesNo: boolean;
  header: string;
}

function shortName(name: string, shared: boolean): string {
  let s = name;
  if (shared) s = s.replace(/\s*\([^)]*\)\s*/g, " ").replace(/,?\s*(năm\s+)?(19|20)\d{2}\b/gi, "");
  s = s.replace(/\s+/g, " ").trim();
  const max = 48;
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return (space > 20 ? cut.slice(0, space) : cut).replace(/[,;:–-]\s*$/, "") + "…";
}

/** The data columns of a level: distinct non-"@" data codes, in indicator order. */
export function dataColumns(indicators: readonly IndicatorDef[], level: Level, lang: Lang): DataColumn[] {
  const byCode = new Map<string, IndicatorDef[]>();
  for (const ind of indicators) {
    if (ind.level !== level) continue;
    const code = ind.dataCode ?? ind.code;
    if (code.startsWith("@")) continue;
    const list = byCode.get(code) ?? [];
    list.push(ind);
    byCode.set(code, list);
  }
  return [...byCode].map(([code, inds]) => {
    const first = inds[0];
    const yesNo = first.kind === "boolean" && first.comparator === "=";
    const unit =
      first.kind === "boolean"
        ? t(lang, yesNo ? "template.yesNoLabel" : "template.passLabel")
        : first.unit || (first.kind === "percent" ? "%" : "");
    const name = shortName(lang === "vi" ? first.nameVi : first.nameEn || first.nameVi, inds.length > 1);
    return {
      code,
      kind: first.kind,
      yesNo,
      header: unit ? `${code} – ${name} (${unit})` : `${code} – ${name}`,
    };
  });
}

/**
 * A data value as written. Percent columns carry Excel's percent format, so points become the
 * stored fraction (85 → 0.85, shown "85.0%"); in such a cell Excel takes both 85 and 0.85 as 85%.
 */
function valueCell(
  value: number | boolean | string | null | undefined,
  column: DataColumn,
  lang: Lang,
): OutCell {
  const kind = column.kind;
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return labelOf(column.yesNo ? YES_NO_LABELS : PASS_LABELS, value, lang);
  if (typeof value === "number" && kind === "percent") return toFraction(value);
  return value;
}

/** Points to the fraction Excel stores for a percent-formatted cell (85.5 → 0.855). */
function toFraction(points: number): number {
  return Math.round((points / 100) * 1e12) / 1e12;
}

function localitySheet(
  role: LocalityRole,
  opts: TemplateOptions,
  indicators: IndicatorDef[],
  rows: LocalityRow[],
  include: (key: string) => boolean,
): SheetSpec {
  const lang = opts.lang;
  const level = (
    { province: "province", districts: "district", communes: "commune", villages: "village" } as const
  )[role];
  const fields = LOCALITY_FIELDS[role].filter((f) => f.required || f.key === "name" || include(f.key));
  const data = dataColumns(indicators, level, lang);
  const columns: Column[] = [
    ...fields.map((f) => fieldColumn(f, lang)),
    ...data.map((d): Column => ({
      header: d.header,
      width: 16,
      format: d.kind === "percent" ? FORMATS.percent : d.kind === "number" ? FORMATS.number : undefined,
      list: d.kind === "boolean" ? listValues(d.yesNo ? "yesNo" : "pass", lang) : undefined,
    })),
  ];
  const out: OutCell[][] = rows.map((row) => {
    const fieldValues: Record<string, OutCell> = {
      code: row.code,
      name: row.name,
      parent: row.parent ?? null,
      unitType: row.unitType ?? null,
      region: row.region ? labelOf(REGION_LABELS, row.region, lang) : null,
      dbkk: row.dbkk ? "x" : null,
      atkPoorDistrict: row.atkPoorDistrict ? "x" : null,
      group: row.group ?? null,
    };
    return [
      ...fields.map((f) => fieldValues[f.key] ?? null),
      ...data.map((d) => valueCell(row.values?.[d.code], d, lang)),
    ];
  });
  return tableSheet(
    role,
    lang,
    t(lang, `template.title.${role}`),
    t(lang, `template.hint.${role}`),
    opts.sampleNote,
    columns,
    out,
    {
      freezeColumns: 2,
      styles:
        data.length > 0
          ? [
              {
                range: rangeAddress(
                  HEADER_ROW + 1,
                  fields.length,
                  HEADER_ROW + Math.max(1, out.length),
                  columns.length - 1,
                ),
                align: "right",
              },
            ]
          : [],
    },
  );
}

// ---------------------------------------------------------------- settings, budget, targets, instructions

function settingsSheet(opts: TemplateOptions): SheetSpec {
  const lang = opts.lang;
  const region = ownRegion(opts);
  const values: Record<SettingKey, OutCell> = {
    provinceName: opts.provinceName ?? null,
    provinceCode: opts.provinceCode ?? null,
    region: region ? labelOf(REGION_LABELS, region, lang) : null,
    year: opts.year,
    setId: labelOf(SET_LABELS, opts.setId, lang),
    nearMargin: opts.nearMargin ?? 0.1,
    lang: labelOf(LANG_LABELS, lang, lang),
    numberStyle: labelOf(NUMBER_STYLE_LABELS, opts.numberStyle ?? "vi", lang),
    moneyUnit: opts.moneyUnit ?? DEFAULT_MONEY_UNIT,
    counterpartRatio: opts.counterpartRatio ?? null,
    dataNote: opts.sampleNote ?? null,
    issuer: opts.issuer ?? null,
    signerTitle: opts.signerTitle ?? null,
    signer: opts.signer ?? null,
    recipients: opts.recipients ?? null,
  };
  const lists: Partial<Record<SettingKey, string[]>> = {
    region: listValues("region", lang),
    setId: SET_LABELS.map((s) => s[lang]),
    lang: LANG_LABELS.map((s) => s[lang]),
    numberStyle: NUMBER_STYLE_LABELS.map((s) => s[lang]),
  };
  const columns: Column[] = SETTINGS_TABLE_HEADERS[lang].map((header, i) => ({
    header,
    width: [36, 30, 80][i],
  }));
  const data = SETTING_FIELDS.map((f) => [f[lang], values[f.key], t(lang, `template.setting.${f.key}`)]);
  const sheet = tableSheet(
    "settings",
    lang,
    t(lang, "template.title.settings"),
    t(lang, "template.hint.settings"),
    opts.sampleNote,
    columns,
    data,
  );
  // Formats and lists per value cell (not per column).
  sheet.numberFormats = [];
  sheet.validations = [];
  SETTING_FIELDS.forEach((f, i) => {
    const cell = cellAddress(HEADER_ROW + 1 + i, 1);
    const range = `${cell}:${cell}`;
    if (f.key === "nearMargin") sheet.numberFormats!.push({ range, format: "0%" });
    if (f.key === "counterpartRatio") sheet.numberFormats!.push({ range, format: "0.00" });
    if (f.format) {
      const format = FORMATS[f.format];
      if (format) sheet.numberFormats!.push({ range, format });
    }
    const list = lists[f.key];
    const v = list ? validationFor(range, list, lang) : undefined;
    if (v) sheet.validations!.push(v);
  });
  sheet.styles!.push(
    { range: rangeAddress(HEADER_ROW + 1, 0, HEADER_ROW + SETTING_FIELDS.length, 0), bold: true },
    {
      range: rangeAddress(HEADER_ROW + 1, 2, HEADER_ROW + SETTING_FIELDS.length, 2),
      italic: true,
      wrap: true,
    },
  );
  sheet.freeze = { rows: HEADER_ROW + 1, columns: 0 };
  return sheet;
}

function budgetSheet(opts: TemplateOptions, names: Map<string, string>): SheetSpec {
  const lang = opts.lang;
  const unit = opts.moneyUnit ?? DEFAULT_MONEY_UNIT;
  const columns: Column[] = [
    ...BUDGET_FIELDS.map((f) => fieldColumn(f, lang)),
    ...FUNDING_CATEGORIES.map((c): Column => ({
      header: sourceHeader(c, lang),
      width: 15,
      format: FORMATS.amount,
    })),
  ];
  const data: OutCell[][] = (opts.budgetLines ?? []).map((line) => [
    line.locality,
    line.localityName ?? names.get(line.locality) ?? null,
    line.year ?? null,
    labelOf(BUDGET_KIND_LABELS, line.kind, lang),
    line.programme ?? null,
    line.criterion ?? null,
    line.description ?? null,
    ...FUNDING_CATEGORIES.map((c) => line.amounts[c.code] ?? null),
  ]);
  return tableSheet(
    "budget",
    lang,
    t(lang, "template.title.budget", { unit }),
    t(lang, "template.hint.budget"),
    opts.sampleNote,
    columns,
    data,
    {
      freezeColumns: 2,
    },
  );
}

/** Hà Tĩnh's seed targets within the set's period, as target rows. */
export function seedTargets(opts: Pick<TemplateOptions, "setId" | "provinceCode" | "lang">): TargetRow[] {
  if (opts.provinceCode?.trim() !== HA_TINH.code) return [];
  const from = Number(opts.setId.slice(0, 4));
  const to = Number(opts.setId.slice(5, 9));
  return HA_TINH_TARGETS.filter((s) => s.year >= from && s.year <= to).map((s) => ({
    metric: s.metric,
    year: s.year,
    value: s.value,
    comparator: s.comparator,
    note: `${opts.lang === "vi" ? s.noteVi : s.noteEn}. ${s.source}`,
  }));
}

function targetsSheet(opts: TemplateOptions): SheetSpec {
  const lang = opts.lang;
  const targets = opts.targets ?? seedTargets(opts);
  const columns = TARGET_FIELDS.map((f) => fieldColumn(f, lang));
  const valueCol = TARGET_FIELDS.findIndex((f) => f.key === "value");
  const data: OutCell[][] = targets.map((tg) => [
    labelOf(METRIC_LABELS, tg.metric, lang),
    tg.scope ?? null,
    tg.year,
    labelOf(TARGET_COMPARATOR_LABELS, tg.comparator ?? defaultTargetComparator(tg.metric), lang),
    tg.value,
    tg.note ?? null,
  ]);
  const numberFormats = targets.flatMap((tg, i) => {
    const cell = cellAddress(HEADER_ROW + 1 + i, valueCol);
    return SHARE_METRICS.has(tg.metric) ? [{ range: `${cell}:${cell}`, format: "0%" }] : [];
  });
  return tableSheet(
    "targets",
    lang,
    t(lang, "template.title.targets"),
    t(lang, "template.hint.targets"),
    opts.sampleNote,
    columns,
    data,
    {
      numberFormats,
      styles: [
        {
          range: rangeAddress(
            HEADER_ROW + 1,
            columns.length - 1,
            HEADER_ROW + Math.max(1, data.length),
            columns.length - 1,
          ),
          wrap: true,
        },
      ],
    },
  );
}

function instructionsSheet(opts: TemplateOptions, roles: InputRole[]): SheetSpec {
  const lang = opts.lang;
  const rows: OutCell[][] = [];
  const bold: number[] = [];
  const heading = (key: string) => {
    rows.push([null]);
    bold.push(rows.length);
    rows.push([t(lang, key)]);
  };
  rows.push([t(lang, "template.title.instructions")]);
  if (opts.sampleNote) rows.push([opts.sampleNote]);
  rows.push([t(lang, "template.instructions.intro")]);
  heading("template.instructions.sheets");
  for (const role of roles) {
    if (role === "instructions") continue;
    rows.push([`• ${t(lang, `template.instructions.sheet.${role}`)}`]);
  }
  heading("template.instructions.howto");
  for (const k of ["numbers", "pass", "layout"])
    rows.push([`• ${t(lang, `template.instructions.howto.${k}`)}`]);
  heading("template.instructions.caution");
  for (const k of ["thresholds", "illustrative"])
    rows.push([`• ${t(lang, `template.instructions.caution.${k}`)}`]);
  rows.push([t(lang, "template.instructions.source")]);
  const styles: StyleSpan[] = [
    { range: "A1:A1", bold: true, fontSize: 14, fontColor: TITLE_COLOUR },
    { range: rangeAddress(1, 0, rows.length - 1, 0), wrap: true, verticalAlign: "top" },
    ...bold.map((r): StyleSpan => ({ range: rangeAddress(r, 0, r, 0), bold: true, fontColor: TITLE_COLOUR })),
  ];
  if (opts.sampleNote) styles.push({ range: "A2:A2", bold: true, fontColor: NOTE_COLOUR });
  return { name: sheetName("instructions", lang), rows, columnWidths: [120], styles, tabColor: TITLE_COLOUR };
}

// ---------------------------------------------------------------- the workbook

/** The input sheets of a new workbook, in order. */
export function buildTemplate(opts: TemplateOptions): SheetSpec[] {
  const set = getCriteriaSet(opts.setId);
  const indicators = opts.indicators ?? catalogIndicators(opts.setId, opts.provinceCode);
  const criteria = opts.criteria ?? catalogCriteria(opts.setId, opts.provinceCode);
  const levels = new Set<Level>([...set.levels, ...indicators.map((i) => i.level)]);
  const regionScope = set.thresholdScope === "region";

  const communes = opts.communes ?? [];
  const districts = opts.districts ?? [];
  const villages = opts.villages ?? [];
  const province: LocalityRow[] = opts.province
    ? [opts.province]
    : opts.provinceCode
      ? [{ code: opts.provinceCode, name: opts.provinceName ?? "" }]
      : [];
  const hasDistricts = levels.has("district") || districts.length > 0;
  const hasVillages = levels.has("village") || villages.length > 0;
  const anyRow = (rows: LocalityRow[], key: keyof LocalityRow) =>
    rows.some((r) => r[key] !== undefined && r[key] !== false);

  const names = new Map<string, string>();
  for (const r of [...province, ...districts, ...communes, ...villages]) names.set(r.code, r.name);

  const roles: InputRole[] = ["instructions", "settings", "criteria", "communes"];
  if (hasDistricts) roles.push("districts");
  roles.push("province");
  if (hasVillages) roles.push("villages");
  roles.push("budget", "targets");

  const sheets: SheetSpec[] = [];
  for (const role of roles) {
    switch (role) {
      case "instructions":
        sheets.push(instructionsSheet(opts, roles));
        break;
      case "settings":
        sheets.push(settingsSheet(opts));
        break;
      case "criteria":
        sheets.push(criteriaSheet(opts, indicators, criteria));
        break;
      case "communes":
        sheets.push(
          localitySheet("communes", opts, indicators, communes, (key) => {
            if (key === "parent") return hasDistricts || anyRow(communes, "parent");
            if (key === "unitType") return true;
            if (key === "region" || key === "dbkk" || key === "atkPoorDistrict")
              return regionScope || anyRow(communes, key);
            if (key === "group") return !regionScope || anyRow(communes, "group");
            return false;
          }),
        );
        break;
      case "districts":
        sheets.push(localitySheet("districts", opts, indicators, districts, () => true));
        break;
      case "province":
        sheets.push(localitySheet("province", opts, indicators, province, () => true));
        break;
      case "villages":
        sheets.push(localitySheet("villages", opts, indicators, villages, () => true));
        break;
      case "budget":
        sheets.push(budgetSheet(opts, names));
        break;
      case "targets":
        sheets.push(targetsSheet(opts));
        break;
    }
  }
  return sheets;
}

// ---------------------------------------------------------------- specs as grids

/**
 * The grid a port would read back from a written spec: the values (booleans and numbers as they
 * are) and the number format of every cell the spec formats. Lets tests and the CLI run the reader
 * on a template without Excel.
 */
export function specToGrid(spec: SheetSpec): SheetGrid {
  const values: CellValue[][] = spec.rows.map((row) => row.map((v) => (v === "" ? null : v)));
  const numberFormats: (string | null)[][] = values.map((row) => row.map(() => null));
  for (const nf of spec.numberFormats ?? []) {
    const range = parseRangeAddress(nf.range);
    if (!range) continue;
    for (let r = range.start.row; r <= Math.min(range.end.row, values.length - 1); r++) {
      for (let c = range.start.col; c <= range.end.col; c++) {
        if (c < numberFormats[r].length || values[r][c] !== undefined) numberFormats[r][c] = nf.format;
      }
    }
  }
  return { name: spec.name, values, numberFormats };
}
