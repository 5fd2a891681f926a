/**
 * The settings sheet ("Thiết lập" / "Settings"): label/value rows read into WorkbookSettings.
 * Labels are recognised like headers (vi, en or an alias, folded); the value is the cell to the
 * right of the label. Pure: problems become issues, never exceptions.
 */
import type { CellRef, CriteriaSetId, Issue, RegionCode, Severity } from "../../domain/types";
import { DEFAULT_NEAR_MARGIN } from "../../domain/types";
import { toIndicatorValue, type NumberStyle, type ParsedCell } from "../../domain/parse";
import { regionOfProvince } from "../../catalog/regions";
import type { Lang } from "../../i18n";
import {
  LANG_LABELS,
  NUMBER_STYLE_LABELS,
  parseLabel,
  REGION_LABELS,
  SET_LABELS,
  SETTING_FIELDS,
  SHEET_NAMES,
  type SettingKey,
} from "../layout";
import type { SheetGrid } from "../port";
import { addIssue, cellString, greedyAssign, SheetView, type Candidate } from "./sheet";
import { scoreFieldHeader } from "./headers";
import { foldText } from "../../domain/text";
import type { SettingOverrides } from "./mapping";

export const DEFAULT_MONEY_UNIT = "triệu đồng";

export interface WorkbookSettings {
  provinceName?: string;
  provinceCode?: string;
  /** The province's region: as entered, else from the province code; undefined when unknown. */
  region?: RegionCode;
  /** Evaluation year (falls back to the criteria set's first year, with an error issue). */
  year: number;
  setId: CriteriaSetId;
  /** "Near" band as a fraction of the threshold (0.1 = 10%). */
  nearMargin: number;
  lang: Lang;
  /** How numbers typed as text are written: vi "1.234,5", en "1,234.5". */
  numberStyle: NumberStyle;
  moneyUnit: string;
  /** Minimum NSĐP/NSTW counterpart ratio; null = not set (the QĐ 07/2022 figure is unconfirmed). */
  counterpartRatio: number | null;
  /** E.g. "DỮ LIỆU MẪU – không phải số liệu chính thức". */
  dataNote?: string;
  /** Report issue block. */
  issuer?: string;
  signerTitle?: string;
  signer?: string;
  recipients?: string;
  /** The value cell of each setting found on the sheet. */
  refs: Partial<Record<SettingKey, CellRef>>;
  /** Where each decided setting came from (typed, an override, the workbook's text, derived, default). */
  sources: Partial<Record<SettingKey, SettingSource>>;
  /** False when no year could be found anywhere: `year` is then a stand-in, said by an error. */
  yearKnown: boolean;
}

/** Where a setting's value came from, for inspect and the pane's preview. */
export type SettingSource =
  | { kind: "typed"; ref: CellRef }
  | { kind: "override" }
  | { kind: "inferred"; from: InferredFrom; ref?: CellRef; text?: string }
  | { kind: "default" };

/** What a setting may be inferred from. */
export type InferredFrom =
  "title" | "letterhead" | "names" | "yearColumn" | "province" | "year" | "unitLine" | "period";

/** A value found in the workbook outside the settings block, with where. */
export interface Found<T> {
  value: T;
  from: InferredFrom;
  ref?: CellRef;
  text?: string;
}

/** Settings the workbook's text and data say, gathered by the reader before the settings are decided. */
export interface InferredFacts {
  year?: Found<number>;
  setId?: Found<CriteriaSetId>;
  provinceCode?: Found<string>;
  provinceName?: Found<string>;
  moneyUnit?: Found<string>;
}

/** First evaluation year of a criteria set ("2021-2025" → 2021). */
export function firstYearOf(setId: CriteriaSetId): number {
  return Number(setId.slice(0, 4));
}

export function lastYearOf(setId: CriteriaSetId): number {
  return Number(setId.slice(5, 9));
}

/** The set whose period holds `year` (before 2026: 2021-2025). */
export function setIdForYear(year: number): CriteriaSetId {
  return year >= 2026 ? "2026-2030" : "2021-2025";
}

export function defaultSettings(setId: CriteriaSetId = "2021-2025"): WorkbookSettings {
  return {
    year: firstYearOf(setId),
    setId,
    nearMargin: DEFAULT_NEAR_MARGIN,
    lang: "vi",
    numberStyle: "vi",
    moneyUnit: DEFAULT_MONEY_UNIT,
    counterpartRatio: null,
    refs: {},
    sources: {},
    yearKnown: false,
  };
}

const MAX_LABEL_LENGTH = 80;
/** How many leading columns may hold a label. */
const LABEL_COLUMNS = 4;

interface Located {
  row: number;
  /** Column of the value (right of the label). */
  col: number;
}

