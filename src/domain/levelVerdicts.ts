/**
 * Compact storage of one level's verdicts: typed arrays shared by all its localities instead of
 * ~80 indicator objects and ~25 criterion entries per locality. At national scale (10,000 communes ×
 * 80 indicators) those objects cost ~170 MB and most of the engine's time in garbage collection. A
 * locality's `indicators` and `criteria` records are built from the arrays on first read.
 */
import type { Verdict } from "./indicator";
import type { LevelPlan } from "./levelPlan";
import type { ResolvedThreshold } from "./thresholds";
import type {
  Band,
  CommuneGroup,
  CriterionCode,
  CriterionOutcome,
  CriterionResult,
  IndicatorResult,
  Level,
  Locality,
  LocalityCode,
  LocalityResult,
  Outcome,
  RegionCode,
  Status,
  Tier,
} from "./types";

const OUTCOMES: readonly Outcome[] = ["met", "notMet", "near", "missing", "invalid", "noThreshold"];
export const MET = 0;
export const NOT_MET = 1;
export const NEAR = 2;
const OUTCOME_CODE: Readonly<Record<Outcome, number>> = {
  met: MET,
  notMet: NOT_MET,
  near: NEAR,
  missing: 3,
  invalid: 4,
  noThreshold: 5,
};
const VALUE_NULL = 0;
const VALUE_NUMBER = 1;
const VALUE_BOOLEAN = 2;
const CRITERION_OUTCOMES: readonly CriterionOutcome[] = ["met", "notMet", "unknown"];
export const CRITERION_CODE: Readonly<Record<CriterionOutcome, number>> = { met: 0, notMet: 1, unknown: 2 };

/** Verdicts of `count` localities × the plan's indicators and criteria. */
export class LevelVerdicts {
  /** [outcome, value kind] per (locality, indicator). */
  readonly codes: Uint8Array;
  /** [value, gap (NaN = null)] per (locality, indicator). */
  readonly numbers: Float64Array;
  /** Outcome code per (locality, criterion). */
  readonly criteria: Uint8Array;

  constructor(
    readonly plan: LevelPlan,
    count: number,
  ) {
    this.codes = new Uint8Array(count * plan.indicators.length * 2);
    this.numbers = new Float64Array(count * plan.indicators.length * 2);
    this.criteria = new Uint8Array(count * plan.criteria.length);
  }

  /** Stores verdict `v` at slot `j` (= row × indicator count + indicator index); returns its code. */
  set(j: number, v: Verdict): number {
    const code = OUTCOME_CODE[v.outcome];
    this.codes[2 * j] = code;
    const value = v.value;
    this.codes[2 * j + 1] =
      value === null ? VALUE_NULL : typeof value === "boolean" ? VALUE_BOOLEAN : VALUE_NUMBER;
    this.numbers[2 * j] = typeof value === "number" ? value : value ? 1 : 0;
    this.numbers[2 * j + 1] = v.gap === null ? NaN : v.gap;
    return code;
  }

  /** LocalityResult.indicators of the locality at `row`. */
  indicatorRecord(
    row: number,
    locality: Locality,
    thresholds: readonly ResolvedThreshold[],
  ): Record<string, IndicatorResult> {
    const { indicators, dataCodes } = this.plan;
    const K = indicators.length;
    const out: Record<string, IndicatorResult> = {};
    for (let i = 0; i < K; i++) {
      const j = 2 * (row * K + i);
      const kind = this.codes[j + 1];
      const n = this.numbers[j];
      const gap = this.numbers[j + 1];
      const t = thresholds[i];
      const dataCode = dataCodes[i];
      out[indicators[i].code] = {
        code: indicators[i].code,
        outcome: OUTCOMES[this.codes[j]],
        value: kind === VALUE_NULL ? null : kind === VALUE_BOOLEAN ? n === 1 : n,
        threshold: t.value,
        gap: Number.isNaN(gap) ? null : gap,
        thresholdConfirmed: t.confirmed,
        ref: dataCode.startsWith("@") ? undefined : locality.values[dataCode]?.ref,
      };
    }
    return out;
  }

  /** LocalityResult.criteria of the locality at `row`, in plan order (shared, frozen entries). */
  criterionRecord(row: number): Record<CriterionCode, CriterionResult> {
    const crits = this.plan.criteria;
    const C = crits.length;
    const out: Record<CriterionCode, CriterionResult> = {};
    for (let c = 0; c < C; c++)
      out[crits[c].key] = crits[c].results[CRITERION_OUTCOMES[this.criteria[row * C + c]]];
    return out;
  }
}

/** What attainment decided for a locality; the records come from its level's verdicts. */
export interface LocalitySummary {
  code: LocalityCode;
  name: string;
  level: Level;
  parent: LocalityCode | undefined;
  effectiveRegion: RegionCode | undefined;
  group: CommuneGroup | undefined;
  criteriaMet: number;
  criteriaTotal: number;
  criteriaUnknown: number;
  nationalMet: number;
  nationalTotal: number;
  band: Band | undefined;
  status: Status;
  undecided: Tier[];
  unmet: CriterionCode[];
}

/**
 * A LocalityResult whose `indicators` and `criteria` records are built on first read (then kept).
 * They are prototype getters, so `toJSON` lists them for JSON like every other field.
 */
export class StoredLocalityResult implements LocalityResult {
  code: LocalityCode;
  name: string;
  level: Level;
  parent: LocalityCode | undefined;
  effectiveRegion: RegionCode | undefined;
  group: CommuneGroup | undefined;
  criteriaMet: number;
  criteriaTotal: number;
  criteriaUnknown: number;
  nationalMet: number;
  nationalTotal: number;
  band: Band | undefined;
  status: Status;
  undecided: Tier[];
  unmet: CriterionCode[];
  readonly #verdicts: LevelVerdicts;
  readonly #row: number;
  readonly #locality: Locality;
  readonly #thresholds: readonly ResolvedThreshold[];
  #criteria: Record<CriterionCode, CriterionResult> | undefined;
  #indicators: Record<string, IndicatorResult> | undefined;

  constructor(
    s: LocalitySummary,
    verdicts: LevelVerdicts,
    row: number,
    locality: Locality,
    thresholds: readonly ResolvedThreshold[],
  ) {
    this.code = s.code;
    this.name = s.name;
    this.level = s.level;
    this.parent = s.parent;
    this.effectiveRegion = s.effectiveRegion;
    this.group = s.group;
    this.criteriaMet = s.criteriaMet;
    this.criteriaTotal = s.criteriaTotal;
    this.criteriaUnknown = s.criteriaUnknown;
    this.nationalMet = s.nationalMet;
    this.nationalTotal = s.nationalTotal;
    this.band = s.band;
    this.status = s.status;
    this.undecided = s.undecided;
    this.unmet = s.unmet;
    this.#verdicts = verdicts;
    this.#row = row;
    this.#locality = locality;
    this.#thresholds = thresholds;
  }

  get criteria(): Record<CriterionCode, CriterionResult> {
    return (this.#criteria ??= this.#verdicts.criterionRecord(this.#row));
  }

  set criteria(value: Record<CriterionCode, CriterionResult>) {
    this.#criteria = value;
  }

  get indicators(): Record<string, IndicatorResult> {
    return (this.#indicators ??= this.#verdicts.indicatorRecord(this.#row, this.#locality, this.#thresholds));
  }

  set indicators(value: Record<string, IndicatorResult>) {
    this.#indicators = value;
  }

  toJSON(): LocalityResult {
    return { ...this, criteria: this.criteria, indicators: this.indicators };
  }
}
