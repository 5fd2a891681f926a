/**
 * A small province evaluated by the real engine, wrapped as a recalculation's outcome, for the edge
 * cases of the reports: six communes (optionally under two districts), a criterion two departments
 * share, a department whose criteria are all met, a district-level criterion, an indicator no
 * department leads, a commune named like a formula, money per criterion and credit. Test data only.
 *
 *   2.1 ≥ 80 %, 2.2 ≥ 50 %  (criterion 2)      Sở Giao thông vận tải
 *   H.2 ≥ 3 km (criterion H2, district level)  Sở Giao thông vận tải
 *   14.1 pass                (criterion 14)     Sở Giáo dục và Đào tạo
 *   14.3 ≥ 60 %              (criterion 14)     Sở Lao động – Thương binh và Xã hội
 *   15.1 pass                (criterion 15)     Sở Y tế  (every commune meets it)
 *   DK.2 pass                (condition)        no department
 *
 *   commune  district  2.1   2.2   14.1  14.3  → criterion 2 / 14
 *   C1       D1        79    60    Đạt   70    notMet (near) / met
 *   C2       D1        40    20    K.đạt 50    notMet / notMet
 *   C3       D1        90    55    Đạt   65    met / met
 *   C4       D2        –     60    Đạt   60    unknown / met
 *   C5       D2        70    45    Đạt   55    notMet / notMet   (named HOSTILE)
 *   C6       D2        85    49    Đạt   80    notMet / met
 *   districts: D1 H.2 = 2 (notMet), D2 H.2 = 5 (met)
 */
import { toSourceNodes } from "../../../catalog/fundingCategories";
import { ind } from "../../../domain/__fixtures__/smallProvince";
import { evaluate } from "../../../domain/evaluate";
import type {
  BudgetLine,
  CriterionDef,
  EvaluationInput,
  EvaluationOptions,
  IndicatorDef,
  InputValue,
  Locality,
} from "../../../domain/types";
import type { Lang } from "../../../i18n";
import type { WritePlan } from "../../port";
import type { RecalcOutcome } from "../../recalc";
import { defaultSettings, type WorkbookSettings } from "../../read/settings";

export const HOSTILE = '=HYPERLINK("http://example.com","x")';
export const GTVT = "Sở Giao thông vận tải";
export const GDDT = "Sở Giáo dục và Đào tạo";
export const LDTBXH = "Sở Lao động – Thương binh và Xã hội";
export const YTE = "Sở Y tế";

export interface HandMadeOptions {
  /** Communes under two districts (default) or directly under the province. */
  districts?: boolean;
  lang?: Lang;
  /** Settings-sheet fields of the document frame (default: none, so defaults apply). */
  settings?: Partial<Pick<WorkbookSettings, "issuer" | "signerTitle" | "signer" | "recipients" | "dataNote">>;
  /** Replaces each indicator's department (by code); "" removes it. */
  departments?: Record<string, string>;
  provinceName?: string;
  /** Budget lines (default true). */
  budget?: boolean;
  /** A commune put directly under the province although the province has districts. */
  orphan?: string;
}

const pct = (code: string, criterion: string, value: number, department?: string): IndicatorDef =>
  ind({
    code,
    criterion,
    nameVi: `Chỉ tiêu ${code}`,
    nameEn: `Indicator ${code}`,
    thresholds: [{ value, confirmed: true }],
    ...(department ? { department } : {}),
  });
const pass = (code: string, criterion: string, department?: string, tier: IndicatorDef["tier"] = "ntm") =>
  ind({
    code,
    criterion,
    kind: "boolean",
    comparator: "pass",
    unit: "",
    tier,
    thresholds: [{ value: true, confirmed: true }],
    ...(department ? { department } : {}),
  });

const CRITERIA: CriterionDef[] = [
  { code: "2", nameVi: "Giao thông", nameEn: "Transport", level: "commune", tier: "ntm", national: true },
  {
    code: "14",
    nameVi: "Giáo dục và Đào tạo",
    nameEn: "Education",
    level: "commune",
    tier: "ntm",
    national: true,
  },
  { code: "15", nameVi: "Y tế", nameEn: "Health", level: "commune", tier: "ntm", national: true },
  {
    code: "DK",
    nameVi: "Điều kiện công nhận",
    nameEn: "Conditions",
    level: "commune",
    tier: "condition",
    national: false,
  },
  {
    code: "H2",
    nameVi: "Giao thông huyện",
    nameEn: "District roads",
    level: "district",
    tier: "ntm",
    national: true,
  },
];

const v = (value: number | boolean): InputValue => ({ kind: "value", value });
const MISSING: InputValue = { kind: "missing" };