export function locateSettings(grid: SheetGrid): Map<SettingKey, Located> {
  const candidates: { col: number; cand: Candidate }[] = [];
  const valueCol = new Map<number, number>();
  grid.values.forEach((cells, row) => {
    let labelCol = -1;
    for (let c = 0; c < Math.min(cells.length, LABEL_COLUMNS); c++) {
      if (cellString(cells[c]) !== "") {
        labelCol = c;
        break;
      }
    }
    if (labelCol < 0) return;
    const label = cellString(cells[labelCol]);
    if (label.length > MAX_LABEL_LENGTH || typeof cells[labelCol] !== "string") return;
    valueCol.set(row, labelCol + 1);
    for (const field of SETTING_FIELDS) {
      for (const alias of [field.vi, field.en, ...field.aliases]) {
        const score = scoreFieldHeader(label, [alias]);
        if (score > 0)
          candidates.push({ col: row, cand: { key: field.key, score, specificity: foldText(alias).length } });
      }
    }
  });
  const placed = new Map<string, number>();
  greedyAssign(candidates, new Set(valueCol.keys()), placed, 0.8);
  const out = new Map<SettingKey, Located>();
  for (const [key, row] of placed) out.set(key as SettingKey, { row, col: valueCol.get(row)! });
  return out;
}

/** A share typed as 10%, "10%", 0,1 or 10 → 0.1; null when not a number. */
function fractionOf(cell: ParsedCell): number | null {
  if (cell.kind !== "number") return null;
  if (cell.percent) {
    const v = toIndicatorValue(cell, "percent", "points");
    return v.kind === "value" && typeof v.value === "number" ? v.value / 100 : null;
  }
  return cell.value <= 1 ? cell.value : cell.value / 100;
}

/**
 * Reads the settings sheet (undefined when the workbook has none). Defaults: near margin 10%,
 * language vi, number style vi, money unit "triệu đồng", counterpart ratio not set, region from the
 * province code. The year is required: when missing or invalid an error issue is added and the
 * criteria set's first year is used.
 */
