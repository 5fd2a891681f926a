/**
 * Attainment of one locality: indicators → criteria → status.
 * A criterion is met when all its indicators are met, not met when any is not met (or only near),
 * and unknown otherwise (missing value, invalid value or no threshold): never silently "met".
 */
import { judge, newVerdict } from "./indicator";
import {
  CRITERION_CODE,
  MET,
  NEAR,
  NOT_MET,
  StoredLocalityResult,
  type LevelVerdicts,
} from "./levelVerdicts";
import { effectiveRegion, roundTo, type ThresholdResolver } from "./thresholds";
import type {
  Band,
  CriterionOutcome,
  IndicatorResult,
  InputValue,
  Locality,
  LocalityResult,
  MetricKey,
  RegionCode,
  Status,
  Tier,
} from "./types";
import { SHARE_METRICS } from "./types";

export interface AttainmentContext {
  resolver: ThresholdResolver;
  nearMargin: number;
  /** Province region, used when the locality has none of its own. */
  region: RegionCode;
  /** Whether the QĐ 07/QĐ 263 band (< 15, 15–18, 19) applies (2021-2025 set). */
  bands: boolean;
  /** Metric values for "@metric" data codes (shares as fractions), keyed by MetricKey. */
  computed?: Readonly<Partial<Record<MetricKey, number>>>;
  parentCode?: string;
  /** Per-indicator counts of met and decided outcomes (for bottlenecks), indexed like the plan. */
  tally?: { met: Int32Array; decided: Int32Array };
}

/** Criteria outcomes of one tier, counted. */
interface TierCount {
  total: number;
  notMet: number;
  unknown: number;
}

/**
 * Evaluates the locality stored at `row` of `verdicts` (its level's shared storage) against the
 * level's plan.
 */
export function evaluateLocality(
  locality: Locality,
  row: number,
  verdicts: LevelVerdicts,
  ctx: AttainmentContext,
): LocalityResult {
  const plan = verdicts.plan;
  const { indicators, dataCodes } = plan;
  const K = indicators.length;
  const region = effectiveRegion(locality, ctx.region);
  const group = locality.group;
  const thresholds = ctx.resolver.resolveAll(plan.level, indicators, region, group);
  const verdict = newVerdict();
  const values = locality.values;
  const tally = ctx.tally;
  const base = row * K;

  for (let i = 0; i < K; i++) {
    const def = indicators[i];
    const dataCode = dataCodes[i];
    const input =
      dataCode.charCodeAt(0) === 64 /* @ */
        ? computedInput(ctx.computed, dataCode, def.kind === "percent")
        : values[dataCode];
    judge(def.comparator, input, thresholds[i].value, ctx.nearMargin, verdict);
    const o = verdicts.set(base + i, verdict);
    if (tally) {
      if (o === MET) tally.met[i]++;
      if (o <= NEAR) tally.decided[i]++;
    }
  }

  const tiers: Record<Tier, TierCount> = {
    ntm: { total: 0, notMet: 0, unknown: 0 },
    advanced: { total: 0, notMet: 0, unknown: 0 },
    model: { total: 0, notMet: 0, unknown: 0 },
    condition: { total: 0, notMet: 0, unknown: 0 },
  };
  let criteriaMet = 0;
  let criteriaTotal = 0;
  let criteriaUnknown = 0;
  let nationalMet = 0;
  let nationalTotal = 0;
  const unmet: string[] = [];
  const codes = verdicts.codes;
  const C = plan.criteria.length;

  for (let c = 0; c < C; c++) {
    const crit = plan.criteria[c];
    const outcome = criterionOutcomeAt(crit.indicators, codes, base);
    verdicts.criteria[row * C + c] = CRITERION_CODE[outcome];
    const tier = tiers[crit.tier];
    tier.total++;
    if (outcome === "notMet") tier.notMet++;
    else if (outcome === "unknown") tier.unknown++;
    if (outcome === "notMet" && (crit.tier === "ntm" || crit.tier === "condition")) unmet.push(crit.key);
    if (crit.tier !== "ntm") continue;
    criteriaTotal++;
    if (outcome === "met") criteriaMet++;
    else if (outcome === "unknown") criteriaUnknown++;
    if (crit.national) {
      nationalTotal++;
      if (outcome === "met") nationalMet++;
    }
  }

  const { status, undecided } = statusFrom({
    ntm: tierOutcome(tiers.ntm),
    advanced: tierOutcome(tiers.advanced),
    model: tierOutcome(tiers.model),
    condition: tierOutcome(tiers.condition),
  });
  // The bands are defined on the 19 national criteria; a trimmed-down set has no band.
  const band =
    ctx.bands && locality.level === "commune" && nationalTotal >= 15
      ? bandOf(nationalMet, nationalTotal)
      : undefined;
  const summary = {
    code: locality.code,
    name: locality.name,
    level: locality.level,
    parent: ctx.parentCode,
    effectiveRegion: region,
    group,
    criteriaMet,
    criteriaTotal,
    criteriaUnknown,
    nationalMet,
    nationalTotal,
    band,
    status,
    undecided,
    unmet,
  };
  return new StoredLocalityResult(summary, verdicts, row, locality, thresholds);
}

