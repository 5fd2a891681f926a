/**
 * Attainment of one locality: indicators → criteria → status.
 * A criterion is met when all its indicators are met, not met when any is not met (or only near),
 * and unknown otherwise (missing value, invalid value or no threshold): never silently "met".
 */
import { judge, newVerdict } from "./indicator";
import { defineLazyIndicators, IndicatorStore } from "./indicatorStore";
import type { LevelPlan } from "./levelPlan";
import { effectiveRegion, roundTo, type ThresholdResolver } from "./thresholds";
import type {
  Band,
  CriterionOutcome,
  CriterionResult,
  IndicatorResult,
  InputValue,
  Locality,
  LocalityResult,
  MetricKey,
  Outcome,
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

export function evaluateLocality(
  locality: Locality,
  plan: LevelPlan,
  ctx: AttainmentContext,
): LocalityResult {
  const region = effectiveRegion(locality, ctx.region);
  const group = locality.group;
  const thresholds = ctx.resolver.resolveAll(plan.level, plan.indicators, region, group);
  const inputs = new Array<InputValue | undefined>(plan.indicators.length);
  const store = new IndicatorStore(plan.indicators, thresholds, inputs);
  const outcomes = new Array<Outcome>(plan.indicators.length);
  const verdict = newVerdict();

  for (let i = 0; i < plan.indicators.length; i++) {
    const def = plan.indicators[i];
    const dataCode = def.dataCode ?? def.code;
    let input: InputValue | undefined;
    if (dataCode.startsWith("@")) {
      const metric = dataCode.slice(1) as MetricKey;
      input = computedInput(ctx.computed?.[metric], def.kind === "percent" && SHARE_METRICS.has(metric));
    } else input = locality.values[dataCode];
    inputs[i] = input;
    judge(def.comparator, input, thresholds[i].value, ctx.nearMargin, verdict);
    store.set(i, verdict);
    const o = verdict.outcome;
    outcomes[i] = o;
    if (ctx.tally) {
      if (o === "met") ctx.tally.met[i]++;
      if (o === "met" || o === "notMet" || o === "near") ctx.tally.decided[i]++;
    }
  }

  const criteria: Record<string, CriterionResult> = {};
  const tierOutcomes: Record<Tier, CriterionOutcome[]> = { ntm: [], advanced: [], model: [], condition: [] };
  let criteriaMet = 0;
  let criteriaTotal = 0;
  let criteriaUnknown = 0;
  let nationalMet = 0;
  let nationalTotal = 0;
  const unmet: string[] = [];

  for (const crit of plan.criteria) {
    const outcome = criterionOutcomeOf(crit.indicators, outcomes);
    criteria[crit.key] = { code: crit.key, outcome, tier: crit.tier };
    tierOutcomes[crit.tier].push(outcome);
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

  const { status, undecided } = statusFrom(tierOutcomes);
  const result: LocalityResult = {
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
    status,
    undecided,
    unmet,
    criteria,
  } as LocalityResult;
  defineLazyIndicators(result, store);
  // The bands are defined on the 19 national criteria; a trimmed-down set has no band.
  if (ctx.bands && locality.level === "commune" && nationalTotal >= 15)
    result.band = bandOf(nationalMet, nationalTotal);
  return result;
}

/** A computed metric as an input value; shares become percentage points for percent indicators. */
function computedInput(value: number | undefined, asPercent: boolean): InputValue {
  if (value === undefined || Number.isNaN(value)) return { kind: "missing" };
  return { kind: "value", value: asPercent ? roundTo(value * 100, 10) : value };
}

/** criterionOutcome over the plan indexes of a criterion's indicators, without building a list. */
function criterionOutcomeOf(indexes: readonly number[], outcomes: readonly Outcome[]): CriterionOutcome {
  let unknown = indexes.length === 0;
  for (const i of indexes) {
    const o = outcomes[i];
    if (o === "notMet" || o === "near") return "notMet";
    if (o !== "met") unknown = true;
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
function tierOutcome(outcomes: readonly CriterionOutcome[]): CriterionOutcome | "empty" {
  if (outcomes.length === 0) return "empty";
  if (outcomes.includes("notMet")) return "notMet";
  if (outcomes.includes("unknown")) return "unknown";
  return "met";
}

/**
 * Statuses build on each other: NTM (all NTM criteria and the recognition conditions) → advanced
 * (all advanced criteria) → model (QĐ 319 conditions). A tier whose result is unknown stops the climb
 * and is reported as undecided; a tier the workbook does not define is simply not reached.
 */
export function statusFrom(tiers: Record<Tier, readonly CriterionOutcome[]>): {
  status: Status;
  undecided: Tier[];
} {
  const undecided: Tier[] = [];
  const ntm = tierOutcome(tiers.ntm);
  const cond = tierOutcome(tiers.condition);
  if (ntm === "empty" || ntm === "notMet" || cond === "notMet") return { status: "none", undecided };
  if (ntm === "unknown" || cond === "unknown") {
    if (ntm === "unknown") undecided.push("ntm");
    if (cond === "unknown") undecided.push("condition");
    return { status: "none", undecided };
  }
  const adv = tierOutcome(tiers.advanced);
  if (adv !== "met") {
    if (adv === "unknown") undecided.push("advanced");
    return { status: "ntm", undecided };
  }
  const model = tierOutcome(tiers.model);
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
