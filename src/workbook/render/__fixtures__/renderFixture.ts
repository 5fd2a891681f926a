/**
 * A hand-built evaluation for the renderer's tests (the engine is written in parallel): one province,
 * two districts, five communes given out of order, a few indicators of every tier, a funding mix,
 * targets and issues. Test data only.
 */
import type {
  CriterionDef,
  EvaluationInput,
  EvaluationResult,
  FundingMix,
  FundingResult,
  IndicatorDef,
  IndicatorResult,
  InputValue,
  Locality,
  LocalityResult,
  Outcome,
} from "../../../domain/types";
import { ind } from "../../../domain/__fixtures__/smallProvince";

export const COMMUNE_SHEET = "Dữ liệu xã";
export const DISTRICT_SHEET = "Dữ liệu huyện";
export const HYPERLINK_NAME = '=HYPERLINK("http://example.com","Xã B")';

export const INDICATORS: IndicatorDef[] = [
  ind({
    code: "2.1",
    criterion: "2",
    nameVi: "Tỷ lệ đường xã được cứng hóa",
    nameEn: "Commune roads hardened",
  }),
  ind({ code: "5", criterion: "5", nameVi: "Trường học đạt chuẩn", nameEn: "Schools up to standard" }),
  ind({
    code: "10",
    criterion: "10",
    kind: "number",
    unit: "triệu đồng/người/năm",
    year: 2023,
    nameVi: "Thu nhập 2023",
  }),
  ind({
    code: "10",
    criterion: "10",
    kind: "number",
    unit: "triệu đồng/người/năm",
    year: 2024,
    nameVi: "Thu nhập 2024",
    nameEn: "Income 2024",
  }),
  ind({
    code: "17.1",
    criterion: "17",
    kind: "boolean",
    comparator: "pass",
    unit: "",
    nameVi: "Nước sạch",
    nameEn: "Clean water",
  }),
  ind({
    code: "NC.2",
    criterion: "2",
    tier: "advanced",
    nameVi: "Đường xã (nâng cao)",
    nameEn: "Roads (advanced)",
  }),
  ind({
    code: "NC.10",
    criterion: "10",
    tier: "advanced",
    kind: "number",
    unit: "triệu đồng/người/năm",
    dataCode: "10",
  }),
  ind({ code: "DK.2", criterion: "DK", tier: "condition", kind: "boolean", comparator: "pass", unit: "" }),
  ind({ code: "H.1", criterion: "H1", level: "district", dataCode: "@communeNtmShare" }),
  ind({ code: "H.2", criterion: "H2", level: "district", kind: "number", unit: "km" }),
  ind({
    code: "T.1",
    criterion: "T1",
    level: "province",
    dataCode: "@districtNtmShare",
    nameVi: "Tỷ lệ huyện đạt chuẩn",
  }),
  ind({ code: "T.4", criterion: "T4", level: "province", dataCode: "@communeAdvancedShare" }),
];

export const CRITERIA: CriterionDef[] = [
  { code: "2", nameVi: "Giao thông", nameEn: "Transport", level: "commune", tier: "ntm", national: true },
  { code: "5", nameVi: "Trường học", nameEn: "Schools", level: "commune", tier: "ntm", national: true },
  { code: "10", nameVi: "Thu nhập", nameEn: "Income", level: "commune", tier: "ntm", national: true },
  { code: "17", nameVi: "Môi trường", nameEn: "Environment", level: "commune", tier: "ntm", national: true },
  {
    code: "2",
    nameVi: "Giao thông nâng cao",
    nameEn: "Advanced transport",
    level: "commune",
    tier: "advanced",
    national: true,
  },
  {
    code: "DK",
    nameVi: "Điều kiện công nhận",
    nameEn: "Recognition conditions",
    level: "commune",
    tier: "condition",
    national: false,
  },
  {
    code: "H1",
    nameVi: "Xã đạt chuẩn",
    nameEn: "Communes at standard",
    level: "district",
    tier: "ntm",
    national: true,
  },
  {
    code: "H2",
    nameVi: "Giao thông huyện",
    nameEn: "District transport",
    level: "district",
    tier: "ntm",
    national: true,
  },
  {
    code: "T1",
    nameVi: "Huyện đạt chuẩn",
    nameEn: "Districts at standard",
    level: "province",
    tier: "ntm",
    national: true,
  },
  {
    code: "T4",
    nameVi: "Xã nâng cao",
    nameEn: "Advanced communes",
    level: "province",
    tier: "ntm",
    national: true,
  },
];

