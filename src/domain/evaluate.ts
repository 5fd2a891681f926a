/**
 * The engine: evaluate(input, options) → results. Pure and deterministic: the evaluation year and
 * every option are arguments; the same input always gives deep-equal output.
 *
 * Order: villages → communes → districts (metrics from their communes) → provinces (metrics from
 * their communes and districts) → roll-ups, bottlenecks, targets, funding.
 */
import { evaluateLocality, type AttainmentContext } from "./attainment";
import { LevelVerdicts } from "./levelVerdicts";
import { bottlenecks, newTally } from "./bottlenecks";
import { computeFunding } from "./funding";
import { buildHierarchy, LEVELS_TOP_DOWN, type Hierarchy } from "./hierarchy";
import { compareIssues } from "./issues";
import { buildLevelPlans } from "./levelPlan";
import { countCommune, countDistrict, isTown, metricsFrom, newCounts, rollupOf, type Counts } from "./rollup";
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
  const { all, parent } = hierarchy;
  const {
    plans,
    byCode,
    issues: planIssues,
  } = buildLevelPlans(input.indicators, input.criteria, options.year);
  const resolver = new ThresholdResolver(byCode);
  const results = new Array<LocalityResult>(all.length);
  // Counts and metrics of districts and provinces, filled as their communes and districts finish.
  const counts = new Array<Counts | undefined>(all.length);
  const metrics = new Array<Partial<Record<MetricKey, number>> | undefined>(all.length);
  for (const level of ["province", "district"] as const)
    for (const i of hierarchy.byLevel[level]) counts[i] = newCounts();
  const bands = options.setId === "2021-2025";
  const regions = inheritedRegions(hierarchy, options.region);

  const tally = newTally(plans.commune);
  for (const level of BOTTOM_UP) {
    const members = hierarchy.byLevel[level];
    const verdicts = new LevelVerdicts(plans[level], members.length);
    for (let row = 0; row < members.length; row++) {
      const i = members[row];
      const p = parent[i];
      const c = counts[i];
      if (c) metrics[i] = metricsFrom(c);
      const ctx: AttainmentContext = {
        resolver,
        nearMargin: options.nearMargin,
        region: p >= 0 ? regions[p] : options.region,
        bands,
        computed: metrics[i],
        parentCode: p >= 0 ? all[p].code : undefined,
        tally: level === "commune" ? tally : undefined,
      };
      const r = evaluateLocality(all[i], row, verdicts, ctx);
      results[i] = r;
      if (level === "commune") {
        for (let a = p; a >= 0; a = parent[a]) if (counts[a]) countCommune(counts[a]!, r);
      } else if (level === "district") {
        const town = isTown(all[i]);
        for (let a = p; a >= 0; a = parent[a])
          if (all[a].level === "province") countDistrict(counts[a]!, r, town);
      }
    }
  }

  // Province requirements share is known only after the province itself is evaluated.
  for (const i of hierarchy.byLevel.province) {
    const r = results[i];
    const m = metrics[i];
    if (m && r.criteriaTotal > 0) m.provinceRequirementsShare = r.criteriaMet / r.criteriaTotal;
  }

  const rollups: Rollup[] = [];
  for (const level of ["province", "district"] as const) {
    for (const i of hierarchy.byLevel[level]) rollups.push(rollupOf(all[i], counts[i]!, results[i]));
  }

  const ordered = results;
  const metricsOf = (scope: string | undefined) => {
    if (scope === undefined || scope === "") {
      const provinces = hierarchy.byLevel.province;
      return provinces.length === 1 ? metrics[provinces[0]] : undefined;
    }
    for (const level of ["province", "district"] as const) {
      const i = hierarchy.index[level].get(scope);
      if (i !== undefined) return metrics[i];
    }
    return undefined;
  };

  const unmet = new Map<string, string[]>();
  for (const r of ordered) if (r.unmet.length > 0) unmet.set(r.code, r.unmet);
  const funding = computeFunding({
    lines: input.budgetLines,
    sources: input.sources,
    localities: all.map((l, i) => ({
      code: l.code,
      level: l.level,
      parent: parent[i] >= 0 ? all[parent[i]].code : undefined,
    })),
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
function inheritedRegions(h: Hierarchy, fallback: RegionCode): RegionCode[] {
  const out = new Array<RegionCode>(h.all.length);
  for (const level of LEVELS_TOP_DOWN) {
    for (const i of h.byLevel[level]) {
      const p = h.parent[i];
      out[i] = h.all[i].region ?? (p >= 0 ? out[p] : fallback);
    }
  }
  return out;
}
