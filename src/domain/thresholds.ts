/**
 * Effective thresholds: which threshold applies to a locality, given the criteria set's scopes
 * (region for 2021-2025, commune group for 2026-2030) and the QĐ 318 region rule.
 */
import type { CommuneGroup, IndicatorDef, Locality, RegionCode, ThresholdRule } from "./types";

/**
 * QĐ 318/QĐ-TTg Điều 1: especially disadvantaged communes (ĐBKK) and safe-zone communes of poor
 * districts use the Northern Midlands and Mountains (TDMNPB) thresholds, whatever their region.
 */
export function effectiveRegion(
  locality: Pick<Locality, "region" | "dbkk" | "atkPoorDistrict">,
  fallback: RegionCode,
): RegionCode {
  if (locality.dbkk || locality.atkPoorDistrict) return "TDMNPB";
  return locality.region ?? fallback;
}

export interface ResolvedThreshold {
  value: number | boolean | null;
  confirmed: boolean;
}

const NOT_SET: ResolvedThreshold = { value: null, confirmed: false };

/**
 * The most specific rule with a value that matches the scope: region+group beats region or group
 * alone, which beats a rule for any scope. Rules without a value (blank cells) never win.
 */
export function pickRule(
  rules: readonly ThresholdRule[],
  region: RegionCode | undefined,
  group: CommuneGroup | undefined,
): ResolvedThreshold {
  let best: ThresholdRule | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    if (rule.value === null) continue;
    if (rule.region !== undefined && rule.region !== region) continue;
    if (rule.group !== undefined && rule.group !== group) continue;
    const score = (rule.region !== undefined ? 1 : 0) + (rule.group !== undefined ? 1 : 0);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best ? { value: best.value, confirmed: best.confirmed } : NOT_SET;
}

/**
 * Resolves thresholds once per (indicator, region, group) and caches them: 10,000 communes share a
 * handful of scopes, so evaluation never re-scans the rules per commune.
 */
export class ThresholdResolver {
  private readonly cache = new Map<string, ResolvedThreshold>();
  private readonly planCache = new Map<string, ResolvedThreshold[]>();

  constructor(private readonly byCode: ReadonlyMap<string, IndicatorDef>) {}

  /** Thresholds of a whole list of indicators for one scope, computed once per (list, scope). */
  resolveAll(
    listKey: string,
    defs: readonly IndicatorDef[],
    region: RegionCode | undefined,
    group: CommuneGroup | undefined,
  ): ResolvedThreshold[] {
    const key = `${listKey}\u0000${region ?? ""}\u0000${group ?? ""}`;
    let hit = this.planCache.get(key);
    if (!hit) {
      hit = defs.map((d) => this.resolve(d, region, group));
      this.planCache.set(key, hit);
    }
    return hit;
  }

  resolve(
    def: IndicatorDef,
    region: RegionCode | undefined,
    group: CommuneGroup | undefined,
  ): ResolvedThreshold {
    const key = `${def.code}\u0000${region ?? ""}\u0000${group ?? ""}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.compute(def, region, group, 0);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private compute(
    def: IndicatorDef,
    region: RegionCode | undefined,
    group: CommuneGroup | undefined,
    depth: number,
  ): ResolvedThreshold {
    if (def.comparator === "pass") return { value: true, confirmed: def.confirmed };
    if (!def.derived) {
      const picked = pickRule(def.thresholds, region, group);
      return picked.value === null
        ? NOT_SET
        : { value: picked.value, confirmed: picked.confirmed && def.confirmed };
    }
    // Derived threshold, e.g. QĐ 319: model income ≥ 110% × the advanced income threshold.
    const base = this.byCode.get(def.derived.from);
    if (!base || depth > 4) return NOT_SET;
    const from = this.compute(base, region, group, depth + 1);
    if (typeof from.value !== "number") return NOT_SET;
    return {
      value: roundTo(from.value * def.derived.factor, 10),
      confirmed: from.confirmed && def.confirmed,
    };
  }
}

export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
