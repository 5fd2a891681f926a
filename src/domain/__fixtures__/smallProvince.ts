/** A small hand-made province for engine tests: 2 districts (a huyện and a thị xã), 5 communes. */
import type {
  CriterionDef,
  EvaluationInput,
  EvaluationOptions,
  IndicatorDef,
  InputValue,
  Locality,
} from "../types";

export const ind = (
  over: Partial<IndicatorDef> & Pick<IndicatorDef, "code" | "criterion">,
): IndicatorDef => ({
  nameVi: `Chỉ tiêu ${over.code}`,
  nameEn: `Indicator ${over.code}`,
  unit: "%",
  kind: "percent",
  comparator: ">=",
  level: "commune",
  tier: "ntm",
  thresholds: [],
  source: "test",
  confirmed: true,
  ...over,
});

export const INDICATORS: IndicatorDef[] = [
  ind({ code: "1.1", criterion: "1", kind: "boolean", comparator: "pass", unit: "" }),
  ind({
    code: "2.1",
    criterion: "2",
    thresholds: [
      { region: "BTB", value: 100, confirmed: true },
      { region: "TDMNPB", value: 90, confirmed: true },
    ],
  }),
  ind({
    code: "10",
    criterion: "10",
    kind: "number",
    unit: "triệu đồng",
    year: 2022,
    thresholds: [{ value: 50, confirmed: true }],
  }),
  ind({
    code: "10",
    criterion: "10",
    kind: "number",
    unit: "triệu đồng",
    year: 2023,
    thresholds: [{ value: 55, confirmed: true }],
  }),
  ind({ code: "11", criterion: "11", comparator: "<=", thresholds: [{ value: 3, confirmed: true }] }),
  ind({ code: "DK.2", criterion: "DK", tier: "condition", kind: "boolean", comparator: "pass" }),
  ind({ code: "NC.2", criterion: "2", tier: "advanced", thresholds: [{ value: 100, confirmed: true }] }),
  ind({
    code: "NC.10",
    criterion: "10",
    tier: "advanced",
    kind: "number",
    dataCode: "10",
    thresholds: [{ value: 60, confirmed: true }],
  }),
  ind({
    code: "KM.2",
    criterion: "KM",
    tier: "model",
    kind: "number",
    dataCode: "10",
    derived: { factor: 1.1, from: "NC.10" },
  }),
  ind({
    code: "KM.3",
    criterion: "KM",
    tier: "model",
    kind: "number",
    thresholds: [{ value: 1, confirmed: true }],
  }),
  ind({
    code: "H.1",
    criterion: "H1",
    level: "district",
    dataCode: "@communeNtmShare",
    thresholds: [{ value: 100, confirmed: true }],
  }),
  ind({
    code: "H.2",
    criterion: "H2",
    level: "district",
    dataCode: "@communeAdvancedShare",
    thresholds: [{ value: 10, confirmed: true }],
  }),
  ind({
    code: "T.1",
    criterion: "T1",
    level: "province",
    dataCode: "@districtNtmShare",
    thresholds: [{ value: 100, confirmed: true }],
  }),
  ind({
    code: "T.4",
    criterion: "T4",
    level: "province",
    dataCode: "@communeAdvancedShare",
    thresholds: [{ value: 40, confirmed: true }],
  }),
];

export const CRITERIA: CriterionDef[] = [
  { code: "1", nameVi: "Quy hoạch", nameEn: "Planning", level: "commune", tier: "ntm", national: true },
  { code: "2", nameVi: "Giao thông", nameEn: "Transport", level: "commune", tier: "ntm", national: true },
  { code: "10", nameVi: "Thu nhập", nameEn: "Income", level: "commune", tier: "ntm", national: true },
  { code: "11", nameVi: "Nghèo đa chiều", nameEn: "Poverty", level: "commune", tier: "ntm", national: true },
];

const val = (value: number | boolean, cell = "A1"): InputValue => ({
  kind: "value",
  value,
  ref: { sheet: "Dữ liệu xã", cell },
});

/** Values making a commune reach the given status in 2022. */
export function values(status: "none" | "ntm" | "advanced" | "model", over: Record<string, InputValue> = {}) {
  const v: Record<string, InputValue> = {
    "1.1": val(true),
    "2.1": val(100),
    "10": val(status === "model" ? 70 : status === "advanced" ? 61 : 52),
    "11": val(2),
    "DK.2": val(true),
    "NC.2": val(status === "ntm" ? 80 : 100),
    "KM.3": val(status === "model" ? 2 : 0),
  };
  if (status === "none") v["2.1"] = val(70);
  return { ...v, ...over };
}

export const loc = (over: Partial<Locality> & Pick<Locality, "code" | "level">): Locality => ({
  name: over.code,
  values: {},
  ...over,
});

export function smallProvince(): EvaluationInput {
  return {
    indicators: INDICATORS,
    criteria: CRITERIA,
    localities: [
      loc({ code: "42", name: "Hà Tĩnh", level: "province" }),
      loc({ code: "D1", name: "Huyện Một", level: "district", parent: "42", unitType: "Huyện" }),
      loc({ code: "D2", name: "Thị xã Hai", level: "district", parent: "42", unitType: "Thị xã" }),
      loc({ code: "C1", level: "commune", parent: "D1", values: values("model") }),
      loc({ code: "C2", level: "commune", parent: "D1", values: values("ntm") }),
      loc({ code: "C3", level: "commune", parent: "D1", values: values("advanced") }),
      loc({ code: "C4", level: "commune", parent: "D2", values: values("none") }),
      loc({ code: "C5", level: "commune", parent: "D2", values: values("ntm") }),
    ],
    targets: [
      { metric: "communeNtmShare", year: 2022, value: 1, comparator: ">=" },
      { metric: "districtNtmShare", year: 2023, value: 1, comparator: ">=" },
      { metric: "communesBelow15", year: 2022, value: 0, comparator: "<=" },
    ],
    budgetLines: [],
    sources: [
      { code: "NSNN" },
      { code: "NSTW", parent: "NSNN" },
      { code: "NSDP", parent: "NSNN" },
      { code: "TIN_DUNG", stock: true },
      { code: "NHAN_DAN" },
    ],
  };
}

export const OPTIONS: EvaluationOptions = {
  setId: "2021-2025",
  year: 2022,
  region: "BTB",
  nearMargin: 0.1,
  counterpartRatio: null,
};
