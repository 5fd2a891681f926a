/**
 * Illustrative thresholds for the sample workbook and the benchmark: a value for Bắc Trung Bộ (BTB,
 * Hà Tĩnh's region) and for the Northern Midlands and Mountains (TDMNPB, which ĐBKK communes use)
 * for every 2021-2025 indicator whose catalog threshold is unknown, so that every result can be
 * computed end to end.
 *
 * None of these is an official threshold (QĐ 318's regional values are not confirmed in the
 * reference). Where the reference quotes another province's value (criteria-2021-2025.md §1.2,
 * "PROXY"), it guides the BTB or TDMNPB value and the note names it; the rest are plausible choices.
 * A threshold the catalog gives is never replaced.
 */
import type { IndicatorDef, RegionCode, ThresholdRule } from "../../domain/types";
import type { Lang } from "../../i18n";
import { sampleStrings } from "../../i18n/strings/sample";
import type { OverrideScope, ThresholdOverride } from "../../workbook/template";

interface IllustrativeRow {
  code: string;
  /** Income rows are keyed by year. */
  year?: number;
  BTB: number;
  TDMNPB: number;
  /** The PROXY the value follows (criteria-2021-2025.md §1.2), when there is one. */
  proxy?: string;
}

const INCOME_YEARS = [2022, 2023, 2024, 2025] as const;

/** NTM income (criterion 10) per year, triệu đồng/người/năm: BTB, TDMNPB. */
const INCOME: Record<number, [number, number]> = {
  2022: [45, 39],
  2023: [48, 42],
  2024: [51, 45],
  2025: [54, 48],
};
/** Advanced income (NC.10), about 10% above the NTM level; model income (KM.2) derives from it (×1.1). */
const ADVANCED_INCOME: Record<number, [number, number]> = {
  2022: [50, 43],
  2023: [53, 46],
  2024: [56, 50],
  2025: [59, 53],
};

export const ILLUSTRATIVE_ROWS: readonly IllustrativeRow[] = [
  { code: "2.1", BTB: 100, TDMNPB: 90, proxy: "Quảng Bình (BTB) 100%" },
  { code: "2.2", BTB: 90, TDMNPB: 80, proxy: "Bình Phước, xã ĐBKK ≥80%" },
  { code: "2.3", BTB: 80, TDMNPB: 50, proxy: "Bình Phước, xã ĐBKK ≥50%" },
  { code: "2.4", BTB: 80, TDMNPB: 70, proxy: "Bình Phước, xã ĐBKK ≥70%" },
  { code: "3.1", BTB: 80, TDMNPB: 70, proxy: "Quảng Bình (BTB) ≥80%" },
  { code: "4.2", BTB: 98, TDMNPB: 95 },
  { code: "5", BTB: 100, TDMNPB: 70, proxy: "Quảng Bình (BTB) 100%" },
  { code: "6.3", BTB: 100, TDMNPB: 80 },
  { code: "9.2", BTB: 85, TDMNPB: 75, proxy: "Quảng Bình (BTB) >85%, Vĩnh Long ≥85%" },
  ...INCOME_YEARS.map((year): IllustrativeRow => ({
    code: "10",
    year,
    BTB: INCOME[year][0],
    TDMNPB: INCOME[year][1],
    ...(year === 2022 ? { proxy: "Bình Phước, xã ĐBKK (mức TDMNPB) ≥39 triệu đồng năm 2022" } : {}),
  })),
  { code: "11", BTB: 5, TDMNPB: 10 },
  { code: "12", BTB: 95, TDMNPB: 90 },
  { code: "14.2", BTB: 90, TDMNPB: 80 },
  { code: "14.3", BTB: 60, TDMNPB: 40 },
  { code: "15.1", BTB: 90, TDMNPB: 85 },
  { code: "15.3", BTB: 22, TDMNPB: 26 },
  { code: "15.4", BTB: 50, TDMNPB: 40 },
  { code: "16", BTB: 80, TDMNPB: 70 },
  { code: "17.1", BTB: 95, TDMNPB: 90 },
  { code: "17.2", BTB: 100, TDMNPB: 90 },
  { code: "17.4", BTB: 2, TDMNPB: 2 },
  { code: "17.7", BTB: 100, TDMNPB: 90 },
  { code: "17.8", BTB: 70, TDMNPB: 60 },
  { code: "17.9", BTB: 70, TDMNPB: 60 },
  { code: "17.10", BTB: 100, TDMNPB: 95 },
  { code: "17.11", BTB: 30, TDMNPB: 20 },
  { code: "17.12", BTB: 50, TDMNPB: 40 },
  { code: "DK.3", BTB: 90, TDMNPB: 90 },
  { code: "NC.2", BTB: 70, TDMNPB: 50 },
  ...INCOME_YEARS.map((year): IllustrativeRow => ({
    code: "NC.10",
    year,
    BTB: ADVANCED_INCOME[year][0],
    TDMNPB: ADVANCED_INCOME[year][1],
  })),
];

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** The note an illustrative row carries in the criteria sheet (it says the value is illustrative). */
export function illustrativeNote(row: Pick<IllustrativeRow, "proxy">, lang: Lang): string {
  const i = lang === "vi" ? 0 : 1;
  return row.proxy
    ? fill(sampleStrings["sample.threshold.proxy"][i], { proxy: row.proxy })
    : sampleStrings["sample.threshold.plausible"][i];
}