export function readSettings(
  grid: SheetGrid | undefined,
  issues: Issue[],
  opts: { facts?: InferredFacts; overrides?: SettingOverrides } = {},
): WorkbookSettings {
  const facts = opts.facts ?? {};
  const overrides = opts.overrides ?? {};
  const settings = defaultSettings();
  const sheet = grid?.name;
  const located = grid ? locateSettings(grid) : new Map<SettingKey, Located>();

  // Number style first: the other values are parsed with it.
  const styleView = grid ? new SheetView(grid, "vi") : undefined;
  const textOf = (key: SettingKey): string => {
    const at = located.get(key);
    return at && styleView ? styleView.text(at.row, at.col) : "";
  };
  const refOf = (key: SettingKey): CellRef | { sheet: string } | undefined => {
    const at = located.get(key);
    if (at && styleView) return styleView.ref(at.row, at.col);
    return sheet !== undefined ? { sheet } : undefined;
  };
  // Without a settings sheet, messages still name the sheet the value belongs on.
  const issue = (
    severity: Severity,
    code: string,
    key: SettingKey,
    params: Record<string, string | number>,
  ) =>
    addIssue(
      issues,
      severity,
      code,
      refOf(key),
      sheet !== undefined ? params : { sheet: SHEET_NAMES.settings.vi, ...params },
    );
  for (const [key, at] of located) if (styleView) settings.refs[key] = styleView.ref(at.row, at.col);
  const typedRef = (key: SettingKey) => settings.refs[key];
  const markTyped = (key: SettingKey) => {
    const ref = typedRef(key);
    if (ref) settings.sources[key] = { kind: "typed", ref };
  };
  const inferred = <T extends string | number>(key: SettingKey, found: Found<T>) => {
    settings.sources[key] = {
      kind: "inferred",
      from: found.from,
      ...(found.ref ? { ref: found.ref } : {}),
      ...(found.text ? { text: found.text } : {}),
    };
    const field = SETTING_FIELDS.find((f) => f.key === key)!;
    addIssue(issues, "info", "SETTING_INFERRED", found.ref, {
      label: field.vi,
      labelEn: field.en,
      value: String(found.value),
      fromKey: `issue.from.${found.from}`,
      quoted: found.text ? ` “${found.text}”` : "",
    });
  };

  const invalid = (key: SettingKey, value: string) => {
    const field = SETTING_FIELDS.find((f) => f.key === key)!;
    issue("warning", "SETTINGS_INVALID_VALUE", key, { label: field.vi, labelEn: field.en, value });
  };

  const styleText = textOf("numberStyle");
  if (styleText) {
    const style = parseLabel(NUMBER_STYLE_LABELS, styleText);
    if (style) settings.numberStyle = style;
    else invalid("numberStyle", styleText);
  }
  const view = grid ? new SheetView(grid, settings.numberStyle) : undefined;
  const cellOf = (key: SettingKey): ParsedCell => {
    const at = located.get(key);
    return at && view ? view.parsed(at.row, at.col) : { kind: "blank" };
  };

  const text = (key: SettingKey): string | undefined => textOf(key) || undefined;
  settings.provinceName = text("provinceName");
  settings.provinceCode = text("provinceCode");
  settings.dataNote = text("dataNote");
  settings.issuer = text("issuer");
  settings.signerTitle = text("signerTitle");
  settings.signer = text("signer");
  settings.recipients = text("recipients");
  for (const key of [
    "provinceName",
    "provinceCode",
    "dataNote",
    "issuer",
    "signerTitle",
    "signer",
    "recipients",
  ] as const) {
    if (settings[key] === undefined) delete settings[key];
    else markTyped(key);
  }
  if (overrides.provinceCode !== undefined) {
    settings.provinceCode = overrides.provinceCode;
    settings.sources.provinceCode = { kind: "override" };
  } else if (settings.provinceCode === undefined && facts.provinceCode) {
    settings.provinceCode = facts.provinceCode.value;
    inferred("provinceCode", facts.provinceCode);
  }
  if (settings.provinceName === undefined && facts.provinceName) {
    settings.provinceName = facts.provinceName.value;
    settings.sources.provinceName = { kind: "inferred", from: facts.provinceName.from };
  }
  const money = text("moneyUnit");
  if (overrides.moneyUnit !== undefined) {
    settings.moneyUnit = overrides.moneyUnit;
    settings.sources.moneyUnit = { kind: "override" };
  } else if (money) {
    settings.moneyUnit = money;
    markTyped("moneyUnit");
  } else if (facts.moneyUnit) {
    settings.moneyUnit = facts.moneyUnit.value;
    inferred("moneyUnit", facts.moneyUnit);
  } else settings.sources.moneyUnit = { kind: "default" };

  const langText = textOf("lang");
  if (langText) {
    const lang = parseLabel(LANG_LABELS, langText);
    if (lang) settings.lang = lang;
    else invalid("lang", langText);
  }

  const regionText = textOf("region");
  if (overrides.region !== undefined) {
    settings.region = overrides.region;
    settings.sources.region = { kind: "override" };
  } else if (regionText) {
    const region = parseLabel(REGION_LABELS, regionText);
    if (region) {
      settings.region = region;
      markTyped("region");
    } else invalid("region", regionText);
  }
  if (!settings.region && settings.provinceCode) {
    const region = regionOfProvince(settings.provinceCode);
    if (region) {
      settings.region = region;
      settings.sources.region = { kind: "inferred", from: "province" };
    }
  }

  // Year and criteria set: an override, the settings block, the workbook's titles, then derived.
  let year: number | undefined;
  const yearCell = cellOf("year");
  const yearOk =
    yearCell.kind === "number" &&
    !yearCell.percent &&
    Number.isInteger(yearCell.value) &&
    yearCell.value >= 1990 &&
    yearCell.value <= 2100;
  if (overrides.year !== undefined) {
    year = overrides.year;
    settings.sources.year = { kind: "override" };
  } else if (yearOk) {
    year = yearCell.value;
    markTyped("year");
  } else if (facts.year && (yearCell.kind === "blank" || !located.has("year"))) {
    year = facts.year.value;
    inferred("year", facts.year);
  }
  let setId: CriteriaSetId | undefined;
  const setText = textOf("setId");
  if (overrides.setId !== undefined) {
    setId = overrides.setId;
    settings.sources.setId = { kind: "override" };
  } else if (setText) {
    setId = parseLabel(SET_LABELS, setText);
    if (!setId) invalid("setId", setText);
    else markTyped("setId");
  }
  if (!setId && facts.setId && (year === undefined || setIdForYear(year) === facts.setId.value)) {
    setId = facts.setId.value;
    inferred("setId", facts.setId);
  }
  if (!setId) {
    setId = year !== undefined ? setIdForYear(year) : "2021-2025";
    settings.sources.setId = year !== undefined ? { kind: "inferred", from: "year" } : { kind: "default" };
    if (!setText && !facts.setId) issue("info", "SETTINGS_SET_DEFAULTED", "setId", { set: setId });
  }
  settings.setId = setId;
  settings.yearKnown = year !== undefined;
  if (year === undefined) {
    year = firstYearOf(setId);
    settings.sources.year = { kind: "default" };
    if (yearCell.kind === "blank")
      issue("error", "SETTINGS_YEAR_MISSING", "year", { fallback: String(year) });
    else issue("error", "SETTINGS_YEAR_INVALID", "year", { value: textOf("year"), fallback: String(year) });
  } else if (year < firstYearOf(setId) || year > lastYearOf(setId)) {
    issue("warning", "SETTINGS_YEAR_OUTSIDE_SET", "year", { year: String(year), set: setId });
  }
  settings.year = year;

  const marginCell = cellOf("nearMargin");
  if (marginCell.kind !== "blank") {
    const m = fractionOf(marginCell);
    if (m !== null && m >= 0 && m < 1) settings.nearMargin = m;
    else invalid("nearMargin", textOf("nearMargin"));
  }

  const ratioCell = cellOf("counterpartRatio");
  if (ratioCell.kind !== "blank") {
    let ratio: number | null = null;
    if (ratioCell.kind === "number") {
      if (ratioCell.percent) {
        const v = toIndicatorValue(ratioCell, "percent", "points");
        ratio = v.kind === "value" && typeof v.value === "number" ? v.value / 100 : null;
      } else ratio = ratioCell.value;
    }
    if (ratio !== null && ratio >= 0) settings.counterpartRatio = ratio;
    else invalid("counterpartRatio", textOf("counterpartRatio"));
  }
  return settings;
}
