/** The province's targets compared with the results: achieved, behind (by how much) or still pending. */
import type { MetricKey, Target, TargetResult } from "./types";

const EPSILON = 1e-9;

/**
 * A target due in or before the evaluation year is "behind" when not achieved; a later one is
 * "pending" with its remaining gap. A metric that cannot be measured (e.g. no districts) is pending.
 */
export function compareTargets(
  targets: readonly Target[],
  year: number,
  metricsOf: (scope: string | undefined) => Partial<Record<MetricKey, number>> | undefined,
): TargetResult[] {
  return targets.map((target) => {
    const actual = metricsOf(target.scope)?.[target.metric];
    if (actual === undefined) return { ...target, actual: null, status: "pending", gap: null };
    const shortfall = target.comparator === ">=" ? target.value - actual : actual - target.value;
    if (shortfall <= EPSILON) return { ...target, actual, status: "achieved", gap: 0 };
    return {
      ...target,
      actual,
      status: target.year <= year ? "behind" : "pending",
      gap: Math.round(shortfall * 1e10) / 1e10,
    };
  });
}