/** The illustrative thresholds as template overrides (BTB and TDMNPB), each with its note. */
export function illustrativeOverrides(lang: Lang): ThresholdOverride[] {
  return ILLUSTRATIVE_ROWS.map((row) => ({
    code: row.code,
    ...(row.year !== undefined ? { year: row.year } : {}),
    values: { BTB: row.BTB, TDMNPB: row.TDMNPB },
    note: illustrativeNote(row, lang),
  }));
}

/**
 * True when an indicator needs a threshold to be evaluated and the catalog gives none: a comparison
 * (not Đạt/Không đạt, not derived from another indicator) without any rule holding a value.
 */
export function lacksThreshold(def: IndicatorDef): boolean {
  return def.comparator !== "pass" && !def.derived && def.thresholds.every((r) => r.value === null);
}

function scopeRule(scope: OverrideScope, value: number | boolean): ThresholdRule {
  if (scope === "any") return { value, confirmed: false };
  if (scope === "group1" || scope === "group2" || scope === "group3") {
    return { group: Number(scope.slice(5)) as 1 | 2 | 3, value, confirmed: false };
  }
  return { region: scope as RegionCode, value, confirmed: false };
}

function sameScope(rule: ThresholdRule, scope: OverrideScope): boolean {
  const own = scopeRule(scope, 0);
  return rule.region === own.region && rule.group === own.group;
}

/**
 * Copies of `indicators` with the overrides applied as the template applies them: a scope the
 * override gives replaces the indicator's rule for that scope; the new rules are unconfirmed.
 */
export function applyOverrides(
  indicators: readonly IndicatorDef[],
  overrides: readonly ThresholdOverride[],
): IndicatorDef[] {
  return indicators.map((def) => {
    const o = overrides.find((x) => x.code === def.code && (x.year === undefined || x.year === def.year));
    const copy: IndicatorDef = { ...def, thresholds: def.thresholds.map((r) => ({ ...r })) };
    if (!o) return copy;
    const scopes = Object.entries(o.values).filter(
      (e): e is [OverrideScope, number | boolean] => e[1] !== undefined,
    );
    copy.thresholds = [
      ...copy.thresholds.filter((r) => !scopes.some(([s]) => sameScope(r, s))),
      ...scopes.map(([s, v]) => scopeRule(s, v)),
    ];
    return copy;
  });
}