/** Column of each indicator's data on the commune sheet. */
const COLUMN: Record<string, string> = {
  "2.1": "E",
  "5": "F",
  "10": "G",
  "NC.10": "G",
  "17.1": "H",
  "NC.2": "I",
  "DK.2": "J",
};
const THRESHOLD: Record<string, number | boolean> = {
  "2.1": 100,
  "5": 80,
  "10": 50,
  "NC.10": 60,
  "17.1": true,
  "NC.2": 100,
  "DK.2": true,
};

type Spec = [outcome: Outcome, value: number | boolean | null, gap?: number | null];

function indicatorsOf(row: number, specs: Record<string, Spec>): Record<string, IndicatorResult> {
  const out: Record<string, IndicatorResult> = {};
  for (const [code, [outcome, value, gap]] of Object.entries(specs)) {
    out[code] = {
      code,
      outcome,
      value,
      threshold: outcome === "noThreshold" ? null : THRESHOLD[code],
      gap: gap ?? null,
      thresholdConfirmed: outcome !== "noThreshold",
      ref: { sheet: COMMUNE_SHEET, cell: `${COLUMN[code]}${row}` },
    };
  }
  return out;
}

const met = (v: number | boolean): Spec => ["met", v];

interface CommuneSpec {
  code: string;
  name: string;
  parent: string;
  row: number;
  indicators: Record<string, Spec>;
  criteria: Record<string, "met" | "notMet" | "unknown">;
  status: LocalityResult["status"];
  criteriaMet: number;
  band: LocalityResult["band"];
  unmet: string[];
  undecided: LocalityResult["undecided"];
}

const TIER_OF: Record<string, LocalityResult["criteria"][string]["tier"]> = {
  "2": "ntm",
  "5": "ntm",
  "10": "ntm",
  "17": "ntm",
  "NC.2": "advanced",
  "NC.10": "advanced",
  DK: "condition",
};

function commune(s: CommuneSpec): LocalityResult {
  const criteria: LocalityResult["criteria"] = {};
  for (const [code, o] of Object.entries(s.criteria))
    criteria[code] = { code, outcome: o, tier: TIER_OF[code] };
  return {
    code: s.code,
    name: s.name,
    level: "commune",
    parent: s.parent,
    effectiveRegion: "BTB",
    criteriaMet: s.criteriaMet,
    criteriaTotal: 19,
    criteriaUnknown: Object.values(s.criteria).filter((o) => o === "unknown").length,
    nationalMet: s.criteriaMet,
    nationalTotal: 19,
    band: s.band,
    status: s.status,
    undecided: s.undecided,
    unmet: s.unmet,
    criteria,
    indicators: indicatorsOf(s.row, s.indicators),
  };
}

