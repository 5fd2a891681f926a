/**
 * The engine: evaluate(input, options) → results. Pure and deterministic: the evaluation year and
 * every option are arguments; the same input always gives deep-equal output.
 *
 * Order: villages → communes → districts (metrics from their communes) → provinces (metrics from
 * their communes and districts) → roll-ups, bottlenecks, targets, funding.
 */
import { evaluateLocality, type AttainmentContext } from "./attainment";
import { bottlenecks, newTally } from "./bottlenecks";
import { computeFunding } from "./funding";
import { buildHierarchy, localityKey, type Hierarchy } from "./hierarchy";
import { compareIssues } from "./issues";
import { buildLevelPlans } from "./levelPlan";
import { countUnder, metricsFrom, rollupOf, type Counts } from "./rollup";
import { compareTargets } from "./targets";
import { ThresholdResolver } from "./thresholds";
import type {
  EvaluationInput,
  EvaluationOptions,
  EvaluationResult,
  Level,
  LocalityResult,
  MetricKey,
  RegionCode,
  Rollup,
} from "./types";

const BOTTOM_UP: Level[] = ["village", "commune", "district", "province"];

export function evaluate(input: EvaluationInput, options: EvaluationOptions): EvaluationResult {
  const hierarchy = buildHierarchy(input.localities);
  const {
    plans,
    byCode,
    issues: planIssues,
  } = buildLevelPlans(input.indicators, input.criteria, options.year);
  const resolver = new ThresholdResolver(byCode);
  const results = new Map<string, LocalityResult>();
  const counts = new Map<string, Counts>();
  const metrics = new Map<string, Partial<Record<MetricKey, number>>>();
  const bands = options.setId === "2021-2025";
  const inherited = inheritedRegions(hierarchy, options.region);

  const tally = newTally(plans.commune);
  for (const level of BOTTOM_UP) {
    const plan = plans[level];
    for (const locality of hierarchy.byLevel[level]) {
      const key = localityKey(locality);
      const parentKey = hierarchy.parentOf.get(key);
      let computed: Partial<Record<MetricKey, number>> | undefined;
      if (level === "district" || level === "province") {
        const c = countUnder(hierarchy, key, results);
        counts.set(key, c);
        computed = metricsFrom(c);
        metrics.set(key, computed);
      }
      const ctx: AttainmentContext = {
        resolver,
        nearMargin: options.nearMargin,
        region: parentKey ? inherited.get(parentKey)! : options.region,
        bands,
        computed,
        parentCode: parentKey ? hierarchy.byKey.get(parentKey)?.code : undefined,
        tally: level === "commune" ? tally : undefined,
      };
      results.set(key, evaluateLocality(locality, plan, ctx));
    }
  }

  // Province requirements share is known only after the province itself is evaluated.
  for (const province of hierarchy.byLevel.province) {
    const r = results.get(localityKey(province));
    const m = metrics.get(localityKey(province));
    if (r && m && r.criteriaTotal > 0) m.provinceRequirementsShare = r.criteriaMet / r.criteriaTotal;
  }

  const rollups: Rollup[] = [];
  for (const level of ["province", "district"] as const) {
    for (const l of hierarchy.byLevel[level]) {
      const key = localityKey(l);
      rollups.push(rollupOf(l, counts.get(key)!, results.get(key)));
    }
  }

  const ordered = hierarchy.all.map((l) => results.get(localityKey(l))!);
  const soleProvince = hierarchy.byLevel.province.length === 1 ? hierarchy.byLevel.province[0] : undefined;
  const metricsOf = (scope: string | undefined) => {
    if (scope === undefined || scope === "")
      return soleProvince ? metrics.get(localityKey(soleProvince)) : undefined;
    for (const level of ["province", "district"] as const) {
      const m = metrics.get(`${level}:${scope}`);
      if (m) return m;
    }
    return undefined;
  };

  const unmet = new Map<string, string[]>();
  for (const r of ordered) if (r.unmet.length > 0) unmet.set(r.code, r.unmet);
  const funding = computeFunding({
    lines: input.budgetLines,
    sources: input.sources,
    localities: hierarchy.all.map((l) => {
      const parentKey = hierarchy.parentOf.get(localityKey(l));
      return {
        code: l.code,
        level: l.level,
        parent: parentKey ? hierarchy.byKey.get(parentKey)?.code : undefined,
      };
    }),
    year: options.year,
    counterpartRatio: options.counterpartRatio,
    unmet,
  });

  const issues = [...hierarchy.issues, ...planIssues, ...funding.issues].sort(compareIssues);
  return {
    options,
    localities: ordered,
    rollups,
    bottlenecks: bottlenecks(plans.commune, tally),
    targets: compareTargets(input.targets, options.year, metricsOf),
    funding: funding.results,
    fundingFlags: funding.flags,
    issues,
  };
}

/**
 * The region each locality stands in: its own, else its nearest ancestor's, else the settings'. A
 * commune with no region of its own takes its province's, so one workbook can hold several provinces.
 */
function inheritedRegions(h: Hierarchy, fallback: RegionCode): Map<string, RegionCode> {
  const out = new Map<string, RegionCode>();
  for (const level of ["province", "district", "commune", "village"] as const) {
    for (const l of h.byLevel[level]) {
      const key = localityKey(l);
      const parentKey = h.parentOf.get(key);
      out.set(key, l.region ?? (parentKey ? out.get(parentKey) : undefined) ?? fallback);
    }
  }
  return out;
}
