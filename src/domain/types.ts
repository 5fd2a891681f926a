/**
 * The vocabulary of the NTM engine. Plain data only: no Office, no I/O, no clocks.
 * Every other layer speaks in these types.
 */

/** Indicator code as written in the criteria sheet, e.g. "2.1", "10", "NC.2.5", "KM.2", "H.1". */
export type IndicatorCode = string;
/** Criterion code, e.g. "2", "17", "20.HT", "KM", "H". */
export type CriterionCode = string;
/** Locality code as written by the planner (usually the GSO code, e.g. "18343"). */
export type LocalityCode = string;

export type Level = "province" | "district" | "commune" | "village";
export const LEVELS: readonly Level[] = ["province", "district", "commune", "village"];

/** The seven socio-economic regions of QĐ 318/QĐ-TTg. */
export type RegionCode = "TDMNPB" | "DBSH" | "BTB" | "DHNTB" | "TN" | "DNB" | "DBSCL";
export const REGION_CODES: readonly RegionCode[] = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"];

/** Commune groups of QĐ 51/2025/QĐ-TTg (2026-2030). */
export type CommuneGroup = 1 | 2 | 3;

export type CriteriaSetId = "2021-2025" | "2026-2030";

/**
 * Which recognition an indicator counts towards.
 * - ntm: the base NTM standard (commune 318 Phụ lục I, district 320 Phụ lục I, province 321)
 * - advanced: nâng cao (318 Phụ lục II, 320 Phụ lục III)
 * - model: kiểu mẫu (QĐ 319)
 * - condition: recognition conditions (QĐ 18/2022) required for every status
 */
export type Tier = "ntm" | "advanced" | "model" | "condition";
export const TIERS: readonly Tier[] = ["ntm", "advanced", "model", "condition"];

/** ">=", "<=", "=" compare numbers (or booleans for "="); "pass" means the value must be Đạt/true. */
export type Comparator = ">=" | "<=" | "=" | "pass";

/** How a cell of this indicator is read. Percent values are kept in percentage points (85 = 85%). */
export type ValueKind = "percent" | "number" | "boolean";

/** One threshold applying to a scope. A blank scope field means "any". */
export interface ThresholdRule {
  region?: RegionCode;
  group?: CommuneGroup;
  value: number | boolean | null; // null = not set (unknown)
  confirmed: boolean;
}

/** Threshold derived from another indicator's effective threshold, e.g. QĐ 319: income ≥ 110% × advanced income. */
export interface DerivedThreshold {
  factor: number;
  from: IndicatorCode;
}

export interface IndicatorDef {
  code: IndicatorCode;
  criterion: CriterionCode;
  nameVi: string;
  nameEn: string;
  unit: string; // shown to the user: "%", "triệu đồng/người/năm", "m²/người", "" …
  kind: ValueKind;
  comparator: Comparator;
  level: Level;
  tier: Tier;
  /** Applies only in this evaluation year (income thresholds are keyed by year); undefined = every year. */
  year?: number;
  thresholds: ThresholdRule[];
  derived?: DerivedThreshold;
  /** Data column holding the value; defaults to `code`. A name starting with "@" is a computed metric (see METRICS). */
  dataCode?: string;
  department?: string;
  source: string;
  confirmed: boolean;
  note?: string;
  /** Where the definition came from in the workbook (for issues). */
  origin?: CellRef;
}

export interface CriterionDef {
  code: CriterionCode;
  nameVi: string;
  nameEn: string;
  level: Level;
  tier: Tier;
  /** Part of the national set (counts towards the QĐ 07/QĐ 263 band); false for provincial extras like Hà Tĩnh's 20. */
  national: boolean;
}

export interface CellRef {
  sheet: string;
  cell: string; // A1
  /** The workbook file, when several are read together. */
  file?: string;
}

/** A parsed input value. */
export type InputValue =
  | { kind: "value"; value: number | boolean; ref?: CellRef }
  | { kind: "missing"; ref?: CellRef }
  | { kind: "invalid"; raw: string; ref?: CellRef };