const COMMUNES: CommuneSpec[] = [
  {
    code: "18352",
    name: "Xã Một C",
    parent: "436",
    row: 9,
    indicators: {
      "2.1": met(100),
      "5": met(90),
      "10": ["missing", null],
      "NC.10": ["missing", null],
      "17.1": ["invalid", null],
      "NC.2": met(100),
      "DK.2": met(true),
    },
    criteria: {
      "2": "met",
      "5": "met",
      "10": "unknown",
      "17": "unknown",
      "NC.2": "met",
      "NC.10": "unknown",
      DK: "met",
    },
    status: "none",
    criteriaMet: 17,
    band: "15to18",
    unmet: [],
    undecided: ["ntm", "advanced"],
  },
  {
    code: "18343",
    name: "Xã Một A",
    parent: "436",
    row: 7,
    indicators: {
      "2.1": met(100),
      "5": met(95),
      "10": met(70),
      "NC.10": met(70),
      "17.1": met(true),
      "NC.2": met(100),
      "DK.2": met(true),
    },
    criteria: { "2": "met", "5": "met", "10": "met", "17": "met", "NC.2": "met", "NC.10": "met", DK: "met" },
    status: "advanced",
    criteriaMet: 19,
    band: "all",
    unmet: [],
    undecided: [],
  },
  {
    code: "18349",
    name: HYPERLINK_NAME,
    parent: "436",
    row: 8,
    indicators: {
      "2.1": ["near", 95, 5],
      "5": ["notMet", 60, 20],
      "10": met(52),
      "NC.10": ["notMet", 52, 8],
      "17.1": met(true),
      "NC.2": ["notMet", 80, 20],
      "DK.2": met(true),
    },
    criteria: {
      "2": "notMet",
      "5": "notMet",
      "10": "met",
      "17": "met",
      "NC.2": "notMet",
      "NC.10": "notMet",
      DK: "met",
    },
    status: "none",
    criteriaMet: 17,
    band: "15to18",
    unmet: ["2", "5"],
    undecided: [],
  },
  {
    code: "18310",
    name: "Xã Hai B",
    parent: "437",
    row: 11,
    indicators: {
      "2.1": met(100),
      "5": met(85),
      "10": met(55),
      "NC.10": ["notMet", 55, 5],
      "17.1": met(true),
      "NC.2": met(100),
      "DK.2": met(true),
    },
    criteria: {
      "2": "met",
      "5": "met",
      "10": "met",
      "17": "met",
      "NC.2": "met",
      "NC.10": "notMet",
      DK: "met",
    },
    status: "ntm",
    criteriaMet: 19,
    band: "all",
    unmet: [],
    undecided: [],
  },
  {
    code: "18301",
    name: "Xã Hai A",
    parent: "437",
    row: 10,
    indicators: {
      "2.1": ["notMet", 50, 50],
      "5": ["noThreshold", 90],
      "10": ["notMet", 40, 10],
      "NC.10": ["notMet", 40, 20],
      "17.1": ["notMet", false],
      "NC.2": ["notMet", 50, 50],
      "DK.2": ["notMet", false],
    },
    criteria: {
      "2": "notMet",
      "5": "unknown",
      "10": "notMet",
      "17": "notMet",
      "NC.2": "notMet",
      "NC.10": "notMet",
      DK: "notMet",
    },
    status: "none",
    criteriaMet: 12,
    band: "below15",
    unmet: ["2", "10", "17", "DK"],
    undecided: [],
  },
];

const invalidRaw = "có?";

function district(code: string, name: string, h1: IndicatorResult, h2: IndicatorResult): LocalityResult {
  return {
    code,
    name,
    level: "district",
    parent: "42",
    criteriaMet: 0,
    criteriaTotal: 2,
    criteriaUnknown: 0,
    nationalMet: 0,
    nationalTotal: 2,
    status: "none",
    undecided: [],
    unmet: ["H1"],
    criteria: {
      H1: { code: "H1", outcome: h1.outcome === "met" ? "met" : "notMet", tier: "ntm" },
      H2: { code: "H2", outcome: h2.outcome === "met" ? "met" : "notMet", tier: "ntm" },
    },
    indicators: { "H.1": h1, "H.2": h2 },
  };
}

const ir = (
  code: string,
  o: Outcome,
  value: number | null,
  threshold: number | null,
  gap: number | null,
  cell?: string,
): IndicatorResult => ({
  code,
  outcome: o,
  value,
  threshold,
  gap,
  thresholdConfirmed: threshold !== null,
  ...(cell ? { ref: { sheet: DISTRICT_SHEET, cell } } : {}),
});

function mix(bySource: Record<string, number>, roots: string[], stock: string[]): FundingMix {
  const total = roots.reduce((s, c) => s + (bySource[c] ?? 0), 0);
  const noCredit = roots.filter((c) => !stock.includes(c)).reduce((s, c) => s + (bySource[c] ?? 0), 0);
  const shares: Record<string, number> = {};
  const sharesExcludingCredit: Record<string, number> = {};
  for (const [c, v] of Object.entries(bySource)) {
    shares[c] = total > 0 ? v / total : 0;
    if (!stock.includes(c)) sharesExcludingCredit[c] = noCredit > 0 ? v / noCredit : 0;
  }
  return { total, bySource, shares, sharesExcludingCredit };
}

const ROOTS = ["NSNN", "LONG_GHEP", "TIN_DUNG", "DOANH_NGHIEP", "NHAN_DAN", "KHAC"];