/** A computed metric as an input value; shares become percentage points for percent indicators. */
function computedInput(
  computed: AttainmentContext["computed"],
  dataCode: string,
  percent: boolean,
): InputValue {
  const metric = dataCode.slice(1) as MetricKey;
  const value = computed?.[metric];
  const asPercent = percent && SHARE_METRICS.has(metric);
  if (value === undefined || Number.isNaN(value)) return { kind: "missing" };
  return { kind: "value", value: asPercent ? roundTo(value * 100, 10) : value };
}

/** The outcome of a criterion from its indicators' stored outcome codes, without building a list. */
function criterionOutcomeAt(indexes: readonly number[], codes: Uint8Array, base: number): CriterionOutcome {
  let unknown = indexes.length === 0;
  for (const i of indexes) {
    const o = codes[2 * (base + i)];
    if (o === NOT_MET || o === NEAR) return "notMet";
    if (o !== MET) unknown = true;
  }
  return unknown ? "unknown" : "met";
}

export function criterionOutcome(results: readonly IndicatorResult[]): CriterionOutcome {
  let unknown = false;
  for (const r of results) {
    if (r.outcome === "notMet" || r.outcome === "near") return "notMet";
    if (r.outcome !== "met") unknown = true;
  }
  return unknown || results.length === 0 ? "unknown" : "met";
}

/** all met → "met"; any not met → "notMet"; else "unknown". An empty tier is "empty". */
function tierOutcome(t: TierCount): TierOutcome {
  if (t.total === 0) return "empty";
  if (t.notMet > 0) return "notMet";
  if (t.unknown > 0) return "unknown";
  return "met";
}

export type TierOutcome = CriterionOutcome | "empty";

/**
 * Statuses build on each other: NTM (all NTM criteria and the recognition conditions) → advanced
 * (all advanced criteria) → model (QĐ 319 conditions). A tier whose result is unknown stops the climb
 * and is reported as undecided; a tier the workbook does not define is simply not reached.
 */
export function statusFrom(tiers: Readonly<Record<Tier, TierOutcome>>): {
  status: Status;
  undecided: Tier[];
} {
  const undecided: Tier[] = [];
  const ntm = tiers.ntm;
  const cond = tiers.condition;
  if (ntm === "empty" || ntm === "notMet" || cond === "notMet") return { status: "none", undecided };
  if (ntm === "unknown" || cond === "unknown") {
    if (ntm === "unknown") undecided.push("ntm");
    if (cond === "unknown") undecided.push("condition");
    return { status: "none", undecided };
  }
  const adv = tiers.advanced;
  if (adv !== "met") {
    if (adv === "unknown") undecided.push("advanced");
    return { status: "ntm", undecided };
  }
  const model = tiers.model;
  if (model !== "met") {
    if (model === "unknown") undecided.push("model");
    return { status: "advanced", undecided };
  }
  return { status: "model", undecided };
}

/** QĐ 07/2022 and QĐ 263 bands: fewer than 15 national criteria, 15 to 18, all 19. */
export function bandOf(met: number, total: number): Band {
  if (met >= total) return "all";
  return met >= 15 ? "15to18" : "below15";
}