export interface Locality {
  code: LocalityCode;
  name: string;
  level: Level;
  parent?: LocalityCode;
  /** Geographic region; communes inherit the province's when blank. */
  region?: RegionCode;
  /** Đặc biệt khó khăn; with `atkPoorDistrict` it switches the thresholds to TDMNPB (QĐ 318). */
  dbkk?: boolean;
  atkPoorDistrict?: boolean;
  group?: CommuneGroup;
  /** Free type text as in the unit list: "Xã", "Phường", "Thị trấn", "Huyện", "Thị xã", "Thành phố". */
  unitType?: string;
  /** Values keyed by data code (indicator code or data column name). */
  values: Record<string, InputValue>;
  ref?: CellRef;
}

export interface EvaluationOptions {
  setId: CriteriaSetId;
  year: number;
  /** Province's region, used when a locality has none. */
  region: RegionCode;
  /** "Near" band as a fraction of the threshold (default 0.1). */
  nearMargin: number;
  /** Minimum local-counterpart ratio NSĐP/NSTW; null = not set (QĐ 07/2022 figure unconfirmed). */
  counterpartRatio: number | null;
}

export const DEFAULT_NEAR_MARGIN = 0.1;

export type Outcome = "met" | "notMet" | "near" | "missing" | "invalid" | "noThreshold";
export type CriterionOutcome = "met" | "notMet" | "unknown";

export interface IndicatorResult {
  code: IndicatorCode;
  outcome: Outcome;
  value: number | boolean | null;
  threshold: number | boolean | null;
  /** Distance to the threshold in the indicator's unit (positive = still needed); null when not numeric. */
  gap: number | null;
  thresholdConfirmed: boolean;
  ref?: CellRef;
}

export interface CriterionResult {
  code: CriterionCode;
  outcome: CriterionOutcome;
  tier: Tier;
}

export type Status = "none" | "ntm" | "advanced" | "model";
/** QĐ 07/2022 and QĐ 263 bands of national criteria met. */
export type Band = "below15" | "15to18" | "all";

export interface LocalityResult {
  code: LocalityCode;
  name: string;
  level: Level;
  parent?: LocalityCode;
  effectiveRegion?: RegionCode;
  group?: CommuneGroup;
  /** Criteria of the NTM tier met / evaluated (e.g. 17 / 19). */
  criteriaMet: number;
  criteriaTotal: number;
  criteriaUnknown: number;
  nationalMet: number;
  nationalTotal: number;
  band?: Band;
  status: Status;
  /** Tiers whose result could not be decided because of missing data or thresholds. */
  undecided: Tier[];
  unmet: CriterionCode[];
  criteria: Record<CriterionCode, CriterionResult>;
  indicators: Record<IndicatorCode, IndicatorResult>;
}

export interface Rollup {
  code: LocalityCode;
  name: string;
  level: Level;
  communes: number;
  ntm: number;
  ntmShare: number;
  advanced: number;
  advancedShare: number;
  model: number;
  modelShare: number;
  below15: number;
  averageCriteria: number;
  /** Districts under a province (0 under a district). */
  districts: number;
  districtsNtm: number;
  districtsNtmShare: number;
  districtsAdvanced: number;
  status: Status;
}

export interface Bottleneck {
  code: IndicatorCode;
  criterion: CriterionCode;
  nameVi: string;
  nameEn: string;
  /** Communes with a decided outcome (met, near or not met). */
  evaluated: number;
  met: number;
  share: number;
}

/** Metric keys usable in targets and as computed data columns ("@" + key). */
export type MetricKey =
  | "communeNtmShare"
  | "communeAdvancedShare"
  | "communeModelShare"
  | "communesBelow15"
  | "averageCriteria"
  | "districtNtmShare"
  | "districtAdvancedShare"
  /** Share of thị xã / thành phố (district-level towns and cities) that completed the task (QĐ 321 P2). */
  | "townNtmShare"
  /** Share of the province-level requirements (level "province", tier "ntm") met. */
  | "provinceRequirementsShare";

