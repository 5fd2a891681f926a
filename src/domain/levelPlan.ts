/**
 * Compiles the criteria sheet into a per-level evaluation plan once, so that evaluating 10,000
 * communes is a tight loop over arrays.
 */
import { makeIssue } from "./issues";
import type {
  CriterionCode,
  CriterionDef,
  CriterionOutcome,
  CriterionResult,
  IndicatorDef,
  Issue,
  Level,
  Tier,
} from "./types";

export interface CriterionPlan {
  /** Key in results: the code for the NTM tier, tier-prefixed otherwise ("NC.2"). */
  key: CriterionCode;
  code: CriterionCode;
  tier: Tier;
  national: boolean;
  nameVi: string;
  nameEn: string;
  /** Indexes into LevelPlan.indicators. */
  indicators: number[];
  /** The three possible results, shared (frozen) by every locality: no object per locality. */
  results: Readonly<Record<CriterionOutcome, Readonly<CriterionResult>>>;
}

export interface LevelPlan {
  level: Level;
  indicators: IndicatorDef[];
  /** Where each indicator's value comes from: its data code, or "@metric" for computed metrics. */
  dataCodes: string[];
  criteria: CriterionPlan[];
}

const TIER_PREFIX: Record<Tier, string> = { ntm: "", advanced: "NC.", model: "KM.", condition: "DK." };

/** Result key of a criterion: "2" for NTM, "NC.2" for advanced; codes already carrying the prefix stay. */
export function criterionKey(code: CriterionCode, tier: Tier): CriterionCode {
  const prefix = TIER_PREFIX[tier];
  if (!prefix || code.toUpperCase().startsWith(prefix.slice(0, 2))) return code;
  return prefix + code;
}

/** Indicators that apply in `year`: rows without a year, or whose year equals it. */
export function applicableIndicators(indicators: readonly IndicatorDef[], year: number): IndicatorDef[] {
  return indicators.filter((d) => d.year === undefined || d.year === year);
}

export function buildLevelPlans(
  indicators: readonly IndicatorDef[],
  criteria: readonly CriterionDef[],
  year: number,
): { plans: Record<Level, LevelPlan>; byCode: Map<string, IndicatorDef>; issues: Issue[] } {
  const issues: Issue[] = [];
  const byCode = new Map<string, IndicatorDef>();
  const plans: Record<Level, LevelPlan> = {
    province: { level: "province", indicators: [], dataCodes: [], criteria: [] },
    district: { level: "district", indicators: [], dataCodes: [], criteria: [] },
    commune: { level: "commune", indicators: [], dataCodes: [], criteria: [] },
    village: { level: "village", indicators: [], dataCodes: [], criteria: [] },
  };
  const criterionIndex = new Map<string, CriterionPlan>();

  for (const def of applicableIndicators(indicators, year)) {
    if (byCode.has(def.code)) {
      issues.push(makeIssue("warning", "DUPLICATE_INDICATOR", def.origin, { code: def.code, year }));
      continue;
    }
    byCode.set(def.code, def);
    const plan = plans[def.level];
    const key = criterionKey(def.criterion, def.tier);
    const mapKey = `${def.level}\u0000${key}`;
    let crit = criterionIndex.get(mapKey);
    if (!crit) {
      const cdef = findCriterion(criteria, def.criterion, def.tier, def.level);
      crit = {
        key,
        code: def.criterion,
        tier: def.tier,
        national: cdef?.national ?? true,
        nameVi: cdef?.nameVi ?? def.criterion,
        nameEn: cdef?.nameEn ?? def.criterion,
        indicators: [],
        results: sharedResults(key, def.tier),
      };
      criterionIndex.set(mapKey, crit);
      plan.criteria.push(crit);
    }
    crit.indicators.push(plan.indicators.length);
    plan.indicators.push(def);
    plan.dataCodes.push(def.dataCode ?? def.code);
  }
  return { plans, byCode, issues };
}

function findCriterion(
  criteria: readonly CriterionDef[],
  code: string,
  tier: Tier,
  level: Level,
): CriterionDef | undefined {
  return (
    criteria.find((c) => c.code === code && c.tier === tier && c.level === level) ??
    criteria.find((c) => c.code === code && c.level === level) ??
    criteria.find((c) => c.code === code)
  );
}

function sharedResults(code: CriterionCode, tier: Tier): CriterionPlan["results"] {
  const one = (outcome: CriterionOutcome) => Object.freeze({ code, outcome, tier });
  return Object.freeze({ met: one("met"), notMet: one("notMet"), unknown: one("unknown") });
}