function funding(
  code: string,
  level: FundingResult["level"],
  plan: Record<string, number>,
  actual: Record<string, number>,
): FundingResult {
  const p = mix(plan, ROOTS, ["TIN_DUNG"]);
  const a = mix(actual, ROOTS, ["TIN_DUNG"]);
  return {
    ...p,
    code,
    level,
    actual: a,
    disbursementRate: p.total > 0 ? a.total / p.total : null,
    byCriterion: {},
  };
}

export function fixtureInput(): EvaluationInput {
  const value = (v: number | boolean, cell: string): InputValue => ({
    kind: "value",
    value: v,
    ref: { sheet: COMMUNE_SHEET, cell },
  });
  return {
    indicators: INDICATORS,
    criteria: CRITERIA,
    localities: [
      { code: "42", name: "Hà Tĩnh", level: "province", values: {} },
      { code: "437", name: "Thị xã Hai", level: "district", parent: "42", values: {} },
      { code: "436", name: "Huyện Một", level: "district", parent: "42", values: {} },
      ...COMMUNES.map((c): Locality => {
        const values: Record<string, InputValue> =
          c.code === "18352"
            ? { "17.1": { kind: "invalid", raw: invalidRaw, ref: { sheet: COMMUNE_SHEET, cell: "H9" } } }
            : { "2.1": value(100, `E${c.row}`) };
        return { code: c.code, name: c.name, level: "commune", parent: c.parent, values };
      }),
    ],
    targets: [],
    budgetLines: [],
    sources: [
      { code: "NSNN" },
      { code: "NSTW", parent: "NSNN" },
      { code: "NSDP", parent: "NSNN" },
      { code: "LONG_GHEP" },
      { code: "TIN_DUNG", stock: true },
      { code: "DOANH_NGHIEP" },
      { code: "NHAN_DAN" },
      { code: "KHAC" },
    ],
  };
}

export const INVALID_RAW = invalidRaw;