export const METRIC_KEYS: readonly MetricKey[] = [
  "communeNtmShare",
  "communeAdvancedShare",
  "communeModelShare",
  "communesBelow15",
  "averageCriteria",
  "districtNtmShare",
  "districtAdvancedShare",
  "townNtmShare",
  "provinceRequirementsShare",
];

/** Metrics that are shares (fractions 0..1); the others are counts or averages. */
export const SHARE_METRICS: ReadonlySet<MetricKey> = new Set<MetricKey>([
  "communeNtmShare",
  "communeAdvancedShare",
  "communeModelShare",
  "districtNtmShare",
  "districtAdvancedShare",
  "townNtmShare",
  "provinceRequirementsShare",
]);

export interface Target {
  metric: MetricKey;
  /** Locality code the target applies to; undefined = the province. */
  scope?: LocalityCode;
  year: number;
  value: number;
  comparator: ">=" | "<=";
  note?: string;
  ref?: CellRef;
}

export type TargetStatus = "achieved" | "behind" | "pending";

export interface TargetResult extends Target {
  actual: number | null;
  status: TargetStatus;
  /** How far from the target (positive = still to go), in the metric's unit. */
  gap: number | null;
}

// ---------- Funding ----------

/** Funding source category code (funding.md §7), e.g. "NSTW", "NS_TINH", "TIN_DUNG". */
export type SourceCode = string;

export type BudgetKind = "plan" | "actual";

export interface BudgetLine {
  locality: LocalityCode;
  year?: number;
  kind: BudgetKind;
  programme?: string;
  criterion?: CriterionCode;
  description?: string;
  /** Amounts as entered, by source code (parents may be given alone). */
  amounts: Record<SourceCode, number>;
  /** Row reference (first cell of the line). */
  ref?: CellRef;
  /** Cell of each amount, for issues that name the exact cell. */
  cells?: Record<SourceCode, CellRef>;
}

export interface FundingMix {
  total: number;
  bySource: Record<SourceCode, number>;
  shares: Record<SourceCode, number>;
  sharesExcludingCredit: Record<SourceCode, number>;
}

export interface FundingResult extends FundingMix {
  code: LocalityCode;
  level: Level;
  actual: FundingMix;
  /** actual.total / plan total; null when nothing is planned. */
  disbursementRate: number | null;
  /** Planned money per criterion code. */
  byCriterion: Record<CriterionCode, number>;
}

export type FundingFlag =
  | { kind: "unmetWithoutMoney"; locality: LocalityCode; criterion: CriterionCode }
  | { kind: "lowCounterpart"; locality: LocalityCode; ratio: number; required: number };

// ---------- Issues ----------

export type Severity = "error" | "warning" | "info";

/**
 * A problem the user can fix. Messages are rendered from `code` + `params` by src/i18n with the key
 * `issue.<code>`; codes are UPPER_SNAKE_CASE.
 */
export interface Issue {
  severity: Severity;
  code: string;
  sheet?: string;
  cell?: string;
  /** The workbook file, when several are read together. */
  file?: string;
  params: Record<string, string | number>;
}

// ---------- Whole evaluation ----------

/** A node of the funding-category tree (funding.md §7); passed in so the domain stays catalog-free. */
export interface SourceNode {
  code: SourceCode;
  parent?: SourceCode;
  /** Outstanding balances (credit): excluded from the "without credit" mix. */
  stock?: boolean;
}

export interface EvaluationInput {
  indicators: IndicatorDef[];
  criteria: CriterionDef[];
  localities: Locality[];
  targets: Target[];
  budgetLines: BudgetLine[];
  sources: SourceNode[];
}

export interface EvaluationResult {
  options: EvaluationOptions;
  localities: LocalityResult[];
  rollups: Rollup[];
  bottlenecks: Bottleneck[];
  targets: TargetResult[];
  funding: FundingResult[];
  fundingFlags: FundingFlag[];
  issues: Issue[];
}