/** [code, district, 2.1, 2.2, 14.1, 14.3] */
const COMMUNES: [string, string, number | null, number, boolean, number][] = [
  ["C1", "D1", 79, 60, true, 70],
  ["C2", "D1", 40, 20, false, 50],
  ["C3", "D1", 90, 55, true, 65],
  ["C4", "D2", null, 60, true, 60],
  ["C5", "D2", 70, 45, true, 55],
  ["C6", "D2", 85, 49, true, 80],
];

export const OPTIONS: EvaluationOptions = {
  setId: "2021-2025",
  year: 2022,
  region: "BTB",
  nearMargin: 0.1,
  counterpartRatio: null,
};

export function handMadeInput(opts: HandMadeOptions = {}): EvaluationInput {
  const withDistricts = opts.districts ?? true;
  let indicators: IndicatorDef[] = [
    pct("2.1", "2", 80, GTVT),
    pct("2.2", "2", 50, GTVT),
    pass("14.1", "14", GDDT),
    pct("14.3", "14", 60, LDTBXH),
    pass("15.1", "15", YTE),
    pass("DK.2", "DK", undefined, "condition"),
    ind({
      code: "H.2",
      criterion: "H2",
      level: "district",
      kind: "number",
      unit: "km",
      thresholds: [{ value: 3, confirmed: true }],
      department: GTVT,
    }),
  ];
  if (opts.departments) {
    const over = opts.departments;
    indicators = indicators.map((def) => {
      if (!(def.code in over)) return def;
      const rest: IndicatorDef = { ...def };
      delete rest.department;
      return over[def.code] ? { ...rest, department: over[def.code] } : rest;
    });
  }
  const localities: Locality[] = [
    { code: "P", name: opts.provinceName ?? "Tỉnh Thử", level: "province", values: {} },
  ];
  if (withDistricts) {
    localities.push(
      { code: "D1", name: "Huyện Một", level: "district", parent: "P", values: { "H.2": v(2) } },
      { code: "D2", name: "Huyện Hai", level: "district", parent: "P", values: { "H.2": v(5) } },
    );
  }
  for (const [code, district, r1, r2, e1, e3] of COMMUNES) {
    localities.push({
      code,
      name: code === "C5" ? HOSTILE : `Xã ${code}`,
      level: "commune",
      parent: withDistricts && code !== opts.orphan ? district : "P",
      values: {
        "2.1": r1 === null ? MISSING : v(r1),
        "2.2": v(r2),
        "14.1": v(e1),
        "14.3": v(e3),
        "15.1": v(true),
        "DK.2": v(true),
      },
    });
  }
  const plan = (
    locality: string,
    criterion: string | undefined,
    amounts: Record<string, number>,
  ): BudgetLine => ({
    locality,
    kind: "plan",
    ...(criterion ? { criterion } : {}),
    amounts,
  });
  const budgetLines: BudgetLine[] = [
    plan("C1", "2", { NSTW: 100 }),
    plan("C2", "2", { NS_TINH: 250 }),
    plan("C5", "14", { NHAN_DAN: 30 }),
    plan("C6", undefined, { TD_CS: 400 }),
    { locality: "C1", kind: "actual", amounts: { NSTW: 60 } },
  ];
  return {
    indicators,
    criteria: CRITERIA,
    localities,
    targets: [{ metric: "communeNtmShare", year: 2022, value: 0.5, comparator: ">=" }],
    budgetLines: opts.budget === false ? [] : budgetLines,
    sources: toSourceNodes(),
  };
}

export function handMadeOutcome(opts: HandMadeOptions = {}): RecalcOutcome {
  const lang = opts.lang ?? "vi";
  const input = handMadeInput(opts);
  const result = evaluate(input, OPTIONS);
  const settings: WorkbookSettings = {
    ...defaultSettings(),
    year: OPTIONS.year,
    provinceName: opts.provinceName ?? "Tỉnh Thử",
    provinceCode: "P",
    lang,
    ...(opts.settings ?? {}),
  };
  const plan: WritePlan = { sheets: [], meta: { version: 1, ownedSheets: [] } };
  return {
    read: {
      input,
      options: OPTIONS,
      settings,
      issues: [],
      roles: {},
      inputSheets: [],
      understanding: {
        sheets: [],
        settings: [],
        criteria: "workbook",
        markedCriteria: [],
        criteriaWithoutData: [],
      },
      typed: [],
    },
    result,
    plan,
    issues: result.issues,
    lang,
    settings: {
      province: settings.provinceName ?? "",
      provinceCode: "P",
      region: OPTIONS.region,
      year: OPTIONS.year,
      setId: OPTIONS.setId,
      nearMargin: OPTIONS.nearMargin,
      currencyUnit: settings.moneyUnit,
      lang,
      ...(settings.dataNote ? { sampleNote: settings.dataNote } : {}),
    },
    usable: true,
  };
}