export function fixtureResult(): EvaluationResult {
  const communes = COMMUNES.map(commune);
  return {
    options: { setId: "2021-2025", year: 2024, region: "BTB", nearMargin: 0.1, counterpartRatio: 1 },
    localities: [
      {
        code: "42",
        name: "Hà Tĩnh",
        level: "province",
        criteriaMet: 0,
        criteriaTotal: 2,
        criteriaUnknown: 1,
        nationalMet: 0,
        nationalTotal: 2,
        status: "none",
        undecided: ["ntm"],
        unmet: ["T1"],
        criteria: {
          T1: { code: "T1", outcome: "notMet", tier: "ntm" },
          T4: { code: "T4", outcome: "unknown", tier: "ntm" },
        },
        indicators: {
          "T.1": ir("T.1", "notMet", 0, 100, 100),
          "T.4": ir("T.4", "noThreshold", 20, null, null),
        },
      },
      district("437", "Thị xã Hai", ir("H.1", "notMet", 50, 100, 50), ir("H.2", "met", 12, 10, null, "D6")),
      district(
        "436",
        "Huyện Một",
        ir("H.1", "notMet", 33.33, 100, 66.67),
        ir("H.2", "notMet", 4, 10, 6, "D5"),
      ),
      ...communes,
    ],
    rollups: [
      {
        code: "42",
        name: "Hà Tĩnh",
        level: "province",
        communes: 5,
        ntm: 2,
        ntmShare: 0.4,
        advanced: 1,
        advancedShare: 0.2,
        model: 0,
        modelShare: 0,
        below15: 1,
        averageCriteria: 16.8,
        districts: 2,
        districtsNtm: 0,
        districtsNtmShare: 0,
        districtsAdvanced: 0,
        status: "none",
      },
      {
        code: "437",
        name: "Thị xã Hai",
        level: "district",
        communes: 2,
        ntm: 1,
        ntmShare: 0.5,
        advanced: 0,
        advancedShare: 0,
        model: 0,
        modelShare: 0,
        below15: 1,
        averageCriteria: 15.5,
        districts: 0,
        districtsNtm: 0,
        districtsNtmShare: 0,
        districtsAdvanced: 0,
        status: "none",
      },
      {
        code: "436",
        name: "Huyện Một",
        level: "district",
        communes: 3,
        ntm: 1,
        ntmShare: 1 / 3,
        advanced: 1,
        advancedShare: 1 / 3,
        model: 0,
        modelShare: 0,
        below15: 0,
        averageCriteria: 17.67,
        districts: 0,
        districtsNtm: 0,
        districtsNtmShare: 0,
        districtsAdvanced: 0,
        status: "none",
      },
    ],
    bottlenecks: [
      {
        code: "5",
        criterion: "5",
        nameVi: "Trường học đạt chuẩn",
        nameEn: "Schools up to standard",
        evaluated: 4,
        met: 3,
        share: 0.75,
      },
      {
        code: "2.1",
        criterion: "2",
        nameVi: "Tỷ lệ đường xã được cứng hóa",
        nameEn: "Commune roads hardened",
        evaluated: 5,
        met: 3,
        share: 0.6,
      },
      {
        code: "10",
        criterion: "10",
        nameVi: "Thu nhập 2024",
        nameEn: "Income 2024",
        evaluated: 4,
        met: 3,
        share: 0.75,
      },
    ],
    targets: [
      {
        metric: "communeNtmShare",
        year: 2025,
        value: 0.8,
        comparator: ">=",
        actual: 0.4,
        status: "behind",
        gap: 0.4,
      },
      {
        metric: "communesBelow15",
        year: 2025,
        value: 0,
        comparator: "<=",
        actual: 1,
        status: "behind",
        gap: 1,
      },
      {
        metric: "communeAdvancedShare",
        year: 2025,
        value: 0.1,
        comparator: ">=",
        actual: 0.2,
        status: "achieved",
        gap: 0,
      },
      {
        metric: "averageCriteria",
        year: 2030,
        value: 19,
        comparator: ">=",
        actual: 16.8,
        status: "pending",
        gap: 2.2,
      },
      {
        metric: "communeNtmShare",
        scope: "436",
        year: 2025,
        value: 1,
        comparator: ">=",
        actual: 1 / 3,
        status: "behind",
        gap: 2 / 3,
      },
    ],
    funding: [
      funding("18349", "commune", { NSNN: 200, NSDP: 200, NHAN_DAN: 100 }, { NSNN: 100 }),
      funding(
        "42",
        "province",
        {
          NSNN: 3000,
          NSTW: 1000,
          NSDP: 2000,
          LONG_GHEP: 1000,
          TIN_DUNG: 4000,
          DOANH_NGHIEP: 500,
          NHAN_DAN: 1000,
          KHAC: 500,
        },
        {
          NSNN: 2000,
          NSTW: 800,
          NSDP: 1200,
          LONG_GHEP: 500,
          TIN_DUNG: 3000,
          DOANH_NGHIEP: 200,
          NHAN_DAN: 300,
        },
      ),
      funding(
        "436",
        "district",
        { NSNN: 1500, NSTW: 1000, NSDP: 500, TIN_DUNG: 500 },
        { NSNN: 1500, TIN_DUNG: 500 },
      ),
    ],
    fundingFlags: [
      { kind: "lowCounterpart", locality: "436", ratio: 0.5, required: 1 },
      { kind: "unmetWithoutMoney", locality: "18301", criterion: "10" },
      { kind: "unmetWithoutMoney", locality: "18301", criterion: "2" },
    ],
    issues: [
      { severity: "info", code: "FIXTURE_INFO", params: {} },
      {
        severity: "warning",
        code: "FIXTURE_WARNING",
        sheet: COMMUNE_SHEET,
        cell: "B10",
        params: { code: "18301" },
      },
      { severity: "error", code: "FIXTURE_ERROR", sheet: COMMUNE_SHEET, cell: "AA3", params: { value: "x" } },
      { severity: "error", code: "FIXTURE_ERROR", sheet: COMMUNE_SHEET, cell: "C12", params: { value: "y" } },
      { severity: "error", code: "FIXTURE_ERROR", sheet: "Danh mục", cell: "A2", params: { value: "z" } },
    ],
  };
}

/** The workbook's sheets before the run. */
export const EXISTING = ["Hướng dẫn", "Danh mục", COMMUNE_SHEET, DISTRICT_SHEET];
